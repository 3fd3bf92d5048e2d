import { type SecondFactorInput, SessionView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { acceptSession } from '../session-cache';

export const submitSecondFactor = (input: SecondFactorInput) =>
  apiJson('/api/v1/auth/login/second-factor', SessionView, {
    method: 'POST',
    body: input,
    isUnauthenticatedExpected: true,
  });

export const useSubmitSecondFactor = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitSecondFactor,
    onSuccess: (session) => acceptSession(queryClient, session),
  });
};
