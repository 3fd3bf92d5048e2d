import { PersonScreeningFacts } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { personScreeningQueryKey } from './get-person-screening';

export type UpdateScreeningFactsInput = { personId: string; facts: PersonScreeningFacts };

/** Replaces the person's screening facts; the results are screened again from them. */
export const updateScreeningFacts = ({ personId, facts }: UpdateScreeningFactsInput) =>
  apiJson(`/api/v1/people/${encodeURIComponent(personId)}/screening-facts`, PersonScreeningFacts, {
    method: 'PUT',
    body: facts,
  });

export const useUpdateScreeningFacts = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateScreeningFacts,
    onSuccess: (_facts, { personId }) => queryClient.invalidateQueries({ queryKey: personScreeningQueryKey(personId) }),
  });
};
