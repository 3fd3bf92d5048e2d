import { type CreateTokenInput, DomainFailure, domainError } from '@redress/core';
import { findUserByEmail } from '@redress/db';
import type { RequestContext } from '../context.js';
import { type AppDeps, inTransaction } from '../deps.js';
import { mintApiToken } from './credentials.js';
import { failWith } from './policy.js';
import { presentToken } from './presenters.js';

export type IssueApiTokenForUserInput = CreateTokenInput & { userEmail: string };

/**
 * Named policy: only the operator at the server (the `redress` CLI) may issue a token that acts as
 * another user. Through HTTP, people make their own tokens (createApiToken); an administrator issuing
 * tokens for others could act as them.
 */
const requireOperator = (ctx: RequestContext) => {
  if (ctx.actor || !ctx.operator) {
    throw new DomainFailure(
      domainError('forbidden', 'access.denied', 'Only the operator at the server can issue a token for another user'),
    );
  }
};

/** The token is returned once; only its SHA-256 is stored. Same rules as a token made in a session. */
export const issueApiTokenForUser = (deps: AppDeps, ctx: RequestContext, input: IssueApiTokenForUserInput) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    requireOperator(ctx);
    const user = await findUserByEmail(tx, input.userEmail);
    if (!user) return failWith('not_found', 'user.not_found', 'No such user', { user: 'No user with this email' });
    if (user.is_disabled) {
      return failWith('unprocessable', 'user.disabled', 'The user is disabled', {
        user: 'Enable the user first; a disabled user’s tokens do not work',
      });
    }
    if (input.scopes.includes('admin') && user.role !== 'administrator') {
      return failWith('unprocessable', 'token.scope_exceeds_role', 'Only administrators can hold admin-scoped tokens', {
        scopes: 'The admin scope needs the administrator role',
      });
    }
    const { token, row, scopes } = await mintApiToken(tx, deps, user.id, input);
    await audit({
      action: 'token.created',
      entityType: 'api_token',
      entityId: row.id,
      details: { name: row.name, scopes, userId: user.id, userEmail: user.email },
    });
    return { token, info: presentToken(row) };
  });
