import { CreatedTokenView, type CreateTokenInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { tokensQueryKey } from './list-tokens';

export const createToken = (input: CreateTokenInput) =>
  apiJson('/api/v1/tokens', CreatedTokenView, { method: 'POST', body: input });

export const useCreateToken = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
};
