import { ROLES, type Role } from '@redress/core';
import { findUserById } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  clientFor,
  cookieFrom,
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

const HOUR = 3_600_000;
const NEW_PASSWORD = 'my own new passphrase';

/** A fresh administrator for each test: tests move the clock, and sessions expire. */
const newAdmin = async () => (await signInAs(h, 'administrator')).client;

const linkToken = (url: string) => {
  const match = /^http:\/\/redress\.test\/link\/([A-Za-z0-9_-]{43})$/.exec(url);
  if (!match?.[1]) throw new Error(`not a sign-in link: ${url}`);
  return match[1];
};

const describeLink = (token: string) =>
  h.app.inject({ method: 'GET', url: `/api/v1/auth/links/${token}`, remoteAddress: nextAddress() });

const redeem = (token: string, newPassword = NEW_PASSWORD) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/links/redeem',
    payload: { token, newPassword },
    remoteAddress: nextAddress(),
  });

let emailCount = 0;
const freshEmail = () => `person${++emailCount}.${Date.now()}@example.org`;

describe('creating users', () => {
  it('creates a user without a password and returns a one-time invitation link', async () => {
    const admin = await newAdmin();
    const email = freshEmail();
    const res = await admin.request('POST', '/api/v1/users', { email, name: 'Ada Advocate', role: 'advocate' });
    expect(res.statusCode).toBe(201);
    const { user, signInLink } = res.json();
    expect(user).toMatchObject({
      email,
      name: 'Ada Advocate',
      role: 'advocate',
      isDisabled: false,
      hasTotp: false,
      lastSignInAt: null,
    });
    expect(new Date(signInLink.expiresAt).getTime()).toBe(h.clock.now().getTime() + 7 * 24 * HOUR);
    const token = linkToken(signInLink.url);

    // Nobody can sign in as the new user until the link is used: there is no password to guess.
    expectError(await login(h, email, ''), 400, 'request.invalid');
    expectError(await login(h, email, PASSWORD), 401, 'auth.invalid_credentials');

    const described = await describeLink(token);
    expect(described.statusCode).toBe(200);
    expect(described.json()).toEqual({
      email,
      name: 'Ada Advocate',
      purpose: 'invite',
      expiresAt: signInLink.expiresAt,
    });

    // The link itself is stored only as a hash.
    const links = await h.database.db.selectFrom('sign_in_links').selectAll().where('user_id', '=', user.id).execute();
    expect(JSON.stringify(links)).not.toContain(token);
  });

  it('redeeming the link sets the password and signs in; the link then works no more', async () => {
    const admin = await newAdmin();
    const email = freshEmail();
    const created = (await admin.request('POST', '/api/v1/users', { email, name: 'Pat', role: 'paralegal' })).json();
    const token = linkToken(created.signInLink.url);

    // A weak password is refused and the link stays usable.
    expect(expectError(await redeem(token, 'short'), 400, 'request.invalid').details).toHaveProperty('newPassword');

    const res = await redeem(token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isComplete: true, user: { email, role: 'paralegal' } });
    const client = clientFor(h, cookieFrom(res), res.json().csrfToken);
    expect((await client.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);

    expectError(await redeem(token, 'another new passphrase'), 404, 'auth.link_invalid');
    expectError(await describeLink(token), 404, 'auth.link_invalid');
    expect((await login(h, email, NEW_PASSWORD)).statusCode).toBe(200);
    expectError(await login(h, email, 'another new passphrase'), 401, 'auth.invalid_credentials');
  });

  it('an invitation expires after seven days', async () => {
    const admin = await newAdmin();
    const created = (
      await admin.request('POST', '/api/v1/users', { email: freshEmail(), name: 'Late', role: 'volunteer' })
    ).json();
    const token = linkToken(created.signInLink.url);
    h.clock.advance(7 * 24 * HOUR);
    expectError(await describeLink(token), 404, 'auth.link_invalid');
    expectError(await redeem(token), 404, 'auth.link_invalid');
  });

  it('made-up link tokens are 404', async () => {
    expectError(await describeLink('A'.repeat(43)), 404, 'auth.link_invalid');
    expectError(await redeem('A'.repeat(43)), 404, 'auth.link_invalid');
    expectError(await describeLink('short'), 404, 'request.not_found');
  });

  it('refuses an email already in use, whatever its case, with 409 naming email', async () => {
    const admin = await newAdmin();
    const email = freshEmail();
    expect((await admin.request('POST', '/api/v1/users', { email, name: 'One', role: 'volunteer' })).statusCode).toBe(
      201,
    );
    for (const again of [email, email.toUpperCase(), `  ${email}  `]) {
      const res = await admin.request('POST', '/api/v1/users', { email: again, name: 'Two', role: 'administrator' });
      expect(expectError(res, 409, 'user.email_taken').details).toHaveProperty('email');
    }
    const rows = await h.database.db.selectFrom('users').select('role').where('email', '=', email).execute();
    expect(rows).toEqual([{ role: 'volunteer' }]);
  });

  it('two requests creating the same email at once make one user and one 409', async () => {
    const admin = await newAdmin();
    const email = freshEmail();
    const results = await Promise.all(
      [1, 2, 3].map((n) => admin.request('POST', '/api/v1/users', { email, name: `Twin ${n}`, role: 'volunteer' })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expectError(r, 409, 'user.email_taken');
  });

  it('validates the new user', async () => {
    const admin = await newAdmin();
    for (const [body, field] of [
      [{ email: 'not-an-email', name: 'X', role: 'volunteer' }, 'email'],
      [{ email: freshEmail(), name: '', role: 'volunteer' }, 'name'],
      [{ email: freshEmail(), name: 'X', role: 'superuser' }, 'role'],
      [{ email: freshEmail(), name: 'X' }, 'role'],
      [{ email: freshEmail(), name: 'X', role: 'volunteer', passwordHash: 'x' }, 'passwordHash'],
    ] as const) {
      const res = await admin.request('POST', '/api/v1/users', body);
      expect(expectError(res, 400, 'request.invalid').details, JSON.stringify(body)).toHaveProperty([field]);
    }
  });
});

describe('who may manage users', () => {
  it.each(ROLES.filter((r) => r !== 'administrator'))('a %s gets 403 on every /users route', async (role: Role) => {
    const { client } = await signInAs(h, role);
    const target = await addUser(h, 'volunteer');
    const attempts: [string, string, unknown?][] = [
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users', { email: freshEmail(), name: 'Sneaky', role: 'administrator' }],
      ['PATCH', `/api/v1/users/${target.id}`, { role: 'administrator' }],
      ['PATCH', `/api/v1/users/${crypto.randomUUID()}`, { isDisabled: true }],
      ['POST', `/api/v1/users/${target.id}/reset-password`],
    ];
    for (const [method, url, payload] of attempts) {
      expectError(await client.request(method, url, payload), 403, 'access.denied');
    }
    expect(await findUserById(h.database.db, target.id)).toMatchObject({ role: 'volunteer', is_disabled: false });
    expect((await login(h, target.email)).statusCode).toBe(200);
  });

  it('lists users without any secret field', async () => {
    const admin = await newAdmin();
    const res = await admin.request('GET', '/api/v1/users');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(
        ['createdAt', 'email', 'hasTotp', 'id', 'isDisabled', 'lastSignInAt', 'name', 'role'].sort(),
      );
    }
    expect(res.body).not.toMatch(/argon2|password|totp_secret/i);
  });
});

describe('changing users', () => {
  it("changes a user's role; their sessions end and they start again with the new role", async () => {
    const admin = await newAdmin();
    const user = await addUser(h, 'volunteer');
    const client = await signIn(h, user.email);
    const res = await admin.request('PATCH', `/api/v1/users/${user.id}`, { role: 'paralegal', name: 'Promoted' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, role: 'paralegal', name: 'Promoted' });
    expectError(await client.request('GET', '/api/v1/auth/session'), 401, 'auth.session_expired');
    const again = await login(h, user.email);
    expect(again.json().user).toMatchObject({ role: 'paralegal', name: 'Promoted' });
  });

  it("renaming leaves the user's sessions alone", async () => {
    const admin = await newAdmin();
    const user = await addUser(h, 'volunteer');
    const client = await signIn(h, user.email);
    expect((await admin.request('PATCH', `/api/v1/users/${user.id}`, { name: 'New Name' })).statusCode).toBe(200);
    expect((await client.request('GET', '/api/v1/auth/session')).json().user.name).toBe('New Name');
  });

  it('disabling a user ends their sessions and stops sign-in; enabling lets them back', async () => {
    const admin = await newAdmin();
    const user = await addUser(h, 'investigator');
    const client = await signIn(h, user.email);
    const res = await admin.request('PATCH', `/api/v1/users/${user.id}`, { isDisabled: true });
    expect(res.json()).toMatchObject({ isDisabled: true });
    expectError(await client.request('GET', '/api/v1/auth/session'), 401, 'auth.session_expired');
    expectError(await login(h, user.email), 401, 'auth.invalid_credentials');

    expect((await admin.request('PATCH', `/api/v1/users/${user.id}`, { isDisabled: false })).statusCode).toBe(200);
    expect((await login(h, user.email)).statusCode).toBe(200);
  });

  it('a disabled user cannot use an invitation or reset link', async () => {
    const admin = await newAdmin();
    const user = await addUser(h, 'investigator');
    const link = (await admin.request('POST', `/api/v1/users/${user.id}/reset-password`)).json();
    await admin.request('PATCH', `/api/v1/users/${user.id}`, { isDisabled: true });
    expectError(await describeLink(linkToken(link.url)), 404, 'auth.link_invalid');
    expectError(await redeem(linkToken(link.url)), 404, 'auth.link_invalid');
  });

  it('validates the change', async () => {
    const admin = await newAdmin();
    const user = await addUser(h, 'volunteer');
    expectError(await admin.request('PATCH', `/api/v1/users/${user.id}`, {}), 400, 'request.invalid');
    const unknown = await admin.request('PATCH', `/api/v1/users/${user.id}`, { email: 'new@example.org' });
    expect(expectError(unknown, 400, 'request.invalid').details).toMatchObject({ email: 'Unknown field' });
    const badRole = await admin.request('PATCH', `/api/v1/users/${user.id}`, { role: 'owner' });
    expect(expectError(badRole, 400, 'request.invalid').details).toHaveProperty('role');
    const badFlag = await admin.request('PATCH', `/api/v1/users/${user.id}`, { isDisabled: 'yes' });
    expect(expectError(badFlag, 400, 'request.invalid').details).toHaveProperty('isDisabled');
  });

  it('an unknown user id is 404 user.not_found; a malformed id is 404 too', async () => {
    const admin = await newAdmin();
    const id = crypto.randomUUID();
    expectError(await admin.request('PATCH', `/api/v1/users/${id}`, { name: 'X' }), 404, 'user.not_found');
    expectError(await admin.request('POST', `/api/v1/users/${id}/reset-password`), 404, 'user.not_found');
    for (const bad of ['not-a-uuid', '1', "1'%20OR%20'1'='1", '..%2F..%2Fetc']) {
      expectError(await admin.request('PATCH', `/api/v1/users/${bad}`, { name: 'X' }), 404, 'request.not_found');
      expectError(await admin.request('POST', `/api/v1/users/${bad}/reset-password`), 404, 'request.not_found');
    }
  });
});

describe('password reset by an administrator', () => {
  it('stops the old password and the sessions at once; the link sets a new password', async () => {
    const admin = await newAdmin();
    const user = await addUser(h, 'attorney');
    const client = await signIn(h, user.email);
    const res = await admin.request('POST', `/api/v1/users/${user.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    expect(new Date(res.json().expiresAt).getTime()).toBe(h.clock.now().getTime() + 24 * HOUR);
    const token = linkToken(res.json().url);

    expectError(await client.request('GET', '/api/v1/auth/session'), 401, 'auth.session_expired');
    expectError(await login(h, user.email), 401, 'auth.invalid_credentials');
    expect((await describeLink(token)).json()).toMatchObject({ email: user.email, purpose: 'reset' });

    expect((await redeem(token)).statusCode).toBe(200);
    expect((await login(h, user.email, NEW_PASSWORD)).statusCode).toBe(200);
    expectError(await login(h, user.email), 401, 'auth.invalid_credentials');
  });

  it('a new link replaces the earlier one', async () => {
    const admin = await newAdmin();
    const user = await addUser(h, 'attorney');
    const first = linkToken((await admin.request('POST', `/api/v1/users/${user.id}/reset-password`)).json().url);
    const second = linkToken((await admin.request('POST', `/api/v1/users/${user.id}/reset-password`)).json().url);
    expectError(await redeem(first), 404, 'auth.link_invalid');
    expect((await redeem(second)).statusCode).toBe(200);
  });

  it('a reset link expires after 24 hours', async () => {
    const admin = await newAdmin();
    const user = await addUser(h, 'attorney');
    const token = linkToken((await admin.request('POST', `/api/v1/users/${user.id}/reset-password`)).json().url);
    h.clock.advance(24 * HOUR);
    expectError(await redeem(token), 404, 'auth.link_invalid');
  });

  it('clears a lockout', async () => {
    const admin = await newAdmin();
    const user = await addUser(h, 'attorney');
    for (let i = 0; i < 5; i++) await login(h, user.email, 'wrong wrong wrong');
    expectError(await login(h, user.email), 429, 'auth.locked');
    const token = linkToken((await admin.request('POST', `/api/v1/users/${user.id}/reset-password`)).json().url);
    expect((await redeem(token)).statusCode).toBe(200);
    expect((await login(h, user.email, NEW_PASSWORD)).statusCode).toBe(200);
  });
});

describe('the last active administrator', () => {
  /** Disables every active administrator except the one signed in as `keep`. */
  const leaveOnly = async (keep: Client, keepId: string) => {
    const users = (await keep.request('GET', '/api/v1/users')).json().items as {
      id: string;
      role: string;
      isDisabled: boolean;
    }[];
    for (const u of users) {
      if (u.role === 'administrator' && !u.isDisabled && u.id !== keepId) {
        expect((await keep.request('PATCH', `/api/v1/users/${u.id}`, { isDisabled: true })).statusCode).toBe(200);
      }
    }
  };

  it('cannot be disabled or demoted (422 user.last_administrator), and nothing changes', async () => {
    const { user, client } = await signInAs(h, 'administrator');
    await leaveOnly(client, user.id);
    const disable = await client.request('PATCH', `/api/v1/users/${user.id}`, { isDisabled: true });
    expect(expectError(disable, 422, 'user.last_administrator').details).toHaveProperty('isDisabled');
    const demote = await client.request('PATCH', `/api/v1/users/${user.id}`, { role: 'attorney' });
    expect(expectError(demote, 422, 'user.last_administrator').details).toHaveProperty('role');
    expect(await findUserById(h.database.db, user.id)).toMatchObject({ role: 'administrator', is_disabled: false });
    expect((await client.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);

    // With a second administrator, the first may step down.
    const second = await addUser(h, 'administrator');
    const stepDown = await client.request('PATCH', `/api/v1/users/${user.id}`, { role: 'attorney' });
    expect(stepDown.statusCode).toBe(200);
    const secondClient = await signIn(h, second.email);
    const last = await secondClient.request('PATCH', `/api/v1/users/${second.id}`, { isDisabled: true });
    expectError(last, 422, 'user.last_administrator');
  });

  it('two administrators demoting each other at the same moment leave one administrator', async () => {
    const a = await signInAs(h, 'administrator');
    await leaveOnly(a.client, a.user.id);
    const b = await signInAs(h, 'administrator');
    const results = await Promise.all([
      a.client.request('PATCH', `/api/v1/users/${b.user.id}`, { role: 'attorney' }),
      b.client.request('PATCH', `/api/v1/users/${a.user.id}`, { isDisabled: true }),
    ]);
    // One wins. The other is refused, or finds its own session already ended by the winner's change.
    const [won, lost] = results.sort((x, y) => x.statusCode - y.statusCode) as [
      (typeof results)[0],
      (typeof results)[0],
    ];
    expect(won.statusCode).toBe(200);
    if (lost.statusCode === 401) expectError(lost, 401, 'auth.session_expired');
    else expectError(lost, 422, 'user.last_administrator');
    const admins = await h.database.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'administrator')
      .where('is_disabled', '=', false)
      .execute();
    expect(admins).toHaveLength(1);
  });
});
