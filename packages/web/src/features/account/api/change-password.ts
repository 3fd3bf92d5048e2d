import type { ChangePasswordInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { sessionQueryKey } from '../../session/session-cache';

export const changePassword = (input: ChangePasswordInput) =>
  apiSend('/api/v1/auth/password', { method: 'POST', body: input });

export const useChangePassword = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // The server may rotate this session when the password changes; re-read it for the new CSRF token.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
};
