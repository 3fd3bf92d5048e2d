import { randomBytes } from 'node:crypto';
import type { TotpSetupView } from '@redress/core';
import { findOrganisation, findUserById, replaceRecoveryCodes, updateUser } from '@redress/db';
import QRCode from 'qrcode';
import { generateTotpSecret, otpauthUrl, verifyTotp } from '../auth/totp.js';
import type { RequestContext } from '../context.js';
import { type AppDeps, inTransaction } from '../deps.js';
import { failWith, requireActor } from './policy.js';
import { hashRecoveryCode } from './verify-second-factor.js';

const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: read aloud or off paper

const newRecoveryCode = (): string => {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
};

/** Step 1: a new secret, kept pending (sealed) until the user proves their app has it. */
export const startTotpEnrolment = (deps: AppDeps, ctx: RequestContext): Promise<TotpSetupView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const actor = requireActor(ctx);
    const user = await findUserById(tx, actor.userId);
    const org = await findOrganisation(tx);
    if (!user || !org) return failWith('not_found', 'user.not_found', 'Not found');
    if (user.totp_enabled_at) {
      return failWith(
        'conflict',
        'auth.totp_already_enabled',
        'Two-factor authentication is already on; turn it off first',
      );
    }
    const secret = generateTotpSecret();
    await updateUser(tx, user.id, { totp_pending_secret_enc: deps.sealer.seal(secret) }, deps.clock.now());
    await audit({ action: 'auth.totp_enrolment_started', entityType: 'user', entityId: user.id });
    const url = otpauthUrl(secret, user.email, `Redress (${org.name})`);
    return {
      secret,
      otpauthUrl: url,
      qrSvg: await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }),
    };
  });

/** Step 2: the first code from the app turns two-factor on and yields the recovery codes, once. */
export const finishTotpEnrolment = (deps: AppDeps, ctx: RequestContext, code: string) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const actor = requireActor(ctx);
    const user = await findUserById(tx, actor.userId);
    if (!user?.totp_pending_secret_enc) {
      return failWith('unprocessable', 'auth.totp_not_started', 'Start the two-factor set-up first');
    }
    const now = deps.clock.now();
    const secret = deps.sealer.open(user.totp_pending_secret_enc);
    const step = verifyTotp(secret, code, now);
    if (step === null) {
      return failWith('unprocessable', 'auth.totp_invalid', 'That code is not right; check the time on your device', {
        code: 'Wrong code',
      });
    }
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await updateUser(
      tx,
      user.id,
      {
        totp_secret_enc: user.totp_pending_secret_enc,
        totp_pending_secret_enc: null,
        totp_enabled_at: now,
        totp_last_step: step,
      },
      now,
    );
    await replaceRecoveryCodes(
      tx,
      user.id,
      recoveryCodes.map((c) => ({ id: deps.newId(), codeHash: hashRecoveryCode(c) })),
    );
    await audit({ action: 'auth.totp_enabled', entityType: 'user', entityId: user.id });
    return { recoveryCodes };
  });
