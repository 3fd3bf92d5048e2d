import { ROLES, type Role } from '@redress/core';
import { findOrganisation } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  auditRows,
  type Client,
  createHarness,
  createToken,
  expectError,
  type Harness,
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

type Entry = {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
};

const newAdmin = () => signInAs(h, 'administrator');

const page = async (client: Client, query: string) => {
  const res = await client.request('GET', `/api/v1/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Entry[]; nextCursor: string | null };
};

describe('organisation settings', () => {
  it.each(ROLES)('a signed-in %s can read them', async (role: Role) => {
    const { client } = await signInAs(h, role);
    const res = await client.request('GET', '/api/v1/org/settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      name: expect.any(String),
      requireTotp: expect.any(Boolean),
      sessionIdleMinutes: expect.any(Number),
      sessionAbsoluteHours: expect.any(Number),
    });
  });

  it('nobody signed out can read them', async () => {
    expectError(await h.app.inject({ method: 'GET', url: '/api/v1/org/settings' }), 401, 'auth.required');
  });

  it.each(ROLES.filter((r) => r !== 'administrator'))('a %s cannot change them (403)', async (role: Role) => {
    const { client } = await signInAs(h, role);
    const before = await findOrganisation(h.database.db);
    const res = await client.request('PATCH', '/api/v1/org/settings', { name: 'Taken Over', requireTotp: false });
    expectError(res, 403, 'access.denied');
    expect(await findOrganisation(h.database.db)).toEqual(before);
  });

  it('an administrator changes them, and the change is audited with before and after', async () => {
    const { user, client } = await newAdmin();
    const before = (await client.request('GET', '/api/v1/org/settings')).json();
    const res = await client.request('PATCH', '/api/v1/org/settings', {
      name: 'Innocence Clinic',
      sessionIdleMinutes: 45,
      sessionAbsoluteHours: 10,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      ...before,
      name: 'Innocence Clinic',
      sessionIdleMinutes: 45,
      sessionAbsoluteHours: 10,
    });
    expect((await client.request('GET', '/api/v1/org/settings')).json()).toEqual(res.json());
    expect((await client.request('GET', '/api/v1/auth/session')).json().organisationName).toBe('Innocence Clinic');

    const [entry] = (await page(client, 'action=organisation.settings_updated&limit=1')).items;
    expect(entry).toMatchObject({
      actorId: user.id,
      entityType: 'organisation',
      details: {
        name: { from: before.name, to: 'Innocence Clinic' },
        sessionIdleMinutes: { from: before.sessionIdleMinutes, to: 45 },
        sessionAbsoluteHours: { from: before.sessionAbsoluteHours, to: 10 },
      },
    });
  });

  it('refuses out-of-range and wrong values with 400 naming each field, changing nothing', async () => {
    const { client } = await newAdmin();
    const before = await findOrganisation(h.database.db);
    for (const [body, fields] of [
      [{ sessionIdleMinutes: 4 }, ['sessionIdleMinutes']],
      [{ sessionIdleMinutes: 24 * 60 + 1 }, ['sessionIdleMinutes']],
      [{ sessionIdleMinutes: 30.5 }, ['sessionIdleMinutes']],
      [{ sessionAbsoluteHours: 0 }, ['sessionAbsoluteHours']],
      [{ sessionAbsoluteHours: 24 * 30 + 1 }, ['sessionAbsoluteHours']],
      [{ sessionAbsoluteHours: '12' }, ['sessionAbsoluteHours']],
      [{ requireTotp: 'yes' }, ['requireTotp']],
      [{ name: '' }, ['name']],
      [{ name: '   ' }, ['name']],
      [{ name: 'x'.repeat(201) }, ['name']],
      [{ name: 'Evil\u202eCorp' }, ['name']],
      [{ name: 'Two\nLines' }, ['name']],
      [{ name: null }, ['name']],
      [
        { sessionIdleMinutes: 2, sessionAbsoluteHours: 9999, id: 2 },
        ['sessionIdleMinutes', 'sessionAbsoluteHours', 'id'],
      ],
    ] as const) {
      const res = await client.request('PATCH', '/api/v1/org/settings', body);
      const error = expectError(res, 400, 'request.invalid');
      expect(Object.keys(error.details ?? {}).sort(), JSON.stringify(body)).toEqual([...fields].sort());
    }
    expectError(await client.request('PATCH', '/api/v1/org/settings', {}), 400, 'request.invalid');
    expect(await findOrganisation(h.database.db)).toEqual(before);
  });

  it('accepts the bounds themselves', async () => {
    const { client } = await newAdmin();
    for (const body of [
      { sessionIdleMinutes: 5, sessionAbsoluteHours: 1 },
      { sessionIdleMinutes: 24 * 60, sessionAbsoluteHours: 24 * 30 },
      { sessionIdleMinutes: 60, sessionAbsoluteHours: 12 },
    ]) {
      const res = await client.request('PATCH', '/api/v1/org/settings', body);
      expect(res.json()).toMatchObject(body);
    }
  });
});

describe('the audit log', () => {
  it.each(ROLES.filter((r) => r !== 'administrator'))('is closed to a %s (403)', async (role: Role) => {
    const { client } = await signInAs(h, role);
    expectError(await client.request('GET', '/api/v1/audit'), 403, 'access.denied');
  });

  it('filters by action prefix, entity type, actor and time', async () => {
    const { user: actor, client } = await newAdmin();
    const start = h.clock.now();
    h.clock.advance(MINUTE);
    const created = (
      await client.request('POST', '/api/v1/users', {
        email: `filter-${Date.now()}@example.org`,
        name: 'Filter Target',
        role: 'volunteer',
      })
    ).json().user;
    h.clock.advance(MINUTE);
    const middle = h.clock.now();
    await client.request('PATCH', `/api/v1/users/${created.id}`, { name: 'Renamed Target' });
    h.clock.advance(MINUTE);
    await client.request('PATCH', '/api/v1/org/settings', { name: 'Filter Org' });
    h.clock.advance(MINUTE);
    const end = h.clock.now();

    const users = await page(client, 'action=user.&limit=200');
    expect(users.items.length).toBeGreaterThanOrEqual(2);
    expect(users.items.every((e) => e.action.startsWith('user.'))).toBe(true);

    const exact = await page(client, 'action=user.updated&limit=200');
    expect(exact.items.every((e) => e.action === 'user.updated')).toBe(true);
    // An exact action is not a prefix: "user" finds nothing.
    expect((await page(client, 'action=user')).items).toEqual([]);

    const orgEntries = await page(client, 'entityType=organisation&limit=200');
    expect(orgEntries.items.length).toBeGreaterThanOrEqual(1);
    expect(orgEntries.items.every((e) => e.entityType === 'organisation')).toBe(true);

    const byActor = await page(client, `actorId=${actor.id}&limit=200`);
    expect(byActor.items.map((e) => e.action)).toEqual([
      'organisation.settings_updated',
      'user.updated',
      'user.created',
    ]);

    const window = await page(
      client,
      `actorId=${actor.id}&from=${encodeURIComponent(middle.toISOString())}&to=${encodeURIComponent(end.toISOString())}`,
    );
    expect(window.items.map((e) => e.action)).toEqual(['organisation.settings_updated', 'user.updated']);
    const before = await page(client, `actorId=${actor.id}&to=${encodeURIComponent(start.toISOString())}`);
    expect(before.items).toEqual([]);
    const after = await page(client, `from=${encodeURIComponent(end.toISOString())}`);
    expect(after.items.every((e) => e.at >= end.toISOString())).toBe(true);

    const forTarget = await page(client, `entityId=${created.id}`);
    expect(forTarget.items.map((e) => e.action)).toEqual(['user.updated', 'user.created']);
    expect(forTarget.items[0]?.details).toEqual({ name: { from: 'Filter Target', to: 'Renamed Target' } });
  });

  it('pages with a cursor: disjoint pages in descending seq that add up to the whole log', async () => {
    const { client } = await newAdmin();
    for (let i = 0; i < 5; i++) await addUser(h, 'volunteer').then((u) => signIn(h, u.email));
    const all = (await page(client, 'limit=200')).items;
    const total = (await auditRows(h)).length;
    expect(all).toHaveLength(Math.min(total, 200));

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: { items: Entry[]; nextCursor: string | null } = await page(
        client,
        `limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(p.items.length).toBeLessThanOrEqual(7);
      if (p.nextCursor) expect(p.nextCursor).toBe(String(p.items.at(-1)?.seq));
      seen.push(...p.items.map((e) => e.seq));
      cursor = p.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(seen).toHaveLength(total);
    expect(seen.at(-1)).toBe(1);
  });

  it('refuses bad queries with 400 naming the parameter', async () => {
    const { client } = await newAdmin();
    for (const [query, field] of [
      ['limit=0', 'query.limit'],
      ['limit=201', 'query.limit'],
      ['limit=abc', 'query.limit'],
      ['cursor=abc', 'query.cursor'],
      ['cursor=-1', 'query.cursor'],
      ['actorId=not-a-uuid', 'query.actorId'],
      ['from=yesterday', 'query.from'],
      ['to=2026-13-01T00:00:00Z', 'query.to'],
      ['colour=blue', 'query.colour'],
      ['action=a&action=b', 'query.action'],
    ] as const) {
      const res = await client.request('GET', `/api/v1/audit?${query}`);
      expect(expectError(res, 400, 'request.invalid').details, query).toHaveProperty([field]);
    }
  });

  it('hides the hash chain from readers', async () => {
    const { client } = await newAdmin();
    const res = await client.request('GET', '/api/v1/audit?limit=5');
    for (const item of res.json().items) {
      expect(Object.keys(item).sort()).toEqual(
        [
          'action',
          'actorId',
          'actorLabel',
          'at',
          'details',
          'entityId',
          'entityType',
          'ip',
          'requestId',
          'seq',
          'userAgent',
        ].sort(),
      );
    }
  });
});

