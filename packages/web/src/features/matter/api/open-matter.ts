import { MatterDetail, type OpenMatterInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const openMatter = (input: OpenMatterInput) =>
  apiJson('/api/v1/matters', MatterDetail, { method: 'POST', body: input });

export const useOpenMatter = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openMatter,
    onSuccess: (matter) => {
      void queryClient.invalidateQueries({ queryKey: ['matters'] });
      void queryClient.invalidateQueries({ queryKey: ['people', 'person', matter.personId] });
      void queryClient.invalidateQueries({ queryKey: ['board'] });
    },
  });
};
