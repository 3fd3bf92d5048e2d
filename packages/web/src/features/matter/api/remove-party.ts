import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { matterQueryKey } from './get-matter';

export const removeParty = (matterId: string, partyId: string) =>
  apiSend(`/api/v1/matters/${encodeURIComponent(matterId)}/parties/${encodeURIComponent(partyId)}`, {
    method: 'DELETE',
  });

export const useRemoveParty = (matterId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (partyId: string) => removeParty(matterId, partyId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: matterQueryKey(matterId) }),
  });
};
