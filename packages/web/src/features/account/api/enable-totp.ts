import { RecoveryCodesView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { sessionQueryKey } from '../../session/session-cache';

export type EnableTotpInput = { code: string };

export const enableTotp = (input: EnableTotpInput) =>
  apiJson('/api/v1/auth/totp/enable', RecoveryCodesView, { method: 'POST', body: input });

export const useEnableTotp = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
};
