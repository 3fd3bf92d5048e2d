import { CorrespondenceBody, type UpdateCorrespondenceInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { invalidateCorrespondence } from './invalidate-correspondence';

/** Marks a letter sent, returned (with the reason: the person's mail goes on hold) or received. */
export const updateCorrespondence = (id: string, input: UpdateCorrespondenceInput) =>
  apiJson(`/api/v1/correspondence/${encodeURIComponent(id)}`, CorrespondenceBody, { method: 'PATCH', body: input });

export const useUpdateCorrespondence = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateCorrespondenceInput }) => updateCorrespondence(id, input),
    onSuccess: () => invalidateCorrespondence(queryClient),
  });
};
