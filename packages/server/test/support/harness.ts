import { randomBytes } from 'node:crypto';
import type { Role } from '@redress/core';
import { insertUser, openTestDatabase, type TemplateRef, type TestDatabase } from '@redress/db';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { expect, inject } from 'vitest';
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

let addressCount = 0;
/**
 * A client address not used before in this test file. The sign-in routes are limited per address, so
 * tests that sign many people in give each its own address (the rate-limit tests choose theirs).
 */
export const nextAddress = (): string => {
  addressCount += 1;
  return `10.${(addressCount >> 16) & 255}.${(addressCount >> 8) & 255}.${addressCount & 255}`;
};

// "    at handler (/src/x.ts:12:3)", "at Object.<anonymous> (file.js:1:1)"
const STACK_FRAME = /\bat\s.*\.[cm]?[jt]sx?:\d+/;

/**
 * What is wrong with a response, judged by the API contract: an error (status >= 400) is JSON of
 * exactly `{error:{code,message,details?}}` with string values, and no error body shows a stack
 * frame or an exception's name. Empty when the response is well formed.
 */
export const responseProblems = (res: LightMyRequestResponse): string[] => {
  const problems: string[] = [];
  if (STACK_FRAME.test(res.body)) problems.push('body contains a stack frame');
  if (res.statusCode < 400) return problems;
  if (res.body.includes('Error:')) problems.push('error body contains "Error:"');
  if (!String(res.headers['content-type'] ?? '').startsWith('application/json')) {
    problems.push(`error content-type is ${String(res.headers['content-type'])}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return [...problems, 'error body is not JSON'];
  }
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(body) || Object.keys(body).join() !== 'error' || !isRecord(body.error)) {
    return [...problems, 'error body is not {error:{...}}'];
  }
  const { code, message, details, ...rest } = body.error;
  if (typeof code !== 'string' || !/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/.test(code))
    problems.push(`bad error code ${String(code)}`);
  if (typeof message !== 'string' || message.length === 0) problems.push('error message missing');
  if (Object.keys(rest).length > 0) problems.push(`unexpected error fields ${Object.keys(rest).join()}`);
  if (details !== undefined && (!isRecord(details) || Object.values(details).some((v) => typeof v !== 'string'))) {
    problems.push('details is not a record of field -> message');
  }
  return problems;
};

/**
 * Makes every `app.inject()` of this app check its response with `responseProblems`, so a malformed
 * error anywhere in any test fails that test. Only the promise form of inject is used by the tests.
 */
export const checkEveryResponse = (app: FastifyInstance): FastifyInstance => {
  const original = app.inject.bind(app) as (opts: InjectOptions | string) => Promise<LightMyRequestResponse>;
  const checked = async (opts: InjectOptions | string) => {
    const res = await original(opts);
    const problems = responseProblems(res);
    if (problems.length > 0) {
      const what = typeof opts === 'string' ? opts : `${opts.method ?? 'GET'} ${String(opts.url)}`;
      throw new Error(`${what} -> ${res.statusCode}: ${problems.join('; ')}\n${res.body.slice(0, 2000)}`);
    }
    return res;
  };
  app.inject = checked as unknown as FastifyInstance['inject'];
  return app;
};

/** Asserts an error response: its status and its stable code. Returns the error for further checks. */
export const expectError = (res: LightMyRequestResponse, status: number, code: string) => {
  let body: { error?: { code: string; message: string; details?: Record<string, string> } } = {};
  try {
    body = res.json();
  } catch {
    // Not JSON (a 204, say): the comparison below shows the status.
  }
  expect({ status: res.statusCode, code: body.error?.code }, res.body).toEqual({ status, code });
  return body.error as { code: string; message: string; details?: Record<string, string> };
};

export type Harness = {
  app: FastifyInstance;
  deps: AppDeps;
  clock: ManualClock;
  database: TestDatabase;
  close(): Promise<void>;
};

/** A migrated database of the run's engine, the app on it, a workspace, and a controllable clock. */
export const createHarness = async (
  options: { rateLimitPerMinute?: number; isHttps?: boolean } = {},
): Promise<Harness> => {
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
    isHttps: options.isHttps ?? false,
  };
  await bootstrapWorkspace(deps, {
    organisationName: 'Test Org',
    adminEmail: 'root@example.org',
    adminName: 'Root Admin',
  });
  const app = checkEveryResponse(await buildApp(deps, { rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000 }));
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

/** Each client has its own address, as each browser would (see `nextAddress`). */
export const clientFor = (h: Harness, cookie: string, csrf: string, remoteAddress = nextAddress()): Client => ({
  cookie,
  csrf,
  request: (method, url, payload, headers = {}) =>
    h.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
      remoteAddress,
      ...(payload === undefined ? {} : { payload: payload as object }),
    }),
});

/** One POST /api/v1/auth/login, from a fresh address unless one is given. */
export const login = (h: Harness, email: string, password = PASSWORD, remoteAddress = nextAddress()) =>
  h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });

export const signIn = async (h: Harness, email: string, password = PASSWORD, totpSecret?: string): Promise<Client> => {
  const remoteAddress = nextAddress();
  const res = await login(h, email, password, remoteAddress);
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = cookieFrom(res);
  const body = res.json();
  if (!body.needsSecondFactor) return clientFor(h, cookie, body.csrfToken, remoteAddress);
  if (!totpSecret) throw new Error('second factor needed');
  const second = await h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login/second-factor',
    headers: { cookie, 'x-csrf-token': body.csrfToken },
    payload: { code: totpAt(totpSecret, h.clock.now()) },
    remoteAddress,
  });
  if (second.statusCode !== 200) throw new Error(`second factor failed: ${second.statusCode} ${second.body}`);
  return clientFor(h, cookie, body.csrfToken, remoteAddress);
};

export const signInAs = async (h: Harness, role: Role) => {
  const user = await addUser(h, role);
  return { user, client: await signIn(h, user.email) };
};

/** Signs in up to the password only: the session then waits for the second factor. */
export const signInPending = async (h: Harness, email: string, password = PASSWORD): Promise<Client> => {
  const remoteAddress = nextAddress();
  const res = await login(h, email, password, remoteAddress);
  if (res.statusCode !== 200 || !res.json().needsSecondFactor) {
    throw new Error(`expected a pending sign-in: ${res.statusCode} ${res.body}`);
  }
  return clientFor(h, cookieFrom(res), res.json().csrfToken, remoteAddress);
};

const TOTP_STEP_MS = 30_000;

/**
 * Turns two-factor on for a signed-in client through the API, then moves the clock to the next time
 * step so the code used to enable it is not a replay of the next sign-in.
 */
export const enrolTotp = async (h: Harness, client: Client) => {
  const setup = await client.request('POST', '/api/v1/auth/totp/setup');
  if (setup.statusCode !== 200) throw new Error(`totp setup failed: ${setup.statusCode} ${setup.body}`);
  const secret: string = setup.json().secret;
  const enable = await client.request('POST', '/api/v1/auth/totp/enable', { code: totpAt(secret, h.clock.now()) });
  if (enable.statusCode !== 200) throw new Error(`totp enable failed: ${enable.statusCode} ${enable.body}`);
  h.clock.advance(TOTP_STEP_MS);
  return { secret, recoveryCodes: enable.json().recoveryCodes as string[] };
};

/** A six-digit code that is not valid for `secret` at `at` (nor one step either side). */
export const wrongTotp = (secret: string, at: Date): string => {
  const valid = new Set([-1, 0, 1].map((d) => totpAt(secret, new Date(at.getTime() + d * TOTP_STEP_MS))));
  for (let n = 0; ; n++) {
    const code = String(n * 111_111).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
};

/** Creates an API token through a signed-in client and returns its text. */
export const createToken = async (
  client: Client,
  scopes: ('read' | 'write' | 'admin')[],
  extra: { name?: string; expiresInDays?: number } = {},
) => {
  const res = await client.request('POST', '/api/v1/tokens', { name: extra.name ?? 'integration', scopes, ...extra });
  if (res.statusCode !== 201) throw new Error(`token creation failed: ${res.statusCode} ${res.body}`);
  return { token: res.json().token as string, id: res.json().info.id as string };
};

/** An integration calling with `Authorization: Bearer <token>` and no cookie. */
export const bearerClient = (h: Harness, token: string) => ({
  request: (method: string, url: string, payload?: unknown) =>
    h.app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    }),
});

/** The audit log straight from the database, oldest first. */
export const auditRows = (h: Harness) => h.database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
