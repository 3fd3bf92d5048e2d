import { DomainFailure, decide, domainError, scopePermits, type WorkspaceAction } from '@redress/core';
import type { Actor, RequestContext } from '../context.js';

export const requireActor = (ctx: RequestContext): Actor => {
  if (!ctx.actor) throw new DomainFailure(domainError('unauthenticated', 'auth.required', 'Sign in first'));
  return ctx.actor;
};

/** Who a change is attributed to: a user, or (null) the operator at the command line. */
export type Principal = { userId: string | null };

/**
 * Named policy check for workspace-wide actions: the role must allow it, and so must a token's scopes.
 * The operator (CLI on the server itself) passes.
 */
export const authorizeWorkspace = (ctx: RequestContext, action: WorkspaceAction): Principal => {
  if (!ctx.actor && ctx.operator) return { userId: null };
  const actor = requireActor(ctx);
  const byRole = decide({ role: actor.role, action, membership: 'none', isPrivileged: false }).allowed;
  const byScope = actor.scopes === null || scopePermits(actor.scopes, action);
  if (!byRole || !byScope) {
    throw new DomainFailure(
      domainError(
        'forbidden',
        'access.denied',
        byRole ? 'This API token lacks the scope for that' : 'Your role does not allow that',
      ),
    );
  }
  return actor;
};

export const failWith = (...args: Parameters<typeof domainError>): never => {
  throw new DomainFailure(domainError(...args));
};
