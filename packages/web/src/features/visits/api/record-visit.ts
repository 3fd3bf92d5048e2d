import { RecordedVisitBody, type RecordVisitInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { invalidatePersonVisits } from './invalidate-visits';

/** The visit record: when it was held, who attended, privileged notes and follow-up tasks. */
export const recordVisit = (id: string, input: RecordVisitInput) =>
  apiJson(`/api/v1/visits/${encodeURIComponent(id)}/record`, RecordedVisitBody, { method: 'POST', body: input });

export const useRecordVisit = (personId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: RecordVisitInput }) => recordVisit(id, input),
    onSuccess: () => invalidatePersonVisits(queryClient, personId),
  });
};
