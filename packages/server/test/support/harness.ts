import { randomBytes } from 'node:crypto';
import type { Role } from '@redress/core';
import { insertUser, openTestDatabase, type TemplateRef, type TestDatabase } from '@redress/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { totpAt } from '../../src/auth/totp.js';
import type { AppDeps, Clock } from '../../src/deps.js';
import { createSealer } from '../../src/secrets/crypto.js';
import { bootstrapWorkspace } from '../../src/use-cases/bootstrap-workspace.js';

export class ManualClock implements Clock {
  constructor(private t = new Date('2026-03-02T09:00:00.000Z')) {}
  now() {
    return new Date(this.t);
  }
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export const PASSWORD = 'correct horse battery staple';

export type Harness = {
  app: FastifyInstance;
  deps: AppDeps;
  clock: ManualClock;
  database: TestDatabase;
  close(): Promise<void>;
};

/** A migrated database of the run's engine, the app on it, a workspace, and a controllable clock. */
export const createHarness = async (options: { rateLimitPerMinute?: number } = {}): Promise<Harness> => {
  // Provided by packages/db/test/global-setup.ts (its type augmentation lives in that project).
  const database = await openTestDatabase(inject('dbTemplate' as never) as TemplateRef);
  const clock = new ManualClock();
  const deps: AppDeps = {
    database,
    clock,
    newId: () => crypto.randomUUID(),
    sealer: createSealer(randomBytes(32)),
    logger: pino({ level: 'silent' }),
    publicUrl: 'http://redress.test',
    isHttps: false,
  };
  await bootstrapWorkspace(deps, {
    organisationName: 'Test Org',
    adminEmail: 'root@example.org',
    adminName: 'Root Admin',
  });
  const app = await buildApp(deps, { rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000 });
  return {
    app,
    deps,
    clock,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
};

export const addUser = async (
  h: Harness,
  role: Role,
  email = `${role}.${randomBytes(3).toString('hex')}@example.org`,
) =>
  insertUser(h.database.db, {
    id: crypto.randomUUID(),
    email,
    name: `Test ${role}`,
    role,
    passwordHash: await hashPassword(PASSWORD),
    now: h.clock.now(),
  });

/** A signed-in browser-like client: keeps the cookie and sends the CSRF token on writes. */
export type Client = {
  cookie: string;
  csrf: string;
  request(
    method: string,
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
};

export const cookieFrom = (res: LightMyRequestResponse): string => {
  const c = res.cookies.find((x) => x.name === 'redress_session');
  if (!c) throw new Error(`no session cookie in response ${res.statusCode} ${res.body}`);
  return `redress_session=${c.value}`;
};

export const clientFor = (h: Harness, cookie: string, csrf: string): Client => ({
  cookie,
  csrf,
  request: (method, url, payload, headers = {}) =>
    h.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    }),
});

export const signIn = async (h: Harness, email: string, password = PASSWORD, totpSecret?: string): Promise<Client> => {
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = cookieFrom(res);
  const body = res.json();
  if (!body.needsSecondFactor) return clientFor(h, cookie, body.csrfToken);
  if (!totpSecret) throw new Error('second factor needed');
  const second = await h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login/second-factor',
    headers: { cookie, 'x-csrf-token': body.csrfToken },
    payload: { code: totpAt(totpSecret, h.clock.now()) },
  });
  if (second.statusCode !== 200) throw new Error(`second factor failed: ${second.statusCode} ${second.body}`);
  return clientFor(h, cookie, body.csrfToken);
};

export const signInAs = async (h: Harness, role: Role) => {
  const user = await addUser(h, role);
  return { user, client: await signIn(h, user.email) };
};
