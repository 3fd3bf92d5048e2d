import { findUserById } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../src/auth/totp.js';
import {
  addUser,
  type Client,
  clientFor,
  cookieFrom,
  createHarness,
  enrolTotp,
  expectError,
  type Harness,
  login,
  nextAddress,
  PASSWORD,
  signIn,
  signInAs,
  signInPending,
  wrongTotp,
} from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const STEP = 30_000;
const secondFactor = (client: Client, payload: unknown) =>
  client.request('POST', '/api/v1/auth/login/second-factor', payload);

/** A user with two-factor on, signed out again: ready to sign in with password and code. */
const userWithTotp = async (role: 'attorney' | 'administrator' = 'attorney') => {
  const { user, client } = await signInAs(h, role);
  const { secret, recoveryCodes } = await enrolTotp(h, client);
  await client.request('POST', '/api/v1/auth/logout');
  return { user, secret, recoveryCodes };
};

describe('two-factor enrolment', () => {
  it('setup returns a base32 secret, its otpauth URL and an SVG QR code, pending until enabled', async () => {
    const { user, client } = await signInAs(h, 'paralegal');
    const res = await client.request('POST', '/api/v1/auth/totp/setup');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(body.otpauthUrl).toContain(`secret=${body.secret}`);
    expect(body.otpauthUrl).toContain(encodeURIComponent(user.email));
    expect(body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    // Pending: nothing changes for sign-in until a code confirms it.
    const row = await findUserById(h.database.db, user.id);
    expect(row?.totp_enabled_at).toBeNull();
    expect(row?.totp_pending_secret_enc).not.toBeNull();
    expect(row?.totp_pending_secret_enc).not.toContain(body.secret);
    const again = await login(h, user.email);
    expect(again.json()).toMatchObject({ needsSecondFactor: false, isComplete: true });
  });

  it('enable refuses a wrong code with 422 naming the code field, and leaves two-factor off', async () => {
    const { user, client } = await signInAs(h, 'paralegal');
    const setup = (await client.request('POST', '/api/v1/auth/totp/setup')).json();
    const res = await client.request('POST', '/api/v1/auth/totp/enable', {
      code: wrongTotp(setup.secret, h.clock.now()),
    });
    const error = expectError(res, 422, 'auth.totp_invalid');
    expect(error.details).toHaveProperty('code');
    expect((await findUserById(h.database.db, user.id))?.totp_enabled_at).toBeNull();
  });

  it('enable before setup is refused', async () => {
    const { client } = await signInAs(h, 'paralegal');
    const res = await client.request('POST', '/api/v1/auth/totp/enable', { code: '123456' });
    expectError(res, 422, 'auth.totp_not_started');
  });

  it('enable with the right code returns 10 distinct recovery codes, once', async () => {
    const { user, client } = await signInAs(h, 'advocate');
    const setup = (await client.request('POST', '/api/v1/auth/totp/setup')).json();
    const res = await client.request('POST', '/api/v1/auth/totp/enable', { code: totpAt(setup.secret, h.clock.now()) });
    expect(res.statusCode).toBe(200);
    const codes: string[] = res.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect((await findUserById(h.database.db, user.id))?.totp_enabled_at).not.toBeNull();

    // Enabled means no second setup (which would replace the secret) and no second set of codes.
    expectError(await client.request('POST', '/api/v1/auth/totp/setup'), 409, 'auth.totp_already_enabled');
    expectError(
      await client.request('POST', '/api/v1/auth/totp/enable', { code: totpAt(setup.secret, h.clock.now()) }),
      422,
      'auth.totp_not_started',
    );
  });

  it('stores the secret sealed and the recovery codes hashed, never in the clear', async () => {
    const { user, secret, recoveryCodes } = await userWithTotp();
    const row = await findUserById(h.database.db, user.id);
    expect(row?.totp_secret_enc).toBeTruthy();
    expect(row?.totp_secret_enc).not.toContain(secret);
    const stored = JSON.stringify(
      await h.database.db.selectFrom('recovery_codes').selectAll().where('user_id', '=', user.id).execute(),
    );
    for (const code of recoveryCodes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace('-', ''));
    }
  });
});

