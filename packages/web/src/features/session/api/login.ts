import { type LoginInput, SessionView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { acceptSession } from '../session-cache';

export const login = (input: LoginInput) =>
  apiJson('/api/v1/auth/login', SessionView, { method: 'POST', body: input, isUnauthenticatedExpected: true });

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => acceptSession(queryClient, session),
  });
};
