import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectError, type Harness } from './support/harness.js';
import { type SignedIn, signedIn } from './support/search-fixtures.js';

let h: Harness;
let paralegal: SignedIn;

beforeAll(async () => {
  h = await createHarness();
  paralegal = await signedIn(h, 'paralegal');
});
afterAll(() => h.close());

const get = (query: string) => paralegal.client.request('GET', `/api/v1/search${query}`);

describe('search input', () => {
  it('refuses a query of one character, naming the field and the minimum', async () => {
    const error = expectError(await get('?q=a'), 400, 'request.invalid');
    expect(error.details).toEqual({ 'query.q': 'At least 2 characters' });
    expectError(await get('?q=%20a%20'), 400, 'request.invalid');
  });

  it('refuses a missing or empty query', async () => {
    expect(expectError(await get(''), 400, 'request.invalid').details).toHaveProperty(['query.q']);
    expect(expectError(await get('?q='), 400, 'request.invalid').details).toHaveProperty(['query.q']);
  });

  it('refuses a query longer than 200 characters', async () => {
    const error = expectError(await get(`?q=${'x'.repeat(201)}`), 400, 'request.invalid');
    expect(error.details).toEqual({ 'query.q': 'At most 200 characters' });
    expect((await get(`?q=${'x'.repeat(200)}`)).statusCode).toBe(200);
  });

  it('refuses control characters, unknown types, a bad limit and unknown parameters', async () => {
    expect(expectError(await get('?q=ab%00cd'), 400, 'request.invalid').details).toHaveProperty(['query.q']);
    expect(expectError(await get('?q=ab&types=people,planets'), 400, 'request.invalid').details).toHaveProperty([
      'query.types',
    ]);
    expect(expectError(await get('?q=ab&types='), 400, 'request.invalid').details).toHaveProperty(['query.types']);
    expect(expectError(await get('?q=ab&limit=0'), 400, 'request.invalid').details).toHaveProperty(['query.limit']);
    expect(expectError(await get('?q=ab&limit=26'), 400, 'request.invalid').details).toHaveProperty(['query.limit']);
    expect(expectError(await get('?q=ab&sort=name'), 400, 'request.invalid').details).toHaveProperty(['query.sort']);
  });

  it('takes hostile text as text: SQL, tsquery and LIKE syntax find nothing and break nothing', async () => {
    for (const q of ["'; DROP TABLE people; --", '!!&|:*()', '%_%', '"unclosed', 'a & b | !c <-> d', '\\\\']) {
      const res = await get(`?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
    }
  });

  it('needs a signed-in user', async () => {
    expectError(await h.app.inject({ method: 'GET', url: '/api/v1/search?q=ab' }), 401, 'auth.required');
  });
});
