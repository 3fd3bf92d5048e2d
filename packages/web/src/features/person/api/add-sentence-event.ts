import { type SentenceEventInput, SentenceHistoryView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { personQueryKey } from './get-person';

export type AddSentenceEventInput = { convictionId: string; event: SentenceEventInput };

export const addSentenceEvent = ({ convictionId, event }: AddSentenceEventInput) =>
  apiJson(`/api/v1/convictions/${encodeURIComponent(convictionId)}/sentence-events`, SentenceHistoryView, {
    method: 'POST',
    body: event,
  });

export const useAddSentenceEvent = (personId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addSentenceEvent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personQueryKey(personId) }),
  });
};
