import { MatterDetail, type UpdateMatterInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const updateMatter = (matterId: string, input: UpdateMatterInput) =>
  apiJson(`/api/v1/matters/${encodeURIComponent(matterId)}`, MatterDetail, { method: 'PATCH', body: input });

export const useUpdateMatter = (matterId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMatterInput) => updateMatter(matterId, input),
    onSuccess: (matter) => {
      void queryClient.invalidateQueries({ queryKey: ['matters'] });
      // A granted release changes the person's status; the outcome counts change too.
      void queryClient.invalidateQueries({ queryKey: ['people', 'person', matter.personId] });
      void queryClient.invalidateQueries({ queryKey: ['stats'] });
    },
  });
};