describe('signing in with two-factor on', () => {
  it('the password alone gives a pending session that no protected route accepts', async () => {
    const { user } = await userWithTotp();
    const res = await login(h, user.email);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isComplete: false, needsSecondFactor: true, mustEnrolTotp: false });
    const pending = await signInPending(h, user.email);
    for (const [method, url] of [
      ['GET', '/api/v1/auth/session'],
      ['GET', '/api/v1/tokens'],
      ['GET', '/api/v1/org/settings'],
      ['POST', '/api/v1/auth/totp/setup'],
      ['POST', '/api/v1/auth/password'],
    ] as const) {
      expectError(await pending.request(method, url), 401, 'auth.second_factor_required');
    }
  });

  it('the right code completes the session', async () => {
    const { user, secret } = await userWithTotp();
    const pending = await signInPending(h, user.email);
    const res = await secondFactor(pending, { code: totpAt(secret, h.clock.now()) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isComplete: true, needsSecondFactor: false, user: { id: user.id } });
    expect((await pending.request('GET', '/api/v1/tokens')).statusCode).toBe(200);
  });

  it('refuses the same code a second time in its time step (replay) with 422 auth.totp_replayed', async () => {
    const { user, secret } = await userWithTotp();
    const code = totpAt(secret, h.clock.now());
    const first = await signInPending(h, user.email);
    expect((await secondFactor(first, { code })).statusCode).toBe(200);

    const second = await signInPending(h, user.email);
    expectError(await secondFactor(second, { code }), 422, 'auth.totp_replayed');
    expectError(await second.request('GET', '/api/v1/tokens'), 401, 'auth.second_factor_required');

    // The next time step's code is fine.
    h.clock.advance(STEP);
    expect((await secondFactor(second, { code: totpAt(secret, h.clock.now()) })).statusCode).toBe(200);
  });

  it('lets only one of several sign-ins sent at the same moment with the same code through', async () => {
    const { user, secret } = await userWithTotp();
    const code = totpAt(secret, h.clock.now());
    const pending: Client[] = [];
    for (let i = 0; i < 4; i++) pending.push(await signInPending(h, user.email));
    const results = await Promise.all(pending.map((p) => secondFactor(p, { code })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422, 422, 422]);
  });

  it('accepts a code from one step before or after (clock drift) but not two', async () => {
    const { user, secret } = await userWithTotp();
    const previous = await signInPending(h, user.email);
    const earlier = totpAt(secret, new Date(h.clock.now().getTime() - 2 * STEP));
    expectError(await secondFactor(previous, { code: earlier }), 422, 'auth.totp_invalid');
    const later = totpAt(secret, new Date(h.clock.now().getTime() + STEP));
    expect((await secondFactor(previous, { code: later })).statusCode).toBe(200);
  });

  it('a recovery code works once; using it again is refused', async () => {
    const { user, recoveryCodes } = await userWithTotp();
    const [code] = recoveryCodes as [string];
    const first = await signInPending(h, user.email);
    const ok = await secondFactor(first, { recoveryCode: code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().isComplete).toBe(true);

    const second = await signInPending(h, user.email);
    const error = expectError(await secondFactor(second, { recoveryCode: code }), 422, 'auth.recovery_code_invalid');
    expect(error.details).toHaveProperty('recoveryCode');
    expectError(await second.request('GET', '/api/v1/tokens'), 401, 'auth.second_factor_required');

    // Another user's recovery code is no use either.
    const other = await userWithTotp();
    const third = await signInPending(h, user.email);
    expectError(await secondFactor(third, { recoveryCode: other.recoveryCodes[0] }), 422, 'auth.recovery_code_invalid');
  });

  it('takes a recovery code typed in capitals without its dash', async () => {
    const { user, recoveryCodes } = await userWithTotp();
    const pending = await signInPending(h, user.email);
    const typed = (recoveryCodes[1] as string).replace('-', '').toUpperCase();
    expect((await secondFactor(pending, { recoveryCode: typed })).statusCode).toBe(200);
  });

  it('needs exactly one of code and recoveryCode', async () => {
    const { user, secret, recoveryCodes } = await userWithTotp();
    const pending = await signInPending(h, user.email);
    expectError(await secondFactor(pending, {}), 400, 'request.invalid');
    expectError(
      await secondFactor(pending, { code: totpAt(secret, h.clock.now()), recoveryCode: recoveryCodes[0] }),
      400,
      'request.invalid',
    );
    expectError(await secondFactor(pending, { code: '12345' }), 400, 'request.invalid');
  });

  it('wrong codes count toward the lockout: after five the account is locked and the pending session ends', async () => {
    const { user, secret } = await userWithTotp();
    const pending = await signInPending(h, user.email);
    for (let i = 0; i < 5; i++) {
      expectError(await secondFactor(pending, { code: wrongTotp(secret, h.clock.now()) }), 422, 'auth.totp_invalid');
    }
    // Locked: even the right code is refused, and the pending session is over.
    expectError(await secondFactor(pending, { code: totpAt(secret, h.clock.now()) }), 429, 'auth.locked');
    expectError(await pending.request('GET', '/api/v1/auth/session'), 401, 'auth.session_expired');
    expectError(await login(h, user.email), 429, 'auth.locked');

    const failures = await h.database.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'auth.sign_in_failed')
      .where('entity_id', '=', user.id)
      .execute();
    expect(failures.map((f) => f.details.factor)).toEqual(['totp', 'totp', 'totp', 'totp', 'totp']);
  });

  it('a wrong recovery code counts toward the lockout too', async () => {
    const { user } = await userWithTotp();
    const pending = await signInPending(h, user.email);
    expectError(await secondFactor(pending, { recoveryCode: 'aaaaa-aaaaa' }), 422, 'auth.recovery_code_invalid');
    expect((await findUserById(h.database.db, user.id))?.failed_login_count).toBe(1);
  });

  it('a complete session cannot post a second factor', async () => {
    const { client } = await signInAs(h, 'investigator');
    expectError(await secondFactor(client, { code: '123456' }), 422, 'auth.no_pending_sign_in');
  });

  it('a password reset link does not skip the second factor', async () => {
    const { user, secret } = await userWithTotp();
    const { client: admin } = await signInAs(h, 'administrator');
    const link = (await admin.request('POST', `/api/v1/users/${user.id}/reset-password`)).json();
    const token = String(link.url).split('/link/')[1];
    const remoteAddress = nextAddress();
    const redeemed = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/links/redeem',
      payload: { token, newPassword: 'a brand new passphrase' },
      remoteAddress,
    });
    expect(redeemed.statusCode).toBe(200);
    expect(redeemed.json()).toMatchObject({ isComplete: false, needsSecondFactor: true });
    const client = clientFor(h, cookieFrom(redeemed), redeemed.json().csrfToken, remoteAddress);
    expectError(await client.request('GET', '/api/v1/tokens'), 401, 'auth.second_factor_required');
    expect((await secondFactor(client, { code: totpAt(secret, h.clock.now()) })).statusCode).toBe(200);
  });
});

