import { SignInLinkIssued } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { usersQueryKey } from './list-users';

export const resetUserPassword = (id: string) =>
  apiJson(`/api/v1/users/${encodeURIComponent(id)}/reset-password`, SignInLinkIssued, { method: 'POST' });

export const useResetUserPassword = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetUserPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
};
