import {
  afterSuccessfulLogin,
  domainError,
  isLockedOut,
  type Result,
  type SecondFactorInput,
  type SessionView,
} from '@redress/core';
import {
  completeSecondFactor,
  consumeRecoveryCode,
  findOrganisation,
  findUserById,
  revokeSession,
  updateUser,
} from '@redress/db';
import { verifyTotp } from '../auth/totp.js';
import type { RequestContext } from '../context.js';
import { type AppDeps, inTransaction } from '../deps.js';
import { sha256Hex } from '../secrets/crypto.js';
import { buildSessionView } from './session-view.js';
import { lockAccount, lockedError, recordFailure } from './sign-in.js';

export type PendingSession = { sessionId: string; userId: string; csrfToken: string; createdAt: Date };

export const hashRecoveryCode = (code: string) => sha256Hex(code.replace('-', '').toLowerCase());

/** Second factor: a TOTP code (each time step usable once) or a one-time recovery code. */
export const verifySecondFactor = (
  deps: AppDeps,
  ctx: RequestContext,
  pending: PendingSession,
  input: SecondFactorInput,
): Promise<Result<SessionView>> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const now = deps.clock.now();
    await lockAccount(tx, pending.userId);
    const user = await findUserById(tx, pending.userId);
    const org = await findOrganisation(tx);
    if (!user || !org || user.is_disabled || !user.totp_secret_enc) {
      await revokeSession(tx, pending.sessionId, now);
      return { ok: false, error: domainError('unauthenticated', 'auth.session_expired', 'Sign in again') };
    }
    if (
      isLockedOut({ failedCount: user.failed_login_count, lockedUntil: user.locked_until }, now) &&
      user.locked_until
    ) {
      // A locked account cannot finish signing in; the pending session is ended too.
      await revokeSession(tx, pending.sessionId, now);
      return { ok: false, error: lockedError(user.locked_until) };
    }
    let method: 'totp' | 'recovery_code';
    if (input.code !== undefined) {
      method = 'totp';
      const step = verifyTotp(deps.sealer.open(user.totp_secret_enc), input.code, now);
      if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) {
        await recordFailure(tx, deps, audit, user, 'totp');
        const error =
          step === null
            ? domainError(
                'unprocessable',
                'auth.totp_invalid',
                'That code is not right; check the time on your device',
                { code: 'Wrong code' },
              )
            : domainError('unprocessable', 'auth.totp_replayed', 'That code was already used; wait for the next one', {
                code: 'Code already used',
              });
        return { ok: false, error };
      }
      await updateUser(tx, user.id, { totp_last_step: step }, now);
    } else {
      method = 'recovery_code';
      const used = await consumeRecoveryCode(tx, user.id, hashRecoveryCode(input.recoveryCode ?? ''), now);
      if (!used) {
        await recordFailure(tx, deps, audit, user, 'recovery_code');
        return {
          ok: false,
          error: domainError(
            'unprocessable',
            'auth.recovery_code_invalid',
            'That recovery code is not valid or was already used',
            {
              recoveryCode: 'Not valid or already used',
            },
          ),
        };
      }
    }
    const reset = afterSuccessfulLogin();
    const updated =
      (await updateUser(
        tx,
        user.id,
        { failed_login_count: reset.failedCount, locked_until: reset.lockedUntil, last_sign_in_at: now },
        now,
      )) ?? user;
    await completeSecondFactor(tx, pending.sessionId, now);
    await audit({
      action: 'auth.signed_in',
      entityType: 'user',
      entityId: user.id,
      details: { sessionId: pending.sessionId, method },
    });
    return {
      ok: true,
      value: buildSessionView(
        updated,
        org,
        { csrfToken: pending.csrfToken, isSecondFactorPending: false, createdAt: pending.createdAt, lastSeenAt: now },
        now,
      ),
    };
  });
