import type { TokenView } from '@redress/core';
import { findUserByEmail, listApiTokens } from '@redress/db';
import type { RequestContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import { authorizeWorkspace, failWith } from './policy.js';
import { presentToken } from './presenters.js';

export type ListUserTokensInput = { userEmail: string };

/** A user's tokens (never the secrets), for user managers and the operator at the CLI. */
export const listUserTokens = async (
  deps: AppDeps,
  ctx: RequestContext,
  input: ListUserTokensInput,
): Promise<TokenView[]> => {
  authorizeWorkspace(ctx, 'user.manage');
  const user = await findUserByEmail(deps.database.db, input.userEmail);
  if (!user) return failWith('not_found', 'user.not_found', 'No such user', { user: 'No user with this email' });
  return (await listApiTokens(deps.database.db, user.id)).map(presentToken);
};
