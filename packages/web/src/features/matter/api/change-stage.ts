import { MatterDetail } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export type ChangeStageInput = { matterId: string; stage: string };

export const changeMatterStage = ({ matterId, stage }: ChangeStageInput) =>
  apiJson(`/api/v1/matters/${encodeURIComponent(matterId)}/stage`, MatterDetail, {
    method: 'POST',
    body: { stage },
  });

export const useChangeMatterStage = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeMatterStage,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['matters'] });
      void queryClient.invalidateQueries({ queryKey: ['board'] });
    },
  });
};
