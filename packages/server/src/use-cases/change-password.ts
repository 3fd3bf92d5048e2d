import type { ChangePasswordInput } from '@redress/core';
import { findUserById, revokeUserSessions, updateUser } from '@redress/db';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import type { RequestContext } from '../context.js';
import { type AppDeps, inTransaction } from '../deps.js';
import { failWith, requireActor } from './policy.js';

/** Changing a password ends the user's other sessions: whoever knew the old one is signed out. */
export const changePassword = (deps: AppDeps, ctx: RequestContext, input: ChangePasswordInput) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const actor = requireActor(ctx);
    const user = await findUserById(tx, actor.userId);
    if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
      return failWith('unprocessable', 'auth.current_password_wrong', 'The current password is not right', {
        currentPassword: 'Not right',
      });
    }
    if (input.currentPassword === input.newPassword) {
      return failWith('unprocessable', 'auth.password_unchanged', 'Choose a password different from the current one', {
        newPassword: 'Same as the current password',
      });
    }
    const now = deps.clock.now();
    await updateUser(tx, user.id, { password_hash: await hashPassword(input.newPassword) }, now);
    const ended = await revokeUserSessions(tx, user.id, now, actor.sessionId ?? undefined);
    await audit({
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: user.id,
      details: { otherSessionsEnded: ended },
    });
  });
