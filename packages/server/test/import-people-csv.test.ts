import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, type Client, createHarness, expectError, type Harness, signInAs } from './support/harness.js';
import { csvText, type Report, run, stage } from './support/spreadsheets.js';

let h: Harness;
let paralegal: Client;
beforeAll(async () => {
  h = await createHarness();
  paralegal = (await signInAs(h, 'paralegal')).client;
});
afterAll(() => h.close());

const HEADER = ['Client ID', 'Name', 'DOB', 'Status', 'CDCR #', 'AKA', 'Email', 'Notes'];

const peopleNamed = (prefix: string) =>
  h.database.db
    .selectFrom('people')
    .selectAll()
    .where('external_id', 'like', `${prefix}%`)
    .orderBy('external_id')
    .execute();

describe('importing people from a CSV', () => {
  it('imports the good rows and reports each bad row with its line and reason', async () => {
    // Line numbers as an editor shows them: the quoted note on line 3 spans two lines.
    const text = csvText([
      HEADER,
      [
        'A-1',
        'Kevin Cooper',
        '1958-01-08',
        'In custody',
        'c-98556',
        'K. Cooper; Kev',
        'kc@example.org',
        'line one\nline two',
      ],
      ['A-2', 'Ana Núñez', '2023-02-30', 'in_custody', '', '', '', ''],
      ['A-3', 'Rodney Reed', '1967-10-10', 'jailed', '', '', '', ''],
      ['A-4', 'Mary Roe', '3/14/1971', 'released', 'ABC12', '', '', ''],
      ['A-5', '', '1980-01-01', '', '', '', '', ''],
      ['A-6', 'Born Tomorrow', '2099-01-01', '', '', '', '', ''],
      ['A-7', 'Leonard Peltier', '9/12/1944', 'on parole', '', '', 'not an email', ''],
      ['A-8', 'Chance Brown', '1971-04-23', 'released', 'AB1234', '', '', ''],
    ]);
    // A last row whose quote is never closed: reported on its own line, the rest is not lost.
    const staged = await stage(paralegal, 'people', `${text}A-9,"Unclosed,1990-01-01\r\n`);
    expect(staged.fileType).toBe('csv');
    expect(staged.rowCount).toBe(9);
    expect(staged.suggestedMapping).toEqual({
      'Client ID': 'external_id',
      Name: 'legal_name',
      DOB: 'date_of_birth',
      Status: 'status',
      'CDCR #': 'cdcr_number',
      AKA: 'aliases',
      Email: 'email',
      Notes: 'notes',
    });
    expect(staged.preview[0]).toMatchObject({ line: 2, cells: expect.arrayContaining(['Kevin Cooper']) });
    expect(staged.preview[1]?.line).toBe(4);
    expect(staged.parseErrors).toEqual([{ line: 11, field: null, message: expect.stringMatching(/never closed/) }]);

    // The dry run says what would happen and writes nothing.
    const dry = await paralegal.request('POST', `/api/v1/imports/${staged.id}/dry-run`);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 7 });
    expect(await peopleNamed('A-')).toHaveLength(0);

    const report = await run(paralegal, staged.id);
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 7, errorCount: 7 });
    expect(report.errors).toEqual([
      { line: 4, field: 'date_of_birth', message: '"2023-02-30" is not a real date' },
      { line: 5, field: 'status', message: expect.stringMatching(/^Unknown value "jailed": use one of in_custody/) },
      { line: 6, field: 'cdcr_number', message: expect.stringMatching(/CDCR number is one or two letters/) },
      { line: 7, field: 'legal_name', message: 'Required' },
      { line: 8, field: 'date_of_birth', message: 'A date of birth cannot be in the future' },
      { line: 9, field: 'email', message: 'Enter a valid email address' },
      { line: 11, field: null, message: expect.stringMatching(/never closed/) },
    ]);
    expect(dry.json().errors).toEqual(report.errors);

    const people = await peopleNamed('A-');
    expect(people.map((p) => p.external_id)).toEqual(['A-1', 'A-8']);
    const kevin = people.find((p) => p.external_id === 'A-1');
    expect(kevin).toMatchObject({
      legal_name: 'Kevin Cooper',
      date_of_birth: '1958-01-08',
      status: 'in_custody',
      email: 'kc@example.org',
      notes: 'line one\nline two',
    });
    const identifiers = await h.database.db
      .selectFrom('person_identifiers')
      .select(['system', 'value'])
      .where('person_id', '=', kevin?.id ?? '')
      .execute();
    expect(identifiers).toEqual([{ system: 'cdcr', value: 'C98556' }]);
    const aliases = await h.database.db
      .selectFrom('person_aliases')
      .select('name')
      .where('person_id', '=', kevin?.id ?? '')
      .orderBy('name')
      .execute();
    expect(aliases.map((a) => a.name)).toEqual(['K. Cooper', 'Kev']);
  });
});

