import { type UpdateVisitInput, VisitBody } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { invalidatePersonVisits } from './invalidate-visits';

/** Approve, deny (with the reason), schedule (with the time), cancel, or ask again after a denial. */
export const updateVisit = (id: string, input: UpdateVisitInput) =>
  apiJson(`/api/v1/visits/${encodeURIComponent(id)}`, VisitBody, { method: 'PATCH', body: input });

export const useUpdateVisit = (personId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateVisitInput }) => updateVisit(id, input),
    onSuccess: () => invalidatePersonVisits(queryClient, personId),
  });
};
