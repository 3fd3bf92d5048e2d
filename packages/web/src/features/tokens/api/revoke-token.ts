import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { tokensQueryKey } from './list-tokens';

export const revokeToken = (id: string) => apiSend(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const useRevokeToken = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
};
