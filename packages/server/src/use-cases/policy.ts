import { DomainFailure, decide, domainError, scopePermits, type WorkspaceAction } from '@redress/core';
import type { Actor, RequestContext } from '../context.js';

export const requireActor = (ctx: RequestContext): Actor => {
  if (!ctx.actor) throw new DomainFailure(domainError('unauthenticated', 'auth.required', 'Sign in first'));
  return ctx.actor;
};

/** Named policy check for workspace-wide actions: the role must allow it, and so must a token's scopes. */
export const authorizeWorkspace = (ctx: RequestContext, action: WorkspaceAction): Actor => {
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
