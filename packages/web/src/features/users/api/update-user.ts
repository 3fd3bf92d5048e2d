import { type UpdateUserInput, UserView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { sessionQueryKey } from '../../session/session-cache';
import { usersQueryKey } from './list-users';

export type UpdateUserVariables = { id: string; changes: UpdateUserInput };

export const updateUser = ({ id, changes }: UpdateUserVariables) =>
  apiJson(`/api/v1/users/${encodeURIComponent(id)}`, UserView, { method: 'PATCH', body: changes });

export const useUpdateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usersQueryKey });
      // An administrator may have changed their own role or name.
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
};