describe('turning two-factor off', () => {
  it('needs the password and a current code', async () => {
    const { user, secret } = await userWithTotp();
    const client = await signIn(h, user.email, PASSWORD, secret);
    h.clock.advance(STEP);

    const wrongPassword = await client.request('POST', '/api/v1/auth/totp/disable', {
      password: 'not my password at all',
      code: totpAt(secret, h.clock.now()),
    });
    expect(expectError(wrongPassword, 422, 'auth.current_password_wrong').details).toHaveProperty('password');
    const wrongCode = await client.request('POST', '/api/v1/auth/totp/disable', {
      password: PASSWORD,
      code: wrongTotp(secret, h.clock.now()),
    });
    expect(expectError(wrongCode, 422, 'auth.totp_invalid').details).toHaveProperty('code');
    expectError(
      await client.request('POST', '/api/v1/auth/totp/disable', { password: PASSWORD }),
      400,
      'request.invalid',
    );
    expect((await findUserById(h.database.db, user.id))?.totp_enabled_at).not.toBeNull();

    const ok = await client.request('POST', '/api/v1/auth/totp/disable', {
      password: PASSWORD,
      code: totpAt(secret, h.clock.now()),
    });
    expect(ok.statusCode).toBe(204);
    const row = await findUserById(h.database.db, user.id);
    expect(row).toMatchObject({ totp_enabled_at: null, totp_secret_enc: null });
    expect(
      await h.database.db.selectFrom('recovery_codes').selectAll().where('user_id', '=', user.id).execute(),
    ).toEqual([]);
    expect((await login(h, user.email)).json()).toMatchObject({ needsSecondFactor: false, isComplete: true });
  });

  it('refuses the code that was just used to sign in (replay)', async () => {
    const { user, secret } = await userWithTotp();
    const code = totpAt(secret, h.clock.now());
    const pending = await signInPending(h, user.email);
    expect((await secondFactor(pending, { code })).statusCode).toBe(200);
    const res = await pending.request('POST', '/api/v1/auth/totp/disable', { password: PASSWORD, code });
    expectError(res, 422, 'auth.totp_replayed');
    expect((await findUserById(h.database.db, user.id))?.totp_enabled_at).not.toBeNull();
  });

  it('is refused for a user without two-factor', async () => {
    const { client } = await signInAs(h, 'volunteer');
    const res = await client.request('POST', '/api/v1/auth/totp/disable', { password: PASSWORD, code: '123456' });
    expectError(res, 422, 'auth.totp_not_enabled');
  });
});

