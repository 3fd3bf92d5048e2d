import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createHarness, type Harness, signInAs } from './support/harness.js';
import { CSV_TYPE, run, stage, XLSX_TYPE } from './support/spreadsheets.js';

let h: Harness;
let attorney: Client;
beforeAll(async () => {
  h = await createHarness();
  attorney = (await signInAs(h, 'attorney')).client;
});
afterAll(() => h.close());

/** A workbook as Excel saves one: typed cells (dates, numbers), rich text, a formula, a blank row. */
const workbook = async (): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Clients');
  sheet.addRow(['Client ID', 'Name', 'DOB', 'BOP Register Number', 'Status', 'Notes']);
  sheet.addRow(['X-1', 'Kevin Cooper', new Date(Date.UTC(1958, 0, 8)), '12345678', 'In custody', 'first']);
  // A register number typed as a number, a name in rich text, a note computed by a formula.
  const row = sheet.addRow(['X-2', '', new Date(Date.UTC(1971, 3, 23)), 98765432, 'released', '']);
  row.getCell(2).value = { richText: [{ text: 'Ana ' }, { font: { bold: true }, text: 'Núñez' }] };
  row.getCell(6).value = { formula: 'A3&"!"', result: 'X-2!' };
  sheet.addRow([]);
  sheet.addRow(['X-3', 'Bad Date Person', 'not a date', '', '', '']);
  sheet.getColumn(3).numFmt = 'yyyy-mm-dd';
  // A second sheet is ignored: the first worksheet is the table.
  book.addWorksheet('Notes').addRow(['ignored']);
  return Buffer.from(await book.xlsx.writeBuffer());
};

describe('importing an XLSX workbook', () => {
  it('reads the first sheet, dates as YYYY-MM-DD, whatever the upload says its type is', async () => {
    const bytes = await workbook();
    // Declared as CSV and named .csv: the bytes say XLSX, and that is what counts.
    const staged = await stage(attorney, 'people', bytes, { filename: 'clients.csv', contentType: CSV_TYPE });
    expect(staged.fileType).toBe('xlsx');
    expect(staged.header).toEqual(['Client ID', 'Name', 'DOB', 'BOP Register Number', 'Status', 'Notes']);
    expect(staged.rowCount).toBe(3);
    expect(staged.preview).toEqual([
      { line: 2, cells: ['X-1', 'Kevin Cooper', '1958-01-08', '12345678', 'In custody', 'first'] },
      { line: 3, cells: ['X-2', 'Ana Núñez', '1971-04-23', '98765432', 'released', 'X-2!'] },
      // Trailing empty cells are not in the sheet: a missing cell reads as blank.
      { line: 5, cells: ['X-3', 'Bad Date Person', 'not a date'] },
    ]);
    const report = await run(attorney, staged.id);
    expect(report).toMatchObject({ created: 2, failed: 1 });
    expect(report.errors).toEqual([
      { line: 5, field: 'date_of_birth', message: expect.stringMatching(/"not a date" is not a date/) },
    ]);
    const people = await h.database.db
      .selectFrom('people')
      .select(['external_id', 'legal_name', 'date_of_birth', 'status', 'notes'])
      .where('external_id', 'like', 'X-%')
      .orderBy('external_id')
      .execute();
    expect(people).toEqual([
      {
        external_id: 'X-1',
        legal_name: 'Kevin Cooper',
        date_of_birth: '1958-01-08',
        status: 'in_custody',
        notes: 'first',
      },
      { external_id: 'X-2', legal_name: 'Ana Núñez', date_of_birth: '1971-04-23', status: 'released', notes: 'X-2!' },
    ]);
    const bop = await h.database.db
      .selectFrom('person_identifiers')
      .select('value')
      .where('system', '=', 'bop')
      .orderBy('value')
      .execute();
    expect(bop.map((b) => b.value)).toEqual(['12345-678', '98765-432']);
  });

  it('imports the same workbook again as updates, never duplicates', async () => {
    const bytes = await workbook();
    const staged = await stage(attorney, 'people', bytes, { filename: 'clients.xlsx', contentType: XLSX_TYPE });
    expect(await run(attorney, staged.id)).toMatchObject({ created: 0, unchanged: 2, failed: 1 });
  });

  it('refuses a ZIP that is not a workbook', async () => {
    // The bytes of an empty ZIP archive: a ZIP signature and nothing a workbook has.
    const zip = Buffer.from('504b0304140000000800000021000000000000000000000000000000', 'hex');
    const res = await attorney.request('POST', '/api/v1/imports?kind=people&filename=a.xlsx', zip, {
      'content-type': XLSX_TYPE,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('import.unreadable_file');
  });
});
