import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { sessionQueryKey } from '../../session/session-cache';

export type DisableTotpInput = { password: string; code: string };

export const disableTotp = (input: DisableTotpInput) =>
  apiSend('/api/v1/auth/totp/disable', { method: 'POST', body: input });

export const useDisableTotp = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
};
