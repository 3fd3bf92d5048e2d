import {
  afterFailedLogin,
  afterSuccessfulLogin,
  type DomainError,
  domainError,
  isLockedOut,
  type LoginInput,
  type Result,
  type SessionView,
} from '@redress/core';
import { findOrganisation, findUserByEmail, findUserById, type Tx, type UserRow, updateUser } from '@redress/db';
import { sql } from 'kysely';
import { burnPasswordCheck, verifyPassword } from '../auth/passwords.js';
import type { RequestContext } from '../context.js';
import { type AppDeps, type Audit, inTransaction } from '../deps.js';
import { type IssuedSession, issueSession } from './credentials.js';
import { buildSessionView } from './session-view.js';

export type SignedIn = { issued: IssuedSession; view: SessionView };

const INVALID = domainError('unauthenticated', 'auth.invalid_credentials', 'The email or password is not right');

export const lockedError = (until: Date): DomainError =>
  domainError(
    'throttled',
    'auth.locked',
    `Too many failed attempts: this account is locked until ${until.toISOString().slice(11, 16)} UTC`,
  );

const ACCOUNT_LOCK_KEY = 727_004;

/**
 * Serialises sign-in attempts on one account (password and second factor) until the transaction
 * ends. Without it, parallel guesses each read the same failure count and count as one toward the
 * lockout, and one TOTP code sent twice at once passes twice. Read the user row after this.
 */
export const lockAccount = async (tx: Tx, userId: string) => {
  await sql`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK_KEY}::int, hashtext(${userId}))`.execute(tx);
};

/** Records a failed factor against the account; the count drives the lockout. */
export const recordFailure = async (
  tx: Tx,
  deps: Pick<AppDeps, 'clock'>,
  audit: Audit,
  user: UserRow,
  factor: string,
) => {
  const now = deps.clock.now();
  const next = afterFailedLogin({ failedCount: user.failed_login_count, lockedUntil: user.locked_until }, now);
  await updateUser(tx, user.id, { failed_login_count: next.failedCount, locked_until: next.lockedUntil }, now);
  await audit({
    action: 'auth.sign_in_failed',
    entityType: 'user',
    entityId: user.id,
    details: {
      factor,
      failedCount: next.failedCount,
      ...(next.lockedUntil ? { lockedUntil: next.lockedUntil.toISOString() } : {}),
    },
  });
};

/**
 * First factor. Failures are written (counter, audit) and committed even though the caller gets an
 * error, so the outcome is a value, not an exception that would roll them back.
 */
export const signIn = (deps: AppDeps, ctx: RequestContext, input: LoginInput): Promise<Result<SignedIn>> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const now = deps.clock.now();
    const found = await findUserByEmail(tx, input.email);
    if (found) await lockAccount(tx, found.id);
    const user = found && (await findUserById(tx, found.id));
    if (!user?.password_hash || user.is_disabled) {
      await burnPasswordCheck(input.password);
      await audit({
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        details: { factor: 'password', email: input.email, reason: user ? 'unusable_account' : 'unknown_email' },
      });
      return { ok: false, error: INVALID };
    }
    const failures = { failedCount: user.failed_login_count, lockedUntil: user.locked_until };
    if (isLockedOut(failures, now) && user.locked_until) {
      await audit({ action: 'auth.sign_in_refused_locked', entityType: 'user', entityId: user.id });
      return { ok: false, error: lockedError(user.locked_until) };
    }
    if (!(await verifyPassword(user.password_hash, input.password))) {
      await recordFailure(tx, deps, audit, user, 'password');
      return { ok: false, error: INVALID };
    }
    const hasTotp = user.totp_enabled_at !== null;
    const reset = afterSuccessfulLogin();
    const updated =
      (await updateUser(
        tx,
        user.id,
        {
          failed_login_count: hasTotp ? user.failed_login_count : reset.failedCount,
          locked_until: hasTotp ? user.locked_until : reset.lockedUntil,
          ...(hasTotp ? {} : { last_sign_in_at: now }),
        },
        now,
      )) ?? user;
    const org = await findOrganisation(tx);
    if (!org) throw new Error('The organisation row is missing');
    const issued = await issueSession(tx, deps, ctx, updated, hasTotp);
    await audit({
      action: hasTotp ? 'auth.password_accepted' : 'auth.signed_in',
      entityType: 'user',
      entityId: user.id,
      details: { sessionId: issued.sessionId },
    });
    const view = buildSessionView(updated, org, { ...issued, isSecondFactorPending: hasTotp, lastSeenAt: now }, now);
    return { ok: true, value: { issued, view } };
  });
