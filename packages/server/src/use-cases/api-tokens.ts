import type { CreateTokenInput, TokenView } from '@redress/core';
import { listApiTokens, revokeApiToken } from '@redress/db';
import type { RequestContext } from '../context.js';
import { type AppDeps, inTransaction } from '../deps.js';
import { mintApiToken } from './credentials.js';
import { failWith, requireActor } from './policy.js';
import { presentToken } from './presenters.js';

export const listOwnTokens = async (deps: AppDeps, ctx: RequestContext): Promise<TokenView[]> =>
  (await listApiTokens(deps.database.db, requireActor(ctx).userId)).map(presentToken);

/** The token is returned once; only its SHA-256 is stored. Tokens are made in a session, not by tokens. */
export const createApiToken = (deps: AppDeps, ctx: RequestContext, input: CreateTokenInput) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const actor = requireActor(ctx);
    if (actor.scopes !== null) return failWith('forbidden', 'access.denied', 'API tokens cannot create API tokens');
    if (input.scopes.includes('admin') && actor.role !== 'administrator') {
      return failWith(
        'unprocessable',
        'token.scope_exceeds_role',
        'Only administrators can create admin-scoped tokens',
        {
          scopes: 'The admin scope needs the administrator role',
        },
      );
    }
    const { token, row, scopes } = await mintApiToken(tx, deps, actor.userId, input);
    await audit({
      action: 'token.created',
      entityType: 'api_token',
      entityId: row.id,
      details: { name: row.name, scopes },
    });
    return { token, info: presentToken(row) };
  });

export const revokeOwnToken = (deps: AppDeps, ctx: RequestContext, id: string) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const actor = requireActor(ctx);
    // Revoking is a write: a read-only token must not be able to cut off the user's integrations.
    if (actor.scopes !== null && !actor.scopes.includes('write')) {
      return failWith('forbidden', 'access.denied', 'This API token lacks the scope for that');
    }
    const row = await revokeApiToken(tx, id, actor.userId, deps.clock.now());
    if (!row) return failWith('not_found', 'token.not_found', 'No such active token');
    await audit({ action: 'token.revoked', entityType: 'api_token', entityId: id, details: { name: row.name } });
  });
