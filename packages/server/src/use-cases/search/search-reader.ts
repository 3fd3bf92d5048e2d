import { DomainFailure, domainError, scopePermits } from '@redress/core';
import type { Viewer } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { requireActor } from '../policy.js';

/**
 * Who is reading, for the access-filtered queries of search and the conflict check: a signed-in user,
 * or (null) the operator at the server's command line, who holds the data and passes every rule. An
 * API token needs a scope that allows reading.
 */
export const readerOf = (ctx: RequestContext): Viewer | null => {
  if (!ctx.actor && ctx.operator) return null;
  const actor = requireActor(ctx);
  if (actor.scopes !== null && !scopePermits(actor.scopes, 'matter.read')) {
    throw new DomainFailure(domainError('forbidden', 'access.denied', 'This API token lacks the scope for that'));
  }
  return { userId: actor.userId, role: actor.role };
};
