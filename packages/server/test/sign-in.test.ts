import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createHarness, type Harness, PASSWORD, signIn } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('sign-in', () => {
  it('signs in with the right password and returns a session with a CSRF token', async () => {
    const user = await addUser(h, 'attorney');
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isComplete: true, needsSecondFactor: false, user: { email: user.email } });
    const cookie = res.cookies.find((c) => c.name === 'redress_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('refuses a wrong password with 401 and the error shape', async () => {
    const user = await addUser(h, 'attorney');
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'nope nope nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'auth.invalid_credentials', message: expect.any(String) } });
  });

  it('lets a signed-in user read their session and writes an audit entry', async () => {
    const user = await addUser(h, 'paralegal');
    const client = await signIn(h, user.email);
    const res = await client.request('GET', '/api/v1/auth/session');
    expect(res.statusCode).toBe(200);
    const admin = await signIn(h, (await addUser(h, 'administrator')).email);
    const audit = await admin.request('GET', `/api/v1/audit?entityId=${user.id}`);
    expect(audit.statusCode).toBe(200);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('auth.signed_in');
  });
});
