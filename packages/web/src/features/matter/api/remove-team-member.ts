import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { matterQueryKey } from './get-matter';

export const removeTeamMember = (matterId: string, userId: string) =>
  apiSend(`/api/v1/matters/${encodeURIComponent(matterId)}/team/${encodeURIComponent(userId)}`, { method: 'DELETE' });

export const useRemoveTeamMember = (matterId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeTeamMember(matterId, userId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: matterQueryKey(matterId) }),
  });
};