describe('when the organisation requires two-factor', () => {
  it('users without it must enrol first, and users with it cannot turn it off', async () => {
    const admin = await userWithTotp('administrator');
    const adminClient = await signIn(h, admin.user.email, PASSWORD, admin.secret);
    const enrolled = await userWithTotp();
    const plain = await addUser(h, 'law_apprentice');

    const on = await adminClient.request('PATCH', '/api/v1/org/settings', { requireTotp: true });
    expect(on.json().requireTotp).toBe(true);
    try {
      const res = await login(h, plain.email);
      expect(res.json()).toMatchObject({ isComplete: false, needsSecondFactor: false, mustEnrolTotp: true });
      const client = await signIn(h, plain.email);
      expectError(await client.request('GET', '/api/v1/tokens'), 403, 'auth.totp_enrolment_required');
      expectError(await client.request('GET', '/api/v1/org/settings'), 403, 'auth.totp_enrolment_required');
      expectError(
        await client.request('POST', '/api/v1/tokens', { name: 'x', scopes: ['read'] }),
        403,
        'auth.totp_enrolment_required',
      );
      // The session itself and the enrolment routes stay open.
      expect((await client.request('GET', '/api/v1/auth/session')).json()).toMatchObject({ mustEnrolTotp: true });
      await enrolTotp(h, client);
      expect((await client.request('GET', '/api/v1/tokens')).statusCode).toBe(200);
      expect((await client.request('GET', '/api/v1/auth/session')).json()).toMatchObject({
        mustEnrolTotp: false,
        isComplete: true,
      });

      const enrolledClient = await signIn(h, enrolled.user.email, PASSWORD, enrolled.secret);
      h.clock.advance(STEP);
      const off = await enrolledClient.request('POST', '/api/v1/auth/totp/disable', {
        password: PASSWORD,
        code: totpAt(enrolled.secret, h.clock.now()),
      });
      expectError(off, 422, 'auth.totp_required_by_organisation');
      expect((await findUserById(h.database.db, enrolled.user.id))?.totp_enabled_at).not.toBeNull();
    } finally {
      h.clock.advance(STEP);
      const off = await adminClient.request('PATCH', '/api/v1/org/settings', { requireTotp: false });
      expect(off.statusCode).toBe(200);
    }
  });
});
