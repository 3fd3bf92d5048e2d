import { findUserById, insertUser } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import {
  addUser,
  auditRows,
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
const WRONG = 'a wrong password, clearly';

const failWith = async (email: string, times: number, password = WRONG) => {
  for (let i = 0; i < times; i++) expectError(await login(h, email, password), 401, 'auth.invalid_credentials');
};

describe('account lockout', () => {
  it('locks the account after 5 wrong passwords: even the right one then gets 429 auth.locked', async () => {
    const user = await addUser(h, 'attorney');
    await failWith(user.email, 5);
    const error = expectError(await login(h, user.email), 429, 'auth.locked');
    expect(error.message).toMatch(/locked until \d\d:\d\d UTC/);
    // While locked a wrong password says the same (it reveals nothing, and does not extend the lock).
    expectError(await login(h, user.email, WRONG), 429, 'auth.locked');
    expect((await findUserById(h.database.db, user.id))?.failed_login_count).toBe(5);
  });

  it('four wrong passwords do not lock', async () => {
    const user = await addUser(h, 'attorney');
    await failWith(user.email, 4);
    expect((await login(h, user.email)).statusCode).toBe(200);
  });

  it('after the lock time the right password works and resets the counter', async () => {
    const user = await addUser(h, 'paralegal');
    await failWith(user.email, 5);
    h.clock.advance(14 * MINUTE);
    expectError(await login(h, user.email), 429, 'auth.locked');
    h.clock.advance(1 * MINUTE);
    expect((await login(h, user.email)).statusCode).toBe(200);
    expect(await findUserById(h.database.db, user.id)).toMatchObject({ failed_login_count: 0, locked_until: null });
    // A fresh count: four more mistakes do not lock.
    await failWith(user.email, 4);
    expect((await login(h, user.email)).statusCode).toBe(200);
  });

  it('locks for longer when the failures go on after a lock', async () => {
    const user = await addUser(h, 'investigator');
    await failWith(user.email, 5);
    h.clock.advance(15 * MINUTE);
    await failWith(user.email, 5);
    h.clock.advance(15 * MINUTE);
    expectError(await login(h, user.email), 429, 'auth.locked');
    h.clock.advance(15 * MINUTE);
    expect((await login(h, user.email)).statusCode).toBe(200);
  });

  it('counts wrong passwords sent in parallel, each one', async () => {
    const user = await addUser(h, 'advocate');
    const results = await Promise.all(Array.from({ length: 8 }, () => login(h, user.email, WRONG)));
    for (const res of results) expect([401, 429]).toContain(res.statusCode);
    const row = await findUserById(h.database.db, user.id);
    expect(row?.failed_login_count).toBeGreaterThanOrEqual(5);
    expectError(await login(h, user.email), 429, 'auth.locked');
  });

  it("a lock stops new sign-ins but does not end the user's live sessions", async () => {
    const user = await addUser(h, 'advocate');
    const client = await signIn(h, user.email);
    await failWith(user.email, 5);
    // Someone guessing at the password must not be able to sign the real user out.
    expect((await client.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
  });
});

describe('unknown and unusable accounts', () => {
  it('an unknown email gets the same 401 as a wrong password', async () => {
    const user = await addUser(h, 'attorney');
    const wrong = await login(h, user.email, WRONG);
    const unknown = await login(h, 'nobody-here@example.org', WRONG);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('a disabled account and an account without a password get the same 401 too', async () => {
    const { client: admin } = await signInAs(h, 'administrator');
    const disabled = await addUser(h, 'attorney');
    await admin.request('PATCH', `/api/v1/users/${disabled.id}`, { isDisabled: true });
    const invited = await insertUser(h.database.db, {
      id: crypto.randomUUID(),
      email: `invited.${Date.now()}@example.org`,
      name: 'Invited',
      role: 'attorney',
      passwordHash: null,
      now: h.clock.now(),
    });
    const reference = (await login(h, 'nobody-else@example.org', PASSWORD)).json();
    for (const email of [disabled.email, invited.email]) {
      const res = await login(h, email, PASSWORD);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(reference);
    }
  });

  it('failures on an unknown email never lock anybody out', async () => {
    for (let i = 0; i < 6; i++) await login(h, 'ghost@example.org', WRONG);
    expectError(await login(h, 'ghost@example.org', WRONG), 401, 'auth.invalid_credentials');
  });
});

describe('throttling by address', () => {
  it('answers the 21st sign-in attempt within a minute from one address with 429 in the error shape', async () => {
    const address = nextAddress();
    for (let i = 0; i < 20; i++) {
      const res = await login(h, `spray-${i}@example.org`, WRONG, address);
      expectError(res, 401, 'auth.invalid_credentials');
    }
    const user = await addUser(h, 'attorney');
    const throttled = await login(h, user.email, PASSWORD, address);
    expectError(throttled, 429, 'request.throttled');
    expect(throttled.json()).toEqual({ error: { code: 'request.throttled', message: expect.any(String) } });
    expect(throttled.headers['retry-after']).toBeDefined();
    // Another address is not affected.
    expect((await login(h, user.email, PASSWORD, nextAddress())).statusCode).toBe(200);
  });

  it('limits every API request per address when the app is built with a low rateLimitPerMinute', async () => {
    const app = checkEveryResponse(await buildApp(h.deps, { rateLimitPerMinute: 3 }));
    try {
      const get = (remoteAddress: string) => app.inject({ method: 'GET', url: '/api/v1/auth/session', remoteAddress });
      const address = nextAddress();
      for (let i = 0; i < 3; i++) expectError(await get(address), 401, 'auth.required');
      expectError(await get(address), 429, 'request.throttled');
      expectError(await get(nextAddress()), 401, 'auth.required');
    } finally {
      await app.close();
    }
  });
});

describe('the audit trail of failures', () => {
  it('records every failed sign-in as auth.sign_in_failed, and never the password tried', async () => {
    const user = await addUser(h, 'law_apprentice');
    const secrets = ['first wrong secret 1', 'second wrong secret 2', 'third wrong secret 3'];
    const address = nextAddress();
    for (const password of secrets) await login(h, user.email, password, address);
    await login(h, 'unknown-person@example.org', 'fourth wrong secret 4', address);

    const rows = await auditRows(h);
    const mine = rows.filter((r) => r.action === 'auth.sign_in_failed' && r.entity_id === user.id);
    expect(mine.map((r) => r.details)).toEqual([
      { factor: 'password', failedCount: 1 },
      { factor: 'password', failedCount: 2 },
      { factor: 'password', failedCount: 3 },
    ]);
    for (const r of mine) expect(r).toMatchObject({ ip: address, actor_id: null, entity_type: 'user' });
    const unknown = rows.filter(
      (r) => r.action === 'auth.sign_in_failed' && r.details.email === 'unknown-person@example.org',
    );
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ entity_id: null, details: { reason: 'unknown_email', factor: 'password' } });

    const everything = JSON.stringify(rows);
    for (const secret of [...secrets, 'fourth wrong secret 4', PASSWORD]) expect(everything).not.toContain(secret);
  });

  it('records the lock and each refused attempt while locked', async () => {
    const user = await addUser(h, 'volunteer');
    await failWith(user.email, 5);
    await login(h, user.email);
    const rows = (await auditRows(h)).filter((r) => r.entity_id === user.id);
    expect(rows.map((r) => r.action)).toEqual([...Array(5).fill('auth.sign_in_failed'), 'auth.sign_in_refused_locked']);
    expect(rows[4]?.details).toMatchObject({ failedCount: 5, lockedUntil: expect.any(String) });
  });
});
