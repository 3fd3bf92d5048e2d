import type { Result, SessionView } from '@redress/core';
import {
  consumeSignInLink,
  findOrganisation,
  findUsableSignInLink,
  findUserById,
  revokeUserSessions,
  updateUser,
} from '@redress/db';
import { hashPassword } from '../auth/passwords.js';
import type { RequestContext } from '../context.js';
import { type AppDeps, inTransaction } from '../deps.js';
import { sha256Hex } from '../secrets/crypto.js';
import { type IssuedSession, issueSession } from './credentials.js';
import { failWith } from './policy.js';
import { buildSessionView } from './session-view.js';

const GONE = () =>
  failWith('not_found', 'auth.link_invalid', 'This link is not valid: it may have expired or been used already');

export const describeSignInLink = async (deps: AppDeps, token: string) => {
  const db = deps.database.db;
  const link = await findUsableSignInLink(db, sha256Hex(token), deps.clock.now());
  const user = link ? await findUserById(db, link.user_id) : undefined;
  if (!link || !user || user.is_disabled) return GONE();
  return { email: user.email, name: user.name, purpose: link.purpose, expiresAt: link.expires_at.toISOString() };
};

/** The holder of a one-time link sets a password and is signed in (pending two-factor if enrolled). */
export const redeemSignInLink = (
  deps: AppDeps,
  ctx: RequestContext,
  input: { token: string; newPassword: string },
): Promise<Result<{ issued: IssuedSession; view: SessionView }>> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const now = deps.clock.now();
    const link = await findUsableSignInLink(tx, sha256Hex(input.token), now);
    const user = link ? await findUserById(tx, link.user_id) : undefined;
    const org = await findOrganisation(tx);
    if (!link || !user || user.is_disabled || !org) return GONE();
    if (!(await consumeSignInLink(tx, link.id, now))) return GONE();
    const hasTotp = user.totp_enabled_at !== null;
    const updated =
      (await updateUser(
        tx,
        user.id,
        {
          password_hash: await hashPassword(input.newPassword),
          failed_login_count: 0,
          locked_until: null,
          ...(hasTotp ? {} : { last_sign_in_at: now }),
        },
        now,
      )) ?? user;
    await revokeUserSessions(tx, user.id, now);
    const issued = await issueSession(tx, deps, ctx, updated, hasTotp);
    await audit({
      action: link.purpose === 'invite' ? 'auth.invitation_accepted' : 'auth.password_reset_completed',
      entityType: 'user',
      entityId: user.id,
      details: { sessionId: issued.sessionId },
    });
    return {
      ok: true,
      value: {
        issued,
        view: buildSessionView(updated, org, { ...issued, isSecondFactorPending: hasTotp, lastSeenAt: now }, now),
      },
    };
  });
