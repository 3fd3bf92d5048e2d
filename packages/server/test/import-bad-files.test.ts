import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, type Client, createHarness, expectError, type Harness, signInAs } from './support/harness.js';
import { CSV_TYPE, csvText, upload, XLSX_TYPE } from './support/spreadsheets.js';

let h: Harness;
let paralegal: Client;
beforeAll(async () => {
  h = await createHarness();
  paralegal = (await signInAs(h, 'paralegal')).client;
});
afterAll(() => h.close());

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d4948445200000001000000010806000000', 'hex'),
]);

const importCount = async () =>
  Number(
    (
      await h.database.db
        .selectFrom('imports')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n,
  );

describe('files that are not spreadsheets', () => {
  it('refuses a PNG named .csv, judged by its bytes', async () => {
    const res = await upload(paralegal, 'people', PNG, { filename: 'clients.csv', contentType: CSV_TYPE });
    const error = expectError(res, 400, 'import.unsupported_file');
    expect(error.message).toMatch(/neither a CSV \(UTF-8 text\) nor an XLSX/);
    // Declared as XLSX changes nothing.
    expectError(await upload(paralegal, 'people', PNG, { contentType: XLSX_TYPE }), 400, 'import.unsupported_file');
  });

  it('refuses a CSV that is not UTF-8 (saved as UTF-16 or Windows-1252) and an old .xls', async () => {
    const utf16 = Buffer.from(
      `\ufeff${csvText([
        ['external_id', 'legal_name'],
        ['1', 'Ana'],
      ])}`,
      'utf16le',
    );
    expectError(await upload(paralegal, 'people', utf16), 400, 'import.unsupported_file');
    const latin1 = Buffer.from('external_id,legal_name\r\n1,Ana N\xfa\xf1ez\r\n', 'latin1');
    expectError(await upload(paralegal, 'people', latin1), 400, 'import.unsupported_file');
    const xls = Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex');
    const error = expectError(await upload(paralegal, 'people', xls), 400, 'import.unsupported_file');
    expect(error.message).toMatch(/\.xls/);
  });

  it('refuses an empty file, and a request that sends no file', async () => {
    expectError(await upload(paralegal, 'people', ''), 400, 'import.empty_file');
    expectError(await upload(paralegal, 'people', '\r\n\r\n'), 400, 'import.empty_file');
    const json = await paralegal.request('POST', '/api/v1/imports?kind=people&filename=x.csv', { rows: [] });
    expectError(json, 400, 'import.no_file');
  });

  it('refuses an unknown kind and a missing filename', async () => {
    const res = await paralegal.request('POST', '/api/v1/imports?kind=victims', 'a,b\r\n', {
      'content-type': CSV_TYPE,
    });
    expect(Object.keys(expectError(res, 400, 'request.invalid').details ?? {}).sort()).toEqual([
      'query.filename',
      'query.kind',
    ]);
  });
});

describe('size', () => {
  it('refuses an upload over 50 MB with 413 and stages nothing', async () => {
    const before = await importCount();
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 'a');
    const res = await upload(paralegal, 'people', big);
    expectError(res, 413, 'request.too_large');
    expect(await importCount()).toBe(before);
  });

  it('accepts a spreadsheet body only on the upload route', async () => {
    const res = await paralegal.request('POST', '/api/v1/users', 'a,b\r\n', { 'content-type': CSV_TYPE });
    expect(res.statusCode).toBe(415);
  });
});

describe('staging', () => {
  it('keeps the rows, skips blank lines, tells duplicate headers apart, and audits the upload', async () => {
    const before = (await auditRows(h)).length;
    const text = `\ufeffexternal_id,legal_name,notes,notes,\r\n\r\nS-1,Ana,a,b,\r\n,,,,\r\nS-2,Bo,,,\n`;
    const res = await upload(paralegal, 'people', text, { filename: 'with bom.csv' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      header: ['external_id', 'legal_name', 'notes', 'notes (2)', 'Column 5'],
      rowCount: 2,
      preview: [
        { line: 3, cells: ['S-1', 'Ana', 'a', 'b', ''] },
        { line: 5, cells: ['S-2', 'Bo', '', '', ''] },
      ],
      suggestedMapping: {
        external_id: 'external_id',
        legal_name: 'legal_name',
        notes: 'notes',
        'notes (2)': null,
        'Column 5': null,
      },
    });
    const staged = await h.database.db
      .selectFrom('import_rows')
      .select(['line', 'cells'])
      .where('import_id', '=', body.id)
      .orderBy('line')
      .execute();
    expect(staged.map((r) => r.line)).toEqual([3, 5]);
    const entries = (await auditRows(h)).slice(before);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'import.uploaded',
        entity_id: body.id,
        details: {
          kind: 'people',
          filename: 'with bom.csv',
          fileType: 'csv',
          rowCount: 2,
          bytes: Buffer.byteLength(text),
        },
      }),
    ]);
  });
});
