import { parseCsvText } from '@redress/core';
import { pageMattersForExport, pagePeopleForExport } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createHarness, type Harness, signInAs } from './support/harness.js';
import { csvText, importFile } from './support/spreadsheets.js';

let h: Harness;
let attorney: Client;
let paralegal: { client: Client; id: string };

beforeAll(async () => {
  h = await createHarness();
  attorney = (await signInAs(h, 'attorney')).client;
  const p = await signInAs(h, 'paralegal');
  paralegal = { client: p.client, id: p.user.id };
  await importFile(
    attorney,
    'people',
    csvText([
      ['external_id', 'legal_name'],
      ...Array.from({ length: 7 }, (_, i) => [`EP-${i + 1}`, `Person ${String.fromCharCode(65 + i)}`]),
    ]),
  );
  // The paralegal imports a person of their own, and a matter for them (joining its team).
  await importFile(
    paralegal.client,
    'people',
    csvText([
      ['external_id', 'legal_name'],
      ['EP-OWN', 'Own Person'],
    ]),
  );
  await importFile(
    paralegal.client,
    'matters',
    csvText([
      ['external_id', 'person_external_id', 'type', 'title', 'opened_on'],
      ['EM-OWN', 'EP-OWN', 'pardon', '=HYPERLINK("http://evil")', '2021-05-05'],
    ]),
  );
  await importFile(
    attorney,
    'matters',
    csvText([
      ['external_id', 'person_external_id', 'type', 'title', 'opened_on', 'outcome'],
      ['EM-1', 'EP-1', 'habeas', 'Habeas for A', '2020-01-01', 'pending'],
      ['EM-2', 'EP-2', 'state_commutation', 'Commutation for B', '2019-01-01', 'denied'],
    ]),
  );
  await importFile(
    attorney,
    'contacts',
    csvText([
      ['external_id', 'kind', 'name', 'organisation'],
      ['EC-1', 'journalist', '@reporter', 'The Paper'],
    ]),
  );
});
afterAll(() => h.close());

describe('exporting matters and contacts', () => {
  it('exports matters with the external id of their person, oldest first', async () => {
    const res = await attorney.request('GET', '/api/v1/export/matters.csv');
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = parseCsvText(res.body).map((r) => (r.kind === 'row' ? r.cells : []));
    expect(header).toEqual([
      'id',
      'external_id',
      'person_id',
      'person_external_id',
      'type',
      'title',
      'stage',
      'decision_maker',
      'opened_on',
      'closed_on',
      'outcome',
      'release_date',
      'created_at',
      'updated_at',
    ]);
    const at = (name: string) => header?.indexOf(name) ?? -1;
    expect(rows.map((r) => [r[at('external_id')], r[at('person_external_id')], r[at('title')]])).toEqual([
      ['EM-2', 'EP-2', 'Commutation for B'],
      ['EM-1', 'EP-1', 'Habeas for A'],
      ['EM-OWN', 'EP-OWN', `'=HYPERLINK("http://evil")`],
    ]);
    const json = (await attorney.request('GET', '/api/v1/export/matters.json')).json() as Record<string, unknown>[];
    expect(json.find((m) => m.external_id === 'EM-2')).toMatchObject({
      type: 'state_commutation',
      stage: 'Screening',
      outcome: 'denied',
      opened_on: '2019-01-01',
      closed_on: null,
    });
  });

  it('exports contacts', async () => {
    const res = await attorney.request('GET', '/api/v1/export/contacts.csv');
    expect(res.body).toContain("EC-1,journalist,'@reporter,The Paper");
    const json = (await attorney.request('GET', '/api/v1/export/contacts.json')).json();
    expect(json).toEqual([expect.objectContaining({ external_id: 'EC-1', name: '@reporter', kind: 'journalist' })]);
  });
});

describe('the export queries', () => {
  it('page through every row, and give a non-org-wide reader only what they may see', async () => {
    const pages: string[][] = [];
    for await (const page of pagePeopleForExport(h.database.db, null, 3))
      pages.push(page.map((p) => p.external_id ?? ''));
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    expect(pages.flat().sort()).toEqual(['EP-1', 'EP-2', 'EP-3', 'EP-4', 'EP-5', 'EP-6', 'EP-7', 'EP-OWN']);

    const viewer = { userId: paralegal.id, role: 'paralegal' as const };
    const seenPeople: string[] = [];
    for await (const page of pagePeopleForExport(h.database.db, viewer, 2))
      seenPeople.push(...page.map((p) => p.external_id ?? ''));
    expect(seenPeople).toEqual(['EP-OWN']);
    const seenMatters: string[] = [];
    for await (const page of pageMattersForExport(h.database.db, viewer, 1))
      seenMatters.push(...page.map((m) => m.external_id ?? ''));
    expect(seenMatters).toEqual(['EM-OWN']);
  });
});
