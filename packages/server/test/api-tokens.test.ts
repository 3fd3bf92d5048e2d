import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/secrets/crypto.js';
import {
  addUser,
  auditRows,
  bearerClient,
  createHarness,
  createToken,
  expectError,
  type Harness,
  signIn,
  signInAs,
} from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const DAY = 86_400_000;
// A fresh administrator each time: tests move the clock, and sessions expire.
const admin = {
  request: async (method: string, url: string, payload?: unknown) =>
    (await signInAs(h, 'administrator')).client.request(method, url, payload),
};

describe('creating and listing API tokens', () => {
  it('returns the token once; the list shows only its prefix', async () => {
    const { client } = await signInAs(h, 'attorney');
    const res = await client.request('POST', '/api/v1/tokens', { name: 'case sync', scopes: ['read', 'write'] });
    expect(res.statusCode).toBe(201);
    const { token, info } = res.json();
    expect(token).toMatch(/^rdr_[A-Za-z0-9_-]{43}$/);
    expect(info).toMatchObject({
      name: 'case sync',
      scopes: ['read', 'write'],
      prefix: token.slice(0, 10),
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
    });

    const list = await client.request('GET', '/api/v1/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    expect(list.body).not.toContain(token.slice(10));
    expect(list.json().items).toEqual([info]);
    expect(Object.keys(list.json().items[0]).sort()).toEqual(
      ['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scopes'].sort(),
    );
  });

  it('lists only your own tokens', async () => {
    const { client: mine } = await signInAs(h, 'attorney');
    const { client: theirs } = await signInAs(h, 'attorney');
    await createToken(theirs, ['read'], { name: 'theirs' });
    expect((await mine.request('GET', '/api/v1/tokens')).json().items).toEqual([]);
  });

  it('stores only a SHA-256 of the token', async () => {
    const { client } = await signInAs(h, 'attorney');
    const { token, id } = await createToken(client, ['read']);
    const rows = await h.database.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token.slice(10));
    expect(rows.find((r) => r.id === id)?.token_hash).toBe(sha256Hex(token));
    expect(JSON.stringify(await auditRows(h))).not.toContain(token);
  });

  it('refuses an admin-scoped token for a non-administrator with 422 naming scopes', async () => {
    const { client } = await signInAs(h, 'attorney');
    const res = await client.request('POST', '/api/v1/tokens', { name: 'too much', scopes: ['read', 'admin'] });
    expect(expectError(res, 422, 'token.scope_exceeds_role').details).toHaveProperty('scopes');
    expect((await client.request('GET', '/api/v1/tokens')).json().items).toEqual([]);
  });

  it('validates its input', async () => {
    const { client } = await signInAs(h, 'attorney');
    for (const [body, field] of [
      [{ name: 'x', scopes: [] }, 'scopes'],
      [{ name: 'x', scopes: ['root'] }, 'scopes.0'],
      [{ name: '', scopes: ['read'] }, 'name'],
      [{ name: 'x', scopes: ['read'], expiresInDays: 0 }, 'expiresInDays'],
      [{ name: 'x', scopes: ['read'], expiresInDays: 3651 }, 'expiresInDays'],
      [{ name: 'x', scopes: ['read'], expiresInDays: 1.5 }, 'expiresInDays'],
      [{ name: 'x', scopes: ['read'], userId: crypto.randomUUID() }, 'userId'],
    ] as const) {
      const res = await client.request('POST', '/api/v1/tokens', body);
      expect(expectError(res, 400, 'request.invalid').details, JSON.stringify(body)).toHaveProperty([field]);
    }
  });
});

describe('using API tokens', () => {
  it('a read-scoped token can GET but not write', async () => {
    const { client } = await signInAs(h, 'administrator');
    const { token, id } = await createToken(client, ['read']);
    const api = bearerClient(h, token);
    expect((await api.request('GET', '/api/v1/org/settings')).statusCode).toBe(200);
    expect((await api.request('GET', '/api/v1/tokens')).statusCode).toBe(200);

    expectError(await api.request('PATCH', '/api/v1/org/settings', { name: 'Changed' }), 403, 'access.denied');
    expectError(
      await api.request('POST', '/api/v1/users', { email: 'r@example.org', name: 'R', role: 'volunteer' }),
      403,
      'access.denied',
    );
    expectError(await api.request('DELETE', `/api/v1/tokens/${id}`), 403, 'access.denied');
    const other = await createToken(client, ['read', 'write']);
    expectError(await api.request('DELETE', `/api/v1/tokens/${other.id}`), 403, 'access.denied');
    expect(
      ((await client.request('GET', '/api/v1/tokens')).json().items as { revokedAt: null }[]).every(
        (t) => t.revokedAt === null,
      ),
    ).toBe(true);
  });

  it('a token never grants more than its role: admin routes need the admin scope and the role', async () => {
    const { user, client } = await signInAs(h, 'administrator');
    const writer = bearerClient(h, (await createToken(client, ['read', 'write'])).token);
    expectError(await writer.request('GET', '/api/v1/users'), 403, 'access.denied');
    expectError(await writer.request('GET', '/api/v1/audit'), 403, 'access.denied');

    const adminToken = bearerClient(h, (await createToken(client, ['admin'])).token);
    expect((await adminToken.request('GET', '/api/v1/users')).statusCode).toBe(200);
    // Demoted: the admin-scoped token loses what the role no longer allows.
    await admin.request('PATCH', `/api/v1/users/${user.id}`, { role: 'attorney' });
    expectError(await adminToken.request('GET', '/api/v1/users'), 403, 'access.denied');
    expectError(await adminToken.request('GET', '/api/v1/audit'), 403, 'access.denied');
  });

  it('tokens cannot create tokens', async () => {
    const { client } = await signInAs(h, 'administrator');
    const api = bearerClient(h, (await createToken(client, ['read', 'write', 'admin'])).token);
    expectError(await api.request('POST', '/api/v1/tokens', { name: 'child', scopes: ['read'] }), 403, 'access.denied');
    expect((await client.request('GET', '/api/v1/tokens')).json().items).toHaveLength(1);
  });

  it('tokens cannot use routes that need a signed-in session', async () => {
    const { client } = await signInAs(h, 'attorney');
    const api = bearerClient(h, (await createToken(client, ['read', 'write'])).token);
    expectError(await api.request('GET', '/api/v1/auth/session'), 403, 'auth.session_required');
    expectError(
      await api.request('POST', '/api/v1/auth/password', {
        currentPassword: 'whatever it is',
        newPassword: 'something else entirely',
      }),
      403,
      'auth.session_required',
    );
    expectError(await api.request('POST', '/api/v1/auth/totp/setup'), 403, 'auth.session_required');
    expectError(await api.request('POST', '/api/v1/auth/logout-everywhere'), 403, 'auth.session_required');
  });

  it('records when a token was last used', async () => {
    const { client } = await signInAs(h, 'attorney');
    const { token } = await createToken(client, ['read']);
    await bearerClient(h, token).request('GET', '/api/v1/org/settings');
    const [info] = (await client.request('GET', '/api/v1/tokens')).json().items;
    expect(info.lastUsedAt).toBe(h.clock.now().toISOString());
  });
});

