import { listApiTokens, listUsers, revokeApiToken } from '@redress/db';
import type { RequestContext } from '../context.js';
import { type AppDeps, inTransaction } from '../deps.js';
import { authorizeWorkspace, failWith } from './policy.js';

export type RevokeAnyApiTokenInput = { id: string };

/** Revokes a token whoever holds it (user managers and the operator at the CLI). */
export const revokeAnyApiToken = (deps: AppDeps, ctx: RequestContext, input: RevokeAnyApiTokenInput) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    authorizeWorkspace(ctx, 'user.manage');
    // The repositories find tokens by holder only; a workspace has tens of users, so asking each is cheap.
    // (A findApiTokenById in credentials.repo.ts would make this one query.)
    let holderId: string | null = null;
    for (const user of await listUsers(tx)) {
      if ((await listApiTokens(tx, user.id)).some((t) => t.id === input.id)) {
        holderId = user.id;
        break;
      }
    }
    const row = holderId ? await revokeApiToken(tx, input.id, holderId, deps.clock.now()) : undefined;
    if (!row) return failWith('not_found', 'token.not_found', 'No such active token');
    await audit({
      action: 'token.revoked',
      entityType: 'api_token',
      entityId: input.id,
      details: { name: row.name, userId: row.user_id },
    });
    return { id: row.id, name: row.name };
  });