describe('errors and counts', () => {
  it('reports the unterminated quote with the line it opened on', async () => {
    const text = `${csvText([
      ['external_id', 'legal_name'],
      ['U-1', 'Good Row'],
    ])}U-2,"Never closed\r\nU-3,Swallowed\r\n`;
    const staged = await stage(paralegal, 'people', text);
    const report = await run(paralegal, staged.id);
    expect(report).toMatchObject({ created: 1, failed: 1 });
    expect(report.errors).toEqual([{ line: 3, field: null, message: expect.stringMatching(/never closed/) }]);
  });

  it('refuses a row with more cells than the header has columns', async () => {
    const text = 'external_id,legal_name\r\nX-1,Smith, John\r\nX-2,"Smith, Jane"\r\n';
    const report = await run(paralegal, (await stage(paralegal, 'people', text)).id);
    expect(report).toMatchObject({ created: 1, failed: 1 });
    expect(report.errors[0]).toMatchObject({ line: 2, field: null, message: expect.stringMatching(/3 cells/) });
  });
});

describe('duplicate external ids in one file', () => {
  it('refuses every row that shares an external id, naming all their lines, and imports the rest', async () => {
    const text = csvText([
      ['external_id', 'legal_name'],
      ['D-1', 'First Copy'],
      ['D-2', 'Unique Person'],
      ['D-1', 'Second Copy'],
      ['D-3', 'Another Person'],
      ['D-1', 'Third Copy'],
    ]);
    const report = await run(paralegal, (await stage(paralegal, 'people', text)).id);
    expect(report).toMatchObject({ created: 2, failed: 3 });
    expect(report.errors.map((e) => e.line)).toEqual([2, 4, 6]);
    for (const e of report.errors) {
      expect(e).toMatchObject({ field: 'external_id', message: expect.stringMatching(/lines 2, 4 and 6/) });
    }
    expect((await peopleNamed('D-')).map((p) => p.legal_name)).toEqual(['Unique Person', 'Another Person']);
  });

  it('refuses the second row that gives an identifier already given on an earlier row', async () => {
    const text = csvText([
      ['external_id', 'legal_name', 'cdcr_number'],
      ['I-1', 'Holder', 'K12345'],
      ['I-2', 'Claimant', 'k-12345'],
    ]);
    const report = await run(paralegal, (await stage(paralegal, 'people', text)).id);
    expect(report).toMatchObject({ created: 1, failed: 1 });
    expect(report.errors[0]).toMatchObject({ line: 3, field: 'cdcr_number' });
  });
});

describe('importing the same file again', () => {
  it('updates by external id instead of duplicating, and never erases with a blank cell', async () => {
    const first = csvText([
      ['external_id', 'legal_name', 'date_of_birth', 'status', 'bop_register_number', 'aliases', 'phone'],
      ['R-1', 'Alice Marie Johnson', '1955-05-30', 'in_custody', '12345678', 'Alice Johnson', '555 0100'],
      ['R-2', 'Larry Lawton', '1963-02-01', 'in_custody', '', '', ''],
    ]);
    const report1 = await run(paralegal, (await stage(paralegal, 'people', first)).id);
    expect(report1).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 0 });

    // The same file again: nothing to change.
    const report2 = await run(paralegal, (await stage(paralegal, 'people', first)).id);
    expect(report2).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 });

    // A corrected file: a new status, a new alias, a new register number, a blank phone.
    const second = csvText([
      ['external_id', 'legal_name', 'date_of_birth', 'status', 'bop_register_number', 'aliases', 'phone'],
      ['R-1', 'Alice Marie Johnson', '1955-05-30', 'released', '99999-001', 'Alice Johnson; A. M. Johnson', ''],
      ['R-2', 'Larry Lawton', '1963-02-01', 'in_custody', '', '', ''],
      ['R-3', 'New Person', '', '', '', '', ''],
    ]);
    const report3 = await run(paralegal, (await stage(paralegal, 'people', second)).id);
    expect(report3).toMatchObject({ created: 1, updated: 1, unchanged: 1, failed: 0 });

    const people = await peopleNamed('R-');
    expect(people).toHaveLength(3);
    const alice = people[0];
    expect(alice).toMatchObject({ external_id: 'R-1', status: 'released', phone: '555 0100' });
    const aliases = await h.database.db
      .selectFrom('person_aliases')
      .select('name')
      .where('person_id', '=', alice?.id ?? '')
      .orderBy('name')
      .execute();
    expect(aliases.map((a) => a.name)).toEqual(['A. M. Johnson', 'Alice Johnson']);
    const identifiers = await h.database.db
      .selectFrom('person_identifiers')
      .select(['system', 'value'])
      .where('person_id', '=', alice?.id ?? '')
      .execute();
    expect(identifiers).toEqual([{ system: 'bop', value: '99999-001' }]);
  });

  it('writes one audit entry per batch, with the counts and the line range', async () => {
    const before = (await auditRows(h)).length;
    const text = csvText([
      ['external_id', 'legal_name'],
      ['B-1', 'Batch One'],
      ['B-2', ''],
    ]);
    const staged = await stage(paralegal, 'people', text);
    await run(paralegal, staged.id);
    const entries = (await auditRows(h)).slice(before);
    expect(entries.map((e) => e.action)).toEqual(['import.uploaded', 'import.batch']);
    expect(entries[1]).toMatchObject({
      entity_type: 'import',
      entity_id: staged.id,
      details: {
        kind: 'people',
        firstLine: 2,
        lastLine: 3,
        rows: 2,
        created: 1,
        updated: 0,
        unchanged: 0,
        failed: 1,
        createdIds: [expect.any(String)],
        updatedIds: [],
      },
    });
  });
});

