import { type AddPartyInput, PartyView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { matterQueryKey } from './get-matter';

export const addParty = (matterId: string, input: AddPartyInput) =>
  apiJson(`/api/v1/matters/${encodeURIComponent(matterId)}/parties`, PartyView, { method: 'POST', body: input });

export const useAddParty = (matterId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddPartyInput) => addParty(matterId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: matterQueryKey(matterId) }),
  });
};
