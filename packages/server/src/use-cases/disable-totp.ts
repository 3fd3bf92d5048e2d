import { findOrganisation, findUserById, replaceRecoveryCodes, updateUser } from '@redress/db';
import { verifyPassword } from '../auth/passwords.js';
import { verifyTotp } from '../auth/totp.js';
import type { RequestContext } from '../context.js';
import { type AppDeps, inTransaction } from '../deps.js';
import { failWith, requireActor } from './policy.js';

/** Turning two-factor off needs both the password and a current code, and is refused where required. */
export const disableTotp = (deps: AppDeps, ctx: RequestContext, input: { password: string; code: string }) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const actor = requireActor(ctx);
    const user = await findUserById(tx, actor.userId);
    const org = await findOrganisation(tx);
    if (!user || !org) return failWith('not_found', 'user.not_found', 'Not found');
    if (!user.totp_secret_enc)
      return failWith('unprocessable', 'auth.totp_not_enabled', 'Two-factor authentication is not on');
    if (org.require_totp) {
      return failWith(
        'unprocessable',
        'auth.totp_required_by_organisation',
        'Your organisation requires two-factor authentication',
      );
    }
    const now = deps.clock.now();
    if (!user.password_hash || !(await verifyPassword(user.password_hash, input.password))) {
      return failWith('unprocessable', 'auth.current_password_wrong', 'The password is not right', {
        password: 'Not right',
      });
    }
    const step = verifyTotp(deps.sealer.open(user.totp_secret_enc), input.code, now);
    if (step === null) {
      return failWith('unprocessable', 'auth.totp_invalid', 'That code is not right', { code: 'Wrong code' });
    }
    // A code seen once (at sign-in, say) proves nothing more the second time: each step works once.
    if (user.totp_last_step !== null && step <= user.totp_last_step) {
      return failWith('unprocessable', 'auth.totp_replayed', 'That code was already used; wait for the next one', {
        code: 'Code already used',
      });
    }
    await updateUser(
      tx,
      user.id,
      { totp_secret_enc: null, totp_pending_secret_enc: null, totp_enabled_at: null, totp_last_step: null },
      now,
    );
    await replaceRecoveryCodes(tx, user.id, []);
    await audit({ action: 'auth.totp_disabled', entityType: 'user', entityId: user.id });
  });
