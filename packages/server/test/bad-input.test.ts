import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createHarness,
  createToken,
  expectError,
  type Harness,
  responseProblems,
  signInAs,
} from './support/harness.js';

let h: Harness;
let admin: Client;
let attorney: Client;
beforeAll(async () => {
  h = await createHarness();
  admin = (await signInAs(h, 'administrator')).client;
  attorney = (await signInAs(h, 'attorney')).client;
});
afterAll(() => h.close());

// Every response in this file is kept and checked after each test: no stack trace, no exception
// text, and the error shape whenever the status is 400 or more (the harness checks it as well).
const seen: LightMyRequestResponse[] = [];
const keep = (res: LightMyRequestResponse) => {
  seen.push(res);
  return res;
};
afterEach(() => {
  for (const res of seen.splice(0)) {
    expect(responseProblems(res)).toEqual([]);
    expect(res.body).not.toMatch(/\bat \S+\.ts:\d+/);
    expect(res.body).not.toContain('Error:');
    expect(res.statusCode).toBeLessThan(500);
  }
});

/** A raw request with the admin's cookie and CSRF token, body sent exactly as given. */
const raw = (method: 'POST' | 'PATCH', url: string, body: string | Buffer, contentType = 'application/json') =>
  h.app
    .inject({
      method,
      url,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType },
      payload: body,
    })
    .then(keep);

const send = (client: Client, method: string, url: string, payload?: unknown) =>
  client.request(method, url, payload).then(keep);

const usersTableExists = async () => {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(h.database.db);
  return (r.rows[0]?.n ?? 0) > 0;
};

const NASTY = ["'; DROP TABLE users; --", '" OR 1=1 --', '\\', '%_', "Robert'); DELETE FROM audit_log;--", '$1 $$ ::'];

describe('malformed requests', () => {
  it('malformed JSON is 400 request.malformed_json', async () => {
    for (const body of ['{', '{"email": }', "{'email': 'x'}", '{"a":1}}', 'undefined', '\u0000']) {
      expectError(await raw('POST', '/api/v1/users', body), 400, 'request.malformed_json');
    }
  });

  it('an empty JSON body is 400', async () => {
    expectError(await raw('POST', '/api/v1/users', ''), 400, 'request.empty_body');
  });

  it('a JSON body that is not an object is 400 with details', async () => {
    for (const body of ['null', '[]', '"text"', '42', 'true']) {
      const res = await raw('POST', '/api/v1/users', body);
      expect(expectError(res, 400, 'request.invalid').details, body).toBeDefined();
    }
  });

  it('refuses a body that tries to set __proto__ or constructor.prototype', async () => {
    for (const body of [
      '{"email":"p@example.org","name":"P","role":"volunteer","__proto__":{"isAdmin":true}}',
      '{"email":"p@example.org","name":"P","role":"volunteer","constructor":{"prototype":{"isAdmin":true}}}',
    ]) {
      const res = await raw('POST', '/api/v1/users', body);
      expect(res.statusCode).toBe(400);
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('wrong types are 400 with a detail for each field', async () => {
    const res = await send(admin, 'POST', '/api/v1/users', { email: 42, name: ['A'], role: true });
    const error = expectError(res, 400, 'request.invalid');
    expect(Object.keys(error.details ?? {}).sort()).toEqual(['email', 'name', 'role']);
  });

  it('unknown fields are 400 and named in details', async () => {
    const res = await send(admin, 'POST', '/api/v1/users', {
      email: 'u@example.org',
      name: 'U',
      role: 'volunteer',
      isAdmin: true,
      password_hash: 'x',
    });
    expect(expectError(res, 400, 'request.invalid').details).toEqual({
      isAdmin: 'Unknown field',
      password_hash: 'Unknown field',
    });
    const token = await send(attorney, 'POST', '/api/v1/tokens', { name: 't', scopes: ['read'], userId: 'x' });
    expect(expectError(token, 400, 'request.invalid').details).toEqual({ userId: 'Unknown field' });
    const login = await h.app
      .inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'a@example.org', password: 'whatever it is', remember: true },
      })
      .then(keep);
    expect(expectError(login, 400, 'request.invalid').details).toEqual({ remember: 'Unknown field' });
  });

  it('a body over 1 MiB is 413 request.too_large', async () => {
    const big = JSON.stringify({ email: 'big@example.org', name: 'x'.repeat(1024 * 1024), role: 'volunteer' });
    expectError(await raw('POST', '/api/v1/users', big), 413, 'request.too_large');
    const res = await h.app
      .inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: JSON.stringify({ email: 'a@example.org', password: 'p'.repeat(2 * 1024 * 1024) }),
        headers: { 'content-type': 'application/json' },
      })
      .then(keep);
    expectError(res, 413, 'request.too_large');
  });

  it('a body under the limit but with over-long fields is 400, not slow work', async () => {
    const res = await h.app
      .inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'a@example.org', password: 'p'.repeat(100_000) },
      })
      .then(keep);
    expect(expectError(res, 400, 'request.invalid').details).toHaveProperty('password');
  });

  it('a body that is not JSON is refused in the error shape', async () => {
    const form = await raw(
      'POST',
      '/api/v1/users',
      'email=f@example.org&role=administrator',
      'application/x-www-form-urlencoded',
    );
    expectError(form, 415, 'request.unsupported_media_type');
    const xml = await raw('POST', '/api/v1/users', '<user/>', 'application/xml');
    expectError(xml, 415, 'request.unsupported_media_type');
    const multipart = await raw('POST', '/api/v1/users', '--x--', 'multipart/form-data; boundary=x');
    expectError(multipart, 415, 'request.unsupported_media_type');
    const text = await raw('POST', '/api/v1/users', 'hello', 'text/plain');
    expectError(text, 415, 'request.unsupported_media_type');
    expect(await h.database.db.selectFrom('users').select('id').where('email', '=', 'f@example.org').execute()).toEqual(
      [],
    );
  });

  it('accepts JSON with a charset', async () => {
    const res = await raw(
      'POST',
      '/api/v1/users',
      JSON.stringify({ email: 'charset@example.org', name: 'Charset', role: 'volunteer' }),
      'application/json; charset=utf-8',
    );
    expect(res.statusCode).toBe(201);
  });

  it('an unknown /api route is 404 in the error shape, for any method', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nothing-here'],
      ['POST', '/api/v1/users/export'],
      ['PUT', '/api/v1/users'],
      ['DELETE', '/api/v1/org/settings'],
      ['GET', '/api/v2/users'],
      ['GET', '/api/'],
    ] as const) {
      expectError(await send(admin, method, url), 404, 'request.not_found');
    }
  });
});

