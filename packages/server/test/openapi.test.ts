import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../src/routes/index.js';
import { createHarness, type Harness } from './support/harness.js';

let h: Harness;
type Operation = {
  operationId: string;
  summary: string;
  security?: unknown[];
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { $ref?: string; description?: string }>;
};
type Document = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};
let doc: Document;

beforeAll(async () => {
  h = await createHarness();
  const res = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  doc = res.json();
});
afterAll(() => h.close());

const openapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
const routeOf = (path: string, method: string) =>
  apiRoutes.find((r) => openapiPath(r.url) === path && r.method === method);

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1.0 with a title and version, served without signing in', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('has exactly the registered routes', () => {
    const documented = operations()
      .map(({ path, method }) => `${method} ${path}`)
      .sort();
    const registered = apiRoutes.map((r) => `${r.method} ${openapiPath(r.url)}`).sort();
    expect(documented).toEqual(registered);
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('gives every operation a unique id, a summary and responses, and resolves every reference', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations()) {
      const where = `${method} ${path}`;
      expect(op.summary, where).toBeTruthy();
      expect(Object.keys(op.responses).length, where).toBeGreaterThan(0);
      const success = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      expect(success, where).toHaveLength(1);
      for (const [status, response] of Object.entries(op.responses)) {
        if (response.$ref) {
          const name = response.$ref.replace('#/components/responses/', '');
          expect(doc.components.responses[name], `${where} ${status}`).toBeDefined();
        } else {
          expect(response.description, `${where} ${status}`).toBeTruthy();
        }
      }
    }
  });

  it('documents 401 on every route that needs authentication, and no security on open ones', () => {
    for (const { path, method, op } of operations()) {
      const route = routeOf(path, method);
      if (route?.auth === 'none') expect(op.security, `${method} ${path}`).toEqual([]);
      else expect(op.responses['401'], `${method} ${path}`).toBeDefined();
    }
  });

  it('declares every path parameter as required', () => {
    for (const { path, method, op } of operations()) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = op.parameters.filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), `${method} ${path}`).toEqual(names.sort());
      for (const p of declared) expect(p.required).toBe(true);
    }
  });

  it('gives every request body a JSON schema that refuses unknown fields', () => {
    const withBody = operations().filter(({ op }) => op.requestBody);
    expect(withBody.length).toBe(apiRoutes.filter((r) => r.body).length);
    for (const { path, method, op } of withBody) {
      const schema = op.requestBody?.content['application/json']?.schema;
      expect(schema, `${method} ${path}`).toMatchObject({ type: 'object', additionalProperties: false });
      expect(Object.keys((schema?.properties as object | undefined) ?? {}).length).toBeGreaterThan(0);
    }
  });

  it('describes the query of the audit log with its parameters', () => {
    const audit = doc.paths['/api/v1/audit']?.get;
    const names = audit?.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['limit', 'cursor', 'action', 'actorId', 'entityType', 'from', 'to']));
  });

  it('describes the error shape once, for every error response', () => {
    for (const [name, response] of Object.entries(doc.components.responses)) {
      expect(name).toMatch(/^E\d{3}$/);
      expect(response).toMatchObject({
        content: {
          'application/json': {
            schema: { type: 'object', required: ['error'], properties: { error: { required: ['code', 'message'] } } },
          },
        },
      });
    }
  });

  it('does not describe any secret column in a response', () => {
    const text = JSON.stringify(doc);
    for (const column of ['password_hash', 'passwordHash', 'token_hash', 'tokenHash', 'totp_secret', 'prev_hash']) {
      expect(text).not.toContain(column);
    }
  });
});

describe('health', () => {
  it('/healthz is 200 {status:"ok"} without signing in', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is 200 {status:"ready"} on a migrated database', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('sends the security headers', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