describe('the mapping', () => {
  it('accepts a saved mapping and refuses one that misses a required field or names an unknown one', async () => {
    const text = csvText([
      ['Ref', 'Full legal name', 'Ignored'],
      ['M-1', 'Mapped Person', 'x'],
    ]);
    const staged = await stage(paralegal, 'people', text);
    expect(staged.suggestedMapping).toEqual({ Ref: 'external_id', 'Full legal name': null, Ignored: null });
    // The guess misses the name: running now names the problem.
    const notYet = expectError(
      await paralegal.request('POST', `/api/v1/imports/${staged.id}/run`),
      422,
      'import.mapping_invalid',
    );
    expect(notYet.details).toEqual({ 'field.legal_name': 'Map a column to this required field' });

    const bad = await paralegal.request('PUT', `/api/v1/imports/${staged.id}/mapping`, {
      mapping: { Ref: 'external_id', 'Full legal name': 'legal_name', Ignored: 'shoe_size', Missing: 'notes' },
    });
    expect(expectError(bad, 422, 'import.mapping_invalid').details).toEqual({
      'mapping.Ignored': 'Unknown field "shoe_size" for people',
      'mapping.Missing': 'No such column in the file',
    });
    const twice = await paralegal.request('PUT', `/api/v1/imports/${staged.id}/mapping`, {
      mapping: { Ref: 'external_id', 'Full legal name': 'legal_name', Ignored: 'legal_name' },
    });
    expect(expectError(twice, 422, 'import.mapping_invalid').details).toHaveProperty('mapping.Ignored');

    const good = await paralegal.request('PUT', `/api/v1/imports/${staged.id}/mapping`, {
      mapping: { Ref: 'external_id', 'Full legal name': 'legal_name', Ignored: null },
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ status: 'mapped', mapping: { 'Full legal name': 'legal_name' } });
    const report: Report = await run(paralegal, staged.id);
    expect(report).toMatchObject({ created: 1, failed: 0 });
    const view = await paralegal.request('GET', `/api/v1/imports/${staged.id}`);
    expect(view.json()).toMatchObject({
      status: 'done',
      progress: { rowsDone: 1, rowsTotal: 1 },
      report: { created: 1 },
    });
  });
});

describe('who may import', () => {
  it('refuses roles without data.import, and hides one person’s import from another', async () => {
    const text = csvText([
      ['external_id', 'legal_name'],
      ['W-1', 'Who'],
    ]);
    for (const role of ['volunteer', 'advocate', 'investigator', 'law_apprentice'] as const) {
      const { client } = await signInAs(h, role);
      const res = await client.request('POST', '/api/v1/imports?kind=people&filename=x.csv', text, {
        'content-type': 'text/csv',
      });
      expectError(res, 403, 'access.denied');
    }
    const staged = await stage(paralegal, 'people', text);
    const otherParalegal = (await signInAs(h, 'paralegal')).client;
    expectError(await otherParalegal.request('GET', `/api/v1/imports/${staged.id}`), 404, 'import.not_found');
    expectError(await otherParalegal.request('POST', `/api/v1/imports/${staged.id}/run`), 404, 'import.not_found');
    const admin = (await signInAs(h, 'administrator')).client;
    expect((await admin.request('GET', `/api/v1/imports/${staged.id}`)).statusCode).toBe(200);
    expectError(await paralegal.request('GET', '/api/v1/imports/not-a-uuid'), 404, 'request.not_found');
  });
});
