import { findUserById } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { sha256Hex } from '../src/secrets/crypto.js';
import {
  addUser,
  checkEveryResponse,
  createHarness,
  expectError,
  type Harness,
  login,
  nextAddress,
  PASSWORD,
  signIn,
  signInAs,
} from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const MINUTE = 60_000;

const settings = async () => {
  const { client } = await signInAs(h, 'volunteer');
  return (await client.request('GET', '/api/v1/org/settings')).json() as {
    sessionIdleMinutes: number;
    sessionAbsoluteHours: number;
  };
};

describe('signing out', () => {
  it('logout ends the session: the next request with its cookie is 401', async () => {
    const { client } = await signInAs(h, 'attorney');
    expect((await client.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    const res = await client.request('POST', '/api/v1/auth/logout');
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === 'redress_session');
    expect(cleared?.value).toBe('');
    expectError(await client.request('GET', '/api/v1/auth/session'), 401, 'auth.session_expired');
    expectError(await client.request('POST', '/api/v1/auth/logout'), 401, 'auth.session_expired');
  });

  it("logout leaves the user's other sessions alone", async () => {
    const user = await addUser(h, 'attorney');
    const laptop = await signIn(h, user.email);
    const phone = await signIn(h, user.email);
    await laptop.request('POST', '/api/v1/auth/logout');
    expect((await phone.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('logout-everywhere ends every session of the user, and only of that user', async () => {
    const user = await addUser(h, 'paralegal');
    const laptop = await signIn(h, user.email);
    const phone = await signIn(h, user.email);
    const { client: colleague } = await signInAs(h, 'paralegal');
    const res = await laptop.request('POST', '/api/v1/auth/logout-everywhere');
    expect(res.statusCode).toBe(204);
    expectError(await laptop.request('GET', '/api/v1/auth/session'), 401, 'auth.session_expired');
    expectError(await phone.request('GET', '/api/v1/tokens'), 401, 'auth.session_expired');
    expect((await colleague.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    // Signing in again works.
    expect((await (await signIn(h, user.email)).request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('a request without a cookie is 401 auth.required; a made-up cookie is 401 auth.session_expired', async () => {
    expectError(await h.app.inject({ method: 'GET', url: '/api/v1/auth/session' }), 401, 'auth.required');
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: 'redress_session=not-a-session-I-was-given' },
    });
    expectError(res, 401, 'auth.session_expired');
  });
});

describe('session expiry', () => {
  it('ends a session idle for longer than sessionIdleMinutes with 401 auth.session_expired', async () => {
    const { sessionIdleMinutes } = await settings();
    const { client } = await signInAs(h, 'advocate');
    h.clock.advance((sessionIdleMinutes - 1) * MINUTE);
    expect((await client.request('GET', '/api/v1/auth/session')).statusCode).toBe(200); // activity resets idle
    h.clock.advance((sessionIdleMinutes - 1) * MINUTE);
    expect((await client.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    h.clock.advance((sessionIdleMinutes + 1) * MINUTE);
    expectError(await client.request('GET', '/api/v1/auth/session'), 401, 'auth.session_expired');
    // Over for good, even if the clock could go back.
    expectError(await client.request('GET', '/api/v1/tokens'), 401, 'auth.session_expired');
  });

  it('ends an active session once it reaches sessionAbsoluteHours', async () => {
    const { sessionAbsoluteHours } = await settings();
    const { client } = await signInAs(h, 'investigator');
    const checks = (sessionAbsoluteHours * 60) / 30;
    for (let i = 1; i < checks; i++) {
      h.clock.advance(30 * MINUTE);
      const res = await client.request('GET', '/api/v1/auth/session');
      expect(res.statusCode, `after ${i * 30} minutes`).toBe(200);
    }
    h.clock.advance(30 * MINUTE);
    expectError(await client.request('GET', '/api/v1/auth/session'), 401, 'auth.session_expired');
  });

  it('reports when the session will end', async () => {
    const { sessionIdleMinutes } = await settings();
    const { client } = await signInAs(h, 'advocate');
    const view = (await client.request('GET', '/api/v1/auth/session')).json();
    expect(new Date(view.expiresAt).getTime()).toBe(h.clock.now().getTime() + sessionIdleMinutes * MINUTE);
  });

  it('follows a shorter idle limit set by an administrator', async () => {
    const { client: admin } = await signInAs(h, 'administrator');
    const { client } = await signInAs(h, 'attorney');
    const before = await settings();
    expect((await admin.request('PATCH', '/api/v1/org/settings', { sessionIdleMinutes: 5 })).statusCode).toBe(200);
    try {
      h.clock.advance(6 * MINUTE);
      expectError(await client.request('GET', '/api/v1/auth/session'), 401, 'auth.session_expired');
    } finally {
      const admin2 = await signIn(h, (await addUser(h, 'administrator')).email);
      await admin2.request('PATCH', '/api/v1/org/settings', { sessionIdleMinutes: before.sessionIdleMinutes });
    }
  });
});

describe('changing the password', () => {
  it('needs the right current password (422) and keeps everything as it was otherwise', async () => {
    const user = await addUser(h, 'attorney');
    const client = await signIn(h, user.email);
    const res = await client.request('POST', '/api/v1/auth/password', {
      currentPassword: 'this is not it at all',
      newPassword: 'an entirely new passphrase',
    });
    const error = expectError(res, 422, 'auth.current_password_wrong');
    expect(error.details).toHaveProperty('currentPassword');
    expect((await login(h, user.email)).statusCode).toBe(200);
  });

  it('refuses a weak new password with 400 naming newPassword', async () => {
    const user = await addUser(h, 'attorney');
    const client = await signIn(h, user.email);
    for (const newPassword of ['short', 'aaaaaaaaaaaaaaaa', 'x'.repeat(300)]) {
      const res = await client.request('POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword });
      expect(expectError(res, 400, 'request.invalid').details).toHaveProperty('newPassword');
    }
    const same = await client.request('POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: PASSWORD,
    });
    expectError(same, 422, 'auth.password_unchanged');
    expect((await login(h, user.email)).statusCode).toBe(200);
  });

  it('ends the other sessions but not the current one; only the new password works afterwards', async () => {
    const user = await addUser(h, 'paralegal');
    const current = await signIn(h, user.email);
    const other = await signIn(h, user.email);
    const newPassword = 'a completely different passphrase';
    const res = await current.request('POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword });
    expect(res.statusCode).toBe(204);
    expect((await current.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    expectError(await other.request('GET', '/api/v1/auth/session'), 401, 'auth.session_expired');
    expectError(await login(h, user.email), 401, 'auth.invalid_credentials');
    expect((await login(h, user.email, newPassword)).statusCode).toBe(200);

    const row = await findUserById(h.database.db, user.id);
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(row?.password_hash).not.toContain(newPassword);
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site, and not Secure over plain HTTP', async () => {
    const user = await addUser(h, 'attorney');
    const res = await login(h, user.email);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/^redress_session=[^;]+;/);
    expect(header).toMatch(/; HttpOnly/i);
    expect(header).toMatch(/; SameSite=Lax/i);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/; Secure/i);
    // The server enforces expiry: the cookie is not persisted by the browser beyond the session.
    expect(header).not.toMatch(/Max-Age|Expires/i);
  });

  it('is Secure when the app is served over HTTPS', async () => {
    const app = checkEveryResponse(await buildApp({ ...h.deps, isHttps: true }));
    try {
      const user = await addUser(h, 'attorney');
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: PASSWORD },
        remoteAddress: nextAddress(),
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'redress_session');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
      expect(res.headers['strict-transport-security']).toBeDefined();
    } finally {
      await app.close();
    }
  });

  it('is a new random value at each sign-in, whatever cookie the browser sent (no fixation)', async () => {
    const user = await addUser(h, 'attorney');
    const planted = 'redress_session=chosen-by-an-attacker';
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: PASSWORD },
      headers: { cookie: planted },
      remoteAddress: nextAddress(),
    });
    const value = res.cookies.find((c) => c.name === 'redress_session')?.value;
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(value).not.toBe('chosen-by-an-attacker');
    const again = (await login(h, user.email)).cookies.find((c) => c.name === 'redress_session')?.value;
    expect(again).not.toBe(value);
  });

  it('is stored only as a hash', async () => {
    const user = await addUser(h, 'attorney');
    const res = await login(h, user.email);
    const value = res.cookies.find((c) => c.name === 'redress_session')?.value ?? '';
    const rows = await h.database.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(value);
    expect(rows[0]?.token_hash).toBe(sha256Hex(value));
  });
});
