import { revokeSession, revokeUserSessions } from '@redress/db';
import type { RequestContext } from '../context.js';
import { type AppDeps, inTransaction } from '../deps.js';

export const signOut = (deps: AppDeps, ctx: RequestContext, session: { sessionId: string; userId: string }) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    await revokeSession(tx, session.sessionId, deps.clock.now());
    await audit({
      action: 'auth.signed_out',
      entityType: 'user',
      entityId: session.userId,
      details: { sessionId: session.sessionId },
    });
  });

/** Ends every session of the user, this one included (a lost laptop, a shared computer). */
export const signOutEverywhere = (deps: AppDeps, ctx: RequestContext, userId: string) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const ended = await revokeUserSessions(tx, userId, deps.clock.now());
    await audit({
      action: 'auth.signed_out_everywhere',
      entityType: 'user',
      entityId: userId,
      details: { sessionsEnded: ended },
    });
  });
