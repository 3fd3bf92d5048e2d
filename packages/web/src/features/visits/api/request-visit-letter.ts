import { type RequestLetterInput, VisitLetterBody } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { invalidatePersonVisits } from './invalidate-visits';

/** The attorney-visit request letter (15 CCR § 3178), logged as a letter ready to print. */
export const requestVisitLetter = (id: string, input: RequestLetterInput) =>
  apiJson(`/api/v1/visits/${encodeURIComponent(id)}/request-letter`, VisitLetterBody, { method: 'POST', body: input });

export const useRequestVisitLetter = (personId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: RequestLetterInput }) => requestVisitLetter(id, input),
    onSuccess: () => invalidatePersonVisits(queryClient, personId),
  });
};
