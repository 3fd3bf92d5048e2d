import { type ConvictionPartyInput, ConvictionPartyView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { personQueryKey } from './get-person';

export type AddConvictionPartyInput = { convictionId: string; party: Partial<ConvictionPartyInput> };

export const addConvictionParty = ({ convictionId, party }: AddConvictionPartyInput) =>
  apiJson(`/api/v1/convictions/${encodeURIComponent(convictionId)}/parties`, ConvictionPartyView, {
    method: 'POST',
    body: party,
  });

export const useAddConvictionParty = (personId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addConvictionParty,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personQueryKey(personId) }),
  });
};
