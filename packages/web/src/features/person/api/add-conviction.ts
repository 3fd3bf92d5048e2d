import { ConvictionView, type CreateConvictionInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { personQueryKey } from './get-person';

export const addConviction = (personId: string, input: Partial<CreateConvictionInput>) =>
  apiJson(`/api/v1/people/${encodeURIComponent(personId)}/convictions`, ConvictionView, {
    method: 'POST',
    body: input,
  });

export const useAddConviction = (personId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<CreateConvictionInput>) => addConviction(personId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personQueryKey(personId) }),
  });
};
