import { type RedeemLinkInput, SessionView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { acceptSession } from '../../session/session-cache';

export type RedeemSignInLinkInput = ReturnType<typeof RedeemLinkInput.parse>;

export const redeemSignInLink = (input: RedeemSignInLinkInput) =>
  apiJson('/api/v1/auth/links/redeem', SessionView, { method: 'POST', body: input, isUnauthenticatedExpected: true });

export const useRedeemSignInLink = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: redeemSignInLink,
    onSuccess: (session) => acceptSession(queryClient, session),
  });
};
