import { findOrganisation, findUserByEmail } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  bearerClient,
  type Client,
  createHarness,
  createToken,
  expectError,
  type Harness,
  login,
  PASSWORD,
  signIn,
  signInAs,
} from './support/harness.js';

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await createHarness();
  admin = (await signInAs(h, 'administrator')).client;
});
afterAll(() => h.close());

/** The same cookie, with the X-CSRF-Token header left out or replaced. */
const withCsrf = (client: Client, token: string | null) => ({
  request: (method: string, url: string, payload?: unknown) =>
    h.app.inject({
      method: method as 'POST',
      url,
      headers: { cookie: client.cookie, ...(token === null ? {} : { 'x-csrf-token': token }) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    }),
});

const activeTokens = async (client: Client) =>
  ((await client.request('GET', '/api/v1/tokens')).json().items as { revokedAt: string | null }[]).filter(
    (t) => t.revokedAt === null,
  );

describe('CSRF protection of cookie-authenticated writes', () => {
  it('refuses POST without X-CSRF-Token with 403 auth.csrf_invalid, and creates nothing', async () => {
    const { client } = await signInAs(h, 'attorney');
    const res = await withCsrf(client, null).request('POST', '/api/v1/tokens', { name: 'sneaky', scopes: ['read'] });
    expectError(res, 403, 'auth.csrf_invalid');
    expect(await activeTokens(client)).toEqual([]);

    const email = 'csrf-victim-created@example.org';
    const created = await withCsrf(admin, null).request('POST', '/api/v1/users', {
      email,
      name: 'Should Not Exist',
      role: 'administrator',
    });
    expectError(created, 403, 'auth.csrf_invalid');
    expect(await findUserByEmail(h.database.db, email)).toBeUndefined();
  });

  it('refuses PATCH without X-CSRF-Token, and changes nothing', async () => {
    const before = await findOrganisation(h.database.db);
    const res = await withCsrf(admin, null).request('PATCH', '/api/v1/org/settings', {
      requireTotp: true,
      name: 'Hijacked',
    });
    expectError(res, 403, 'auth.csrf_invalid');
    expect(await findOrganisation(h.database.db)).toEqual(before);

    const user = await addUser(h, 'paralegal');
    const promote = await withCsrf(admin, null).request('PATCH', `/api/v1/users/${user.id}`, {
      role: 'administrator',
    });
    expectError(promote, 403, 'auth.csrf_invalid');
    expect((await findUserByEmail(h.database.db, user.email))?.role).toBe('paralegal');
  });

  it('refuses DELETE without X-CSRF-Token, and the token stays active', async () => {
    const { client } = await signInAs(h, 'attorney');
    const { id } = await createToken(client, ['read']);
    expectError(await withCsrf(client, null).request('DELETE', `/api/v1/tokens/${id}`), 403, 'auth.csrf_invalid');
    expect(await activeTokens(client)).toHaveLength(1);
  });

  it('refuses logout, password change and reset without it, and nothing happens', async () => {
    const { user, client } = await signInAs(h, 'attorney');
    expectError(await withCsrf(client, null).request('POST', '/api/v1/auth/logout'), 403, 'auth.csrf_invalid');
    expectError(
      await withCsrf(client, null).request('POST', '/api/v1/auth/logout-everywhere'),
      403,
      'auth.csrf_invalid',
    );
    expect((await client.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);

    const change = await withCsrf(client, null).request('POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'chosen by the attacker',
    });
    expectError(change, 403, 'auth.csrf_invalid');
    expect((await login(h, user.email)).statusCode).toBe(200);

    const reset = await withCsrf(admin, null).request('POST', `/api/v1/users/${user.id}/reset-password`);
    expectError(reset, 403, 'auth.csrf_invalid');
    expect((await login(h, user.email)).statusCode).toBe(200);
  });

  it('refuses a forged token, an empty one, and the valid token of another session', async () => {
    const { client } = await signInAs(h, 'attorney');
    const other = await signIn(h, (await addUser(h, 'attorney')).email);
    expect(other.csrf).not.toBe(client.csrf);
    for (const forged of ['', 'forged', `${client.csrf}x`, client.csrf.slice(0, -1), other.csrf]) {
      const res = await withCsrf(client, forged).request('POST', '/api/v1/tokens', { name: 'x', scopes: ['read'] });
      expectError(res, 403, 'auth.csrf_invalid');
    }
    expect(await activeTokens(client)).toEqual([]);
  });

  it('refuses the token sent twice (as a list)', async () => {
    const { client } = await signInAs(h, 'attorney');
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: client.cookie, 'x-csrf-token': [client.csrf, client.csrf] },
      payload: { name: 'x', scopes: ['read'] },
    });
    expectError(res, 403, 'auth.csrf_invalid');
  });

  it('checks the token before reading the body', async () => {
    const { client } = await signInAs(h, 'attorney');
    const res = await withCsrf(client, null).request('POST', '/api/v1/tokens', { nonsense: true });
    expectError(res, 403, 'auth.csrf_invalid');
  });

  it('accepts the write with the right token', async () => {
    const { client } = await signInAs(h, 'attorney');
    const res = await withCsrf(client, client.csrf).request('POST', '/api/v1/tokens', { name: 'ok', scopes: ['read'] });
    expect(res.statusCode).toBe(201);
  });

  it('needs no token for GET', async () => {
    const { client } = await signInAs(h, 'attorney');
    for (const url of ['/api/v1/auth/session', '/api/v1/tokens', '/api/v1/org/settings']) {
      expect((await withCsrf(client, null).request('GET', url)).statusCode, url).toBe(200);
    }
    expect((await withCsrf(admin, null).request('GET', '/api/v1/audit?limit=1')).statusCode).toBe(200);
  });

  it('the session reports the same CSRF token that login returned', async () => {
    const { client } = await signInAs(h, 'attorney');
    expect((await client.request('GET', '/api/v1/auth/session')).json().csrfToken).toBe(client.csrf);
  });
});

describe('API tokens and CSRF', () => {
  it('a Bearer token needs no CSRF token to write', async () => {
    const { client: tokenOwner } = await signInAs(h, 'administrator');
    const { token, id } = await createToken(tokenOwner, ['read', 'write', 'admin']);
    const api = bearerClient(h, token);
    const created = await api.request('POST', '/api/v1/users', {
      email: 'made-by-integration@example.org',
      name: 'From Integration',
      role: 'volunteer',
    });
    expect(created.statusCode).toBe(201);
    const patched = await api.request('PATCH', '/api/v1/org/settings', { sessionIdleMinutes: 90 });
    expect(patched.statusCode).toBe(200);
    expect((await api.request('DELETE', `/api/v1/tokens/${id}`)).statusCode).toBe(204);
  });
});
