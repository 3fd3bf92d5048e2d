import { MailHoldReleasedView, type ReleaseMailHoldInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const releaseMailHold = (personId: string, input: ReleaseMailHoldInput) =>
  apiJson(`/api/v1/people/${encodeURIComponent(personId)}/mail-hold/release`, MailHoldReleasedView, {
    method: 'POST',
    body: input,
  });

export const useReleaseMailHold = (personId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReleaseMailHoldInput) => releaseMailHold(personId, input),
    // The list shows the mail hold too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['people'] }),
  });
};