describe('SQL metacharacters are data, never code', () => {
  it('round-trips them through every text field of create-user, or refuses them with 400', async () => {
    for (const [i, nasty] of NASTY.entries()) {
      const name = `Name ${nasty}`;
      const res = await send(admin, 'POST', '/api/v1/users', { email: `sql${i}@example.org`, name, role: 'volunteer' });
      expect(res.statusCode, nasty).toBe(201);
      expect(res.json().user.name).toBe(name);
      const listed = (await send(admin, 'GET', '/api/v1/users'))
        .json()
        .items.find((u: { email: string }) => u.email === `sql${i}@example.org`);
      expect(listed.name).toBe(name);

      const badEmail = await send(admin, 'POST', '/api/v1/users', {
        email: `${nasty}@example.org`,
        name: 'E',
        role: 'volunteer',
      });
      if (badEmail.statusCode === 201) expect(badEmail.json().user.email).toBe(`${nasty}@example.org`.toLowerCase());
      else expect(expectError(badEmail, 400, 'request.invalid').details).toHaveProperty('email');

      const badRole = await send(admin, 'POST', '/api/v1/users', {
        email: `r${i}@example.org`,
        name: 'R',
        role: nasty,
      });
      expect(expectError(badRole, 400, 'request.invalid').details).toHaveProperty('role');
    }
    // A quote is legal in an email address: stored as typed, and found again by the duplicate check.
    const quoted = "o'brien--@example.org";
    const made = await send(admin, 'POST', '/api/v1/users', { email: quoted, name: 'Q', role: 'volunteer' });
    expect(made.json().user.email).toBe(quoted);
    const again = await send(admin, 'POST', '/api/v1/users', { email: quoted, name: 'Q', role: 'volunteer' });
    expectError(again, 409, 'user.email_taken');
    expect(await usersTableExists()).toBe(true);
  });

  it('round-trips them through the organisation name', async () => {
    for (const nasty of NASTY) {
      const name = `Org ${nasty}`;
      const res = await send(admin, 'PATCH', '/api/v1/org/settings', { name });
      expect(res.json().name).toBe(name);
      expect((await send(attorney, 'GET', '/api/v1/org/settings')).json().name).toBe(name);
    }
    expect(await usersTableExists()).toBe(true);
  });

  it('round-trips them through token names', async () => {
    for (const nasty of NASTY) {
      const res = await send(attorney, 'POST', '/api/v1/tokens', { name: nasty, scopes: ['read'] });
      expect(res.json().info.name).toBe(nasty);
    }
    const names = (await send(attorney, 'GET', '/api/v1/tokens')).json().items.map((t: { name: string }) => t.name);
    expect([...names].sort()).toEqual([...NASTY].sort());
    expect(await usersTableExists()).toBe(true);
  });

  it('treats them literally in audit filters: no match, no error, no wildcard', async () => {
    for (const nasty of NASTY) {
      for (const key of ['action', 'entityType', 'entityId']) {
        const res = await send(admin, 'GET', `/api/v1/audit?${key}=${encodeURIComponent(nasty)}`);
        expect(res.statusCode, `${key}=${nasty}`).toBe(200);
        expect(res.json().items).toEqual([]);
      }
      const actor = await send(admin, 'GET', `/api/v1/audit?actorId=${encodeURIComponent(nasty)}`);
      expectError(actor, 400, 'request.invalid');
      const cursor = await send(admin, 'GET', `/api/v1/audit?cursor=${encodeURIComponent(nasty)}`);
      expectError(cursor, 400, 'request.invalid');
    }
    // LIKE wildcards in an action prefix are escaped: "%." and "_ser." do not match "user.created".
    for (const prefix of ['%.', '_ser.', 'user%.', '\\.']) {
      const res = await send(admin, 'GET', `/api/v1/audit?action=${encodeURIComponent(prefix)}`);
      expect(res.json().items, prefix).toEqual([]);
    }
    expect((await send(admin, 'GET', '/api/v1/audit?action=user.')).json().items.length).toBeGreaterThan(0);
    expect(await usersTableExists()).toBe(true);
  });

  it('treats them literally in sign-in, links and ids', async () => {
    for (const nasty of NASTY) {
      const res = await h.app
        .inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'root@example.org', password: nasty },
          remoteAddress: `192.0.2.${NASTY.indexOf(nasty) + 1}`,
        })
        .then(keep);
      expect([400, 401]).toContain(res.statusCode);
      const link = await h.app
        .inject({ method: 'GET', url: `/api/v1/auth/links/${encodeURIComponent(nasty.padEnd(30, 'x'))}` })
        .then(keep);
      expect(link.statusCode).toBe(404);
      const patch = await send(admin, 'PATCH', `/api/v1/users/${encodeURIComponent(nasty)}`, { name: 'X' });
      expect(patch.statusCode).toBe(404);
    }
    expect(await usersTableExists()).toBe(true);
  });
});

