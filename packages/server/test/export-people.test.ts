import { parseCsvText } from '@redress/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearerClient,
  type Client,
  createHarness,
  createToken,
  expectError,
  type Harness,
  signInAs,
} from './support/harness.js';
import { csvText, importFile } from './support/spreadsheets.js';

let h: Harness;
let attorney: Client;
const FORMULA = "=cmd|' /C calc'!A0";

beforeAll(async () => {
  h = await createHarness();
  attorney = (await signInAs(h, 'attorney')).client;
  const report = await importFile(
    attorney,
    'people',
    csvText([
      ['external_id', 'legal_name', 'aliases', 'date_of_birth', 'status', 'cdcr_number', 'notes'],
      ['E-1', FORMULA, '+SUM(A1:A9); @evil', '1958-01-08', 'in_custody', 'C98556', '-2+3'],
      ['E-2', 'Núñez, Ana', '', '', 'released', '', 'said "hello", then left\nsecond line'],
      ['E-3', 'Kevin Cooper', 'Kev', '1958-01-08', 'in_custody', '', ''],
    ]),
  );
  expect(report).toMatchObject({ created: 3, failed: 0 });
  // A victim of E-3's conviction: a restricted field, which no export may carry.
  const person = await h.database.db
    .selectFrom('people')
    .select('id')
    .where('external_id', '=', 'E-3')
    .executeTakeFirstOrThrow();
  const now = h.clock.now();
  await h.database.db
    .insertInto('convictions')
    .values({ id: crypto.randomUUID(), person_id: person.id, case_number: 'CR-1', created_at: now, updated_at: now })
    .execute();
  const conviction = await h.database.db
    .selectFrom('convictions')
    .select('id')
    .where('person_id', '=', person.id)
    .executeTakeFirstOrThrow();
  await h.database.db
    .insertInto('conviction_parties')
    .values({
      id: crypto.randomUUID(),
      conviction_id: conviction.id,
      role: 'victim',
      name: 'Restricted Victimname',
      name_search: 'restricted victimname',
    })
    .execute();
});
afterAll(() => h.close());

const rowsOf = (res: LightMyRequestResponse) => {
  const records = parseCsvText(res.body);
  return records.map((r) => (r.kind === 'row' ? r.cells : []));
};

describe('exporting people as CSV', () => {
  it('streams a header and the rows, with formula cells neutralised', async () => {
    const res = await attorney.request('GET', '/api/v1/export/people.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="people-2026-03-02.csv"');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // A byte order mark so Excel reads the accents as UTF-8.
    expect(res.body.startsWith('\ufeffid,external_id,legal_name,aliases,')).toBe(true);
    const [header, ...rows] = rowsOf(res);
    const col = (name: string) => header?.indexOf(name) ?? -1;
    const byId = new Map(rows.map((r) => [r[col('external_id')], r]));

    const e1 = byId.get('E-1') ?? [];
    expect(e1[col('legal_name')]).toBe(`'${FORMULA}`);
    expect(res.body).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(e1[col('aliases')]).toBe("'+SUM(A1:A9); @evil");
    expect(e1[col('notes')]).toBe("'-2+3");
    expect(e1[col('cdcr_number')]).toBe('C98556');
    expect(e1[col('date_of_birth')]).toBe('1958-01-08');

    const e2 = byId.get('E-2') ?? [];
    expect(e2[col('legal_name')]).toBe('Núñez, Ana');
    expect(e2[col('notes')]).toBe('said "hello", then left\nsecond line');
    expect(e2[col('status')]).toBe('released');

    // No cell anywhere begins with a formula character.
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('never carries restricted fields (victims and survivors)', async () => {
    for (const file of ['people.csv', 'people.json', 'matters.csv', 'matters.json', 'contacts.csv', 'contacts.json']) {
      const res = await attorney.request('GET', `/api/v1/export/${file}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('Victimname');
    }
  });

  it('imports back unchanged', async () => {
    const exported = (await attorney.request('GET', '/api/v1/export/people.csv')).body;
    const report = await importFile(attorney, 'people', exported);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 0 });
    const stored = await h.database.db
      .selectFrom('people')
      .select('legal_name')
      .where('external_id', '=', 'E-1')
      .executeTakeFirst();
    expect(stored?.legal_name).toBe(FORMULA);
  });
});

describe('exporting people as JSON', () => {
  it('streams an array of records with the same fields', async () => {
    const res = await attorney.request('GET', '/api/v1/export/people.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const people = res.json() as Record<string, unknown>[];
    // By name, in byte order on both engines ("=" before letters).
    expect(people.map((p) => p.external_id)).toEqual(['E-1', 'E-3', 'E-2']);
    expect(people.find((p) => p.external_id === 'E-1')).toMatchObject({
      legal_name: FORMULA,
      aliases: ['+SUM(A1:A9)', '@evil'],
      cdcr_number: 'C98556',
      bop_register_number: null,
      date_of_birth: '1958-01-08',
    });
    expect(Object.keys(people[0] ?? {})).toEqual([
      'id',
      'external_id',
      'legal_name',
      'aliases',
      'date_of_birth',
      'gender',
      'preferred_language',
      'status',
      'cdcr_number',
      'bop_register_number',
      'county_booking_number',
      'phone',
      'email',
      'mailing_address',
      'notes',
      'created_at',
      'updated_at',
    ]);
  });
});

describe('who may export', () => {
  it('only roles with export permission; everyone else is refused with 403', async () => {
    for (const role of ['volunteer', 'paralegal', 'advocate', 'investigator', 'law_apprentice'] as const) {
      const { client } = await signInAs(h, role);
      for (const file of ['people.csv', 'matters.json', 'contacts.csv']) {
        expectError(await client.request('GET', `/api/v1/export/${file}`), 403, 'access.denied');
      }
    }
    const admin = (await signInAs(h, 'administrator')).client;
    expect((await admin.request('GET', '/api/v1/export/people.csv')).statusCode).toBe(200);
    // An API token with the read scope may export (the role allows it); an unknown file is not found.
    const token = await createToken(attorney, ['read']);
    expect((await bearerClient(h, token.token).request('GET', '/api/v1/export/contacts.json')).statusCode).toBe(200);
    expectError(await attorney.request('GET', '/api/v1/export/people.xlsx'), 404, 'request.not_found');
    expectError(await attorney.request('GET', '/api/v1/export/users.csv'), 404, 'request.not_found');
  });

  it('audits every export with the list, the format and the row count', async () => {
    const before = (await auditRows(h)).length;
    await attorney.request('GET', '/api/v1/export/people.json');
    await attorney.request('GET', '/api/v1/export/matters.csv');
    const entries = (await auditRows(h)).slice(before);
    expect(entries.map((e) => [e.action, e.entity_type, e.details])).toEqual([
      ['data.exported', 'people', { list: 'people', format: 'json', rowCount: 3 }],
      ['data.exported', 'matters', { list: 'matters', format: 'csv', rowCount: 0 }],
    ]);
    // A refused export leaves no entry.
    const volunteer = (await signInAs(h, 'volunteer')).client;
    const exports = async () => (await auditRows(h)).filter((e) => e.action === 'data.exported').length;
    const count = await exports();
    expectError(await volunteer.request('GET', '/api/v1/export/people.csv'), 403, 'access.denied');
    expect(await exports()).toBe(count);
  });
});
