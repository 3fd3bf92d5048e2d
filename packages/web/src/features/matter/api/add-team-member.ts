import { type AddTeamMemberInput, TeamList } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { matterQueryKey } from './get-matter';

export const addTeamMember = (matterId: string, input: AddTeamMemberInput) =>
  apiJson(`/api/v1/matters/${encodeURIComponent(matterId)}/team`, TeamList, { method: 'POST', body: input });

export const useAddTeamMember = (matterId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddTeamMemberInput) => addTeamMember(matterId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: matterQueryKey(matterId) }),
  });
};