describe('nothing leaks from a failure', () => {
  it('the response check itself catches a stack trace, exception text and a wrong error shape', () => {
    const fake = (statusCode: number, body: string) =>
      ({ statusCode, body, headers: { 'content-type': 'application/json' } }) as unknown as LightMyRequestResponse;
    expect(responseProblems(fake(200, '{"ok":true}'))).toEqual([]);
    expect(responseProblems(fake(400, '{"error":{"code":"request.invalid","message":"No"}}'))).toEqual([]);
    expect(responseProblems(fake(200, '"    at handler (/app/src/x.ts:12:3)"'))).not.toEqual([]);
    expect(responseProblems(fake(500, '{"error":{"code":"internal","message":"TypeError: x"}}'))).not.toEqual([]);
    expect(responseProblems(fake(400, '{"message":"Bad Request","statusCode":400}'))).not.toEqual([]);
    expect(responseProblems(fake(404, '{"error":{"code":"x","message":"y"},"stack":"z"}'))).not.toEqual([]);
    expect(responseProblems(fake(404, '{"error":{"code":"x","message":"y","details":{"a":1}}}'))).not.toEqual([]);
    expect(responseProblems(fake(413, 'Payload Too Large'))).not.toEqual([]);
  });

  it('a bearer token with odd characters is a plain 401', async () => {
    const { token } = await createToken(attorney, ['read']);
    for (const value of [`${token}'--`, `rdr_${'%00'.repeat(10)}`, 'rdr_\\x00']) {
      const res = await h.app
        .inject({ method: 'GET', url: '/api/v1/tokens', headers: { authorization: `Bearer ${value}` } })
        .then(keep);
      expectError(res, 401, 'auth.token_invalid');
    }
  });

  it('odd query strings are 400 or 200, never 500', async () => {
    for (const q of ['limit=1e3', 'limit=%00', 'from=%00', 'limit[]=1', 'cursor=99999999999999999999', '&&&', '=']) {
      const res = await send(admin, 'GET', `/api/v1/audit?${q}`);
      expect([200, 400], q).toContain(res.statusCode);
    }
  });
});
