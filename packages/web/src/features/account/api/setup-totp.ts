import { TotpSetupView } from '@redress/core';
import { useMutation } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const setupTotp = () => apiJson('/api/v1/auth/totp/setup', TotpSetupView, { method: 'POST' });

export const useSetupTotp = () => useMutation({ mutationFn: setupTotp });