describe('audit entries are written with the change, in the same transaction', () => {
  const actions = async () => (await auditRows(h)).map((r) => `${r.action} ${r.entity_id ?? ''}`);

  it('each write use case leaves an entry naming its actor and request', async () => {
    const { user: admin, client } = await newAdmin();
    const target = await addUser(h, 'volunteer');
    const targetClient = await signIn(h, target.email);
    const since = (await auditRows(h)).length;

    const created = (
      await client.request('POST', '/api/v1/users', {
        email: `audit-${Date.now()}@example.org`,
        name: 'A',
        role: 'volunteer',
      })
    ).json().user;
    await client.request('PATCH', `/api/v1/users/${created.id}`, { role: 'paralegal' });
    await client.request('POST', `/api/v1/users/${created.id}/reset-password`);
    await client.request('PATCH', '/api/v1/org/settings', { sessionIdleMinutes: 61 });
    const { id: tokenId } = await createToken(client, ['read']);
    await client.request('DELETE', `/api/v1/tokens/${tokenId}`);
    await targetClient.request('POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a new and long passphrase',
    });
    await targetClient.request('POST', '/api/v1/auth/totp/setup');
    await targetClient.request('POST', '/api/v1/auth/logout');

    const rows = (await auditRows(h)).slice(since);
    expect(rows.map((r) => [r.action, r.entity_id])).toEqual([
      ['user.created', created.id],
      ['user.updated', created.id],
      ['user.password_reset', created.id],
      ['organisation.settings_updated', '1'],
      ['token.created', tokenId],
      ['token.revoked', tokenId],
      ['auth.password_changed', target.id],
      ['auth.totp_enrolment_started', target.id],
      ['auth.signed_out', target.id],
    ]);
    for (const r of rows.slice(0, 6)) expect(r).toMatchObject({ actor_id: admin.id, request_id: expect.any(String) });
    for (const r of rows.slice(6)) expect(r).toMatchObject({ actor_id: target.id, request_id: expect.any(String) });
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(rows.length);
  });

  it('a refused change leaves no entry: failed createUser (409), last-admin refusal (422), bad input (400)', async () => {
    const { client } = await newAdmin();
    const existing = await addUser(h, 'volunteer');
    const before = await actions();

    const dup = await client.request('POST', '/api/v1/users', { email: existing.email, name: 'Dup', role: 'attorney' });
    expectError(dup, 409, 'user.email_taken');
    expectError(
      await client.request('PATCH', '/api/v1/org/settings', { sessionIdleMinutes: 1 }),
      400,
      'request.invalid',
    );
    expectError(
      await client.request('PATCH', `/api/v1/users/${crypto.randomUUID()}`, { name: 'Nobody' }),
      404,
      'user.not_found',
    );
    const { client: attorney } = await signInAs(h, 'attorney');
    const sinceAttorney = await actions();
    expectError(
      await attorney.request('POST', '/api/v1/tokens', { name: 'x', scopes: ['admin'] }),
      422,
      'token.scope_exceeds_role',
    );
    expectError(await attorney.request('PATCH', '/api/v1/org/settings', { name: 'X' }), 403, 'access.denied');

    const after = await actions();
    expect(after.slice(sinceAttorney.length)).toEqual([]);
    const added = after.slice(before.length);
    expect(added.filter((a) => !a.startsWith('auth.signed_in'))).toEqual([]);
    expect(added.some((a) => a.startsWith('user.created'))).toBe(false);
  });

  it('no audit entry holds a password, a token or a link', async () => {
    const { client } = await newAdmin();
    const { token } = await createToken(client, ['read']);
    const created = (
      await client.request('POST', '/api/v1/users', {
        email: `secret-${Date.now()}@example.org`,
        name: 'S',
        role: 'volunteer',
      })
    ).json();
    const linkToken = String(created.signInLink.url).split('/link/')[1] ?? '';
    const everything = JSON.stringify(await auditRows(h));
    for (const secret of [PASSWORD, token, linkToken, client.csrf, client.cookie.split('=')[1] ?? '']) {
      expect(secret.length).toBeGreaterThan(10);
      expect(everything).not.toContain(secret);
    }
  });
});
