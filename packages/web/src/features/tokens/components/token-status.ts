import type { TokenView } from '@redress/core';
import { formatDate } from '../../../lib/format';

export const tokenStatus = (token: TokenView, now: Date): string => {
  if (token.revokedAt) return `Revoked ${formatDate(token.revokedAt)}`;
  if (token.expiresAt && new Date(token.expiresAt) <= now) return 'Expired';
  return 'Active';
};