describe('tokens that no longer work', () => {
  it('a revoked token gets 401 auth.token_invalid', async () => {
    const { client } = await signInAs(h, 'attorney');
    const { token, id } = await createToken(client, ['read', 'write']);
    const api = bearerClient(h, token);
    expect((await api.request('GET', '/api/v1/tokens')).statusCode).toBe(200);
    expect((await client.request('DELETE', `/api/v1/tokens/${id}`)).statusCode).toBe(204);
    expectError(await api.request('GET', '/api/v1/tokens'), 401, 'auth.token_invalid');
    const [info] = (await client.request('GET', '/api/v1/tokens')).json().items;
    expect(info.revokedAt).toBe(h.clock.now().toISOString());
    // Revoking twice: nothing to revoke.
    expectError(await client.request('DELETE', `/api/v1/tokens/${id}`), 404, 'token.not_found');
  });

  it("nobody can revoke another user's token: 404, and it keeps working", async () => {
    const { client: owner } = await signInAs(h, 'attorney');
    const { token, id } = await createToken(owner, ['read']);
    expectError(await admin.request('DELETE', `/api/v1/tokens/${id}`), 404, 'token.not_found');
    expect((await bearerClient(h, token).request('GET', '/api/v1/tokens')).statusCode).toBe(200);
  });

  it('an expired token gets 401', async () => {
    const { client } = await signInAs(h, 'attorney');
    const { token } = await createToken(client, ['read'], { expiresInDays: 1 });
    const api = bearerClient(h, token);
    h.clock.advance(DAY - 60_000);
    expect((await api.request('GET', '/api/v1/org/settings')).statusCode).toBe(200);
    h.clock.advance(60_000);
    expectError(await api.request('GET', '/api/v1/org/settings'), 401, 'auth.token_invalid');
  });

  it("a disabled user's token gets 401", async () => {
    const user = await addUser(h, 'paralegal');
    const client = await signIn(h, user.email);
    const api = bearerClient(h, (await createToken(client, ['read'])).token);
    await admin.request('PATCH', `/api/v1/users/${user.id}`, { isDisabled: true });
    expectError(await api.request('GET', '/api/v1/org/settings'), 401, 'auth.token_invalid');
  });

  it('made-up, malformed and session-cookie values are 401 auth.token_invalid', async () => {
    const { client } = await signInAs(h, 'attorney');
    const { token } = await createToken(client, ['read']);
    const sessionValue = client.cookie.replace('redress_session=', '');
    for (const value of [
      `${token.slice(0, -1)}x`,
      token.slice(4),
      sessionValue,
      `rdr_${'a'.repeat(300)}`,
      "rdr_'OR'1'='1",
    ]) {
      const res = await h.app.inject({
        method: 'GET',
        url: '/api/v1/org/settings',
        headers: { authorization: `Bearer ${value}` },
      });
      expectError(res, 401, 'auth.token_invalid');
    }
  });

  it('a bad Bearer token is not rescued by a valid session cookie sent with it', async () => {
    const { client } = await signInAs(h, 'attorney');
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/org/settings',
      headers: { authorization: 'Bearer rdr_revoked-or-made-up', cookie: client.cookie },
    });
    expectError(res, 401, 'auth.token_invalid');
  });
});

describe('tokens and the organisation rules', () => {
  it('refuses a malformed Authorization header instead of falling back to the session cookie', async () => {
    const { client } = await signInAs(h, 'attorney');
    const res = await client.request('GET', '/api/v1/tokens', undefined, { authorization: 'Bearer a b' });
    expectError(res, 401, 'auth.token_invalid');
  });

  it('holds back the tokens of a user who has not enrolled two-factor once the organisation requires it', async () => {
    const user = await addUser(h, 'paralegal');
    const client = await signIn(h, user.email);
    const { token } = await createToken(client, ['read'], { name: 'sync' });
    const api = bearerClient(h, token);
    expect((await api.request('GET', '/api/v1/org/settings')).statusCode).toBe(200);
    await admin.request('PATCH', '/api/v1/org/settings', { requireTotp: true });
    try {
      expectError(await api.request('GET', '/api/v1/org/settings'), 403, 'auth.totp_enrolment_required');
    } finally {
      await admin.request('PATCH', '/api/v1/org/settings', { requireTotp: false });
    }
  });
});
