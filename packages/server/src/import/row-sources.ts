import type { CsvRecord, RowError } from '@redress/core';
import { type Executor, listImportRows } from '@redress/db';
import type { RowSource } from './import-runner.js';
import { isBlankRecord, type Spreadsheet } from './read-spreadsheet.js';

const PAGE = 2000;

/**
 * The rows of a staged import, read back page by page, with the rows the file itself garbled (kept
 * at upload as parse errors) put back in their place by line.
 */
export const stagedRows = (db: Executor, importId: string, parseErrors: readonly RowError[]): RowSource => ({
  async *rows(afterLine) {
    const garbled = parseErrors.filter((e) => e.line > afterLine).sort((a, b) => a.line - b.line);
    let next = 0;
    let after = afterLine;
    for (;;) {
      const page = await listImportRows(db, importId, after, PAGE);
      for (const row of page) {
        for (; next < garbled.length && (garbled[next]?.line ?? 0) < row.line; next++) {
          const e = garbled[next];
          if (e) yield { kind: 'malformed', line: e.line, message: e.message } satisfies CsvRecord;
        }
        yield { kind: 'row', line: row.line, cells: row.cells } satisfies CsvRecord;
      }
      const last = page[page.length - 1];
      if (page.length < PAGE || !last) break;
      after = last.line;
    }
    for (const e of garbled.slice(next))
      yield { kind: 'malformed', line: e.line, message: e.message } satisfies CsvRecord;
  },
});

/** The data rows of a spreadsheet read straight from its file (after the header; blank rows left out). */
export const spreadsheetRows = (sheet: Spreadsheet): RowSource => ({
  async *rows(afterLine) {
    let isHeader = true;
    for await (const record of sheet.records()) {
      if (isBlankRecord(record)) continue;
      if (isHeader) {
        isHeader = false;
        continue;
      }
      if (record.line > afterLine) yield record;
    }
  },
});

/** The header row: the first record that is not blank (null for a file with nothing in it). */
export const readHeader = async (sheet: Spreadsheet): Promise<CsvRecord | null> => {
  for await (const record of sheet.records()) if (!isBlankRecord(record)) return record;
  return null;
};
