import { type RequestVisitInput, VisitBody } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { invalidatePersonVisits } from './invalidate-visits';

export const requestVisit = (input: RequestVisitInput) =>
  apiJson('/api/v1/visits', VisitBody, { method: 'POST', body: input });

export const useRequestVisit = (personId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestVisit,
    onSuccess: () => invalidatePersonVisits(queryClient, personId),
  });
};
