import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { type CsvRecord, DomainFailure, domainError, parseCsv } from '@redress/core';
import ExcelJS from 'exceljs';
import { detectFileType, type SpreadsheetType } from './file-type.js';

/**
 * A spreadsheet read as records (the header row first), from an upload in memory or a file on disk.
 * `records()` may be called more than once: each call reads the file again from the start, so an
 * import can look at every row before it writes any (duplicate external ids) without holding the
 * file's rows in memory.
 */
export type Spreadsheet = { type: SpreadsheetType; records(): AsyncGenerator<CsvRecord> };

const unreadable = (message: string) => new DomainFailure(domainError('invalid', 'import.unreadable_file', message));

const NOT_UTF8 =
  'The file stops being UTF-8 text part-way through: in your spreadsheet program, save it as "CSV UTF-8"';

/** Bytes to text, checked as UTF-8 all the way (a bad byte stops the import with a reason). */
async function* utf8Text(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } catch (e) {
    if (e instanceof TypeError) throw unreadable(NOT_UTF8);
    throw e;
  }
}

const SLICE = 1024 * 1024;

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += SLICE) yield bytes.subarray(i, i + SLICE);
}

/** A cell as text: dates as YYYY-MM-DD, formulas as their result, rich text as its characters. */
export const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return v.richText.map((part) => cellText((part as { text?: unknown }).text)).join('');
    if ('result' in v) return cellText(v.result);
    if ('formula' in v || 'sharedFormula' in v) return '';
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
};

/** The first worksheet's rows, with their row numbers as lines. */
async function* xlsxRecords(openStream: () => Readable): AsyncGenerator<CsvRecord> {
  const stream = openStream();
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    // Styles tell a date from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let hasSheet = false;
  try {
    for await (const sheet of workbook) {
      hasSheet = true;
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield { kind: 'row', line: row.number, cells };
      }
      break;
    }
  } catch (e) {
    if (e instanceof DomainFailure) throw e;
    throw unreadable('The workbook cannot be read: it may be damaged, or not an Excel workbook (.xlsx)');
  } finally {
    stream.destroy();
  }
  if (!hasSheet) throw unreadable('The workbook has no worksheet');
}

const spreadsheetOf = (
  type: SpreadsheetType,
  bytes: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  stream: () => Readable,
): Spreadsheet => ({
  type,
  records: () => (type === 'xlsx' ? xlsxRecords(stream) : parseCsv(utf8Text(bytes()))),
});

/** An uploaded file, typed by its bytes. */
export const spreadsheetFromBytes = (bytes: Uint8Array): Spreadsheet => {
  if (bytes.length === 0) throw new DomainFailure(domainError('invalid', 'import.empty_file', 'The file is empty'));
  const type = detectFileType(bytes);
  if (!type.ok) throw new DomainFailure(domainError('invalid', 'import.unsupported_file', type.message));
  return spreadsheetOf(
    type.type,
    () => slices(bytes),
    () => Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
  );
};

const SNIFF_BYTES = 64 * 1024;

/** A file on disk (the command line), typed by its first bytes and then streamed. */
export const spreadsheetFromFile = async (path: string): Promise<Spreadsheet> => {
  let head: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw unreadable(code === 'ENOENT' ? `No such file: ${path}` : `Cannot read ${path} (${code ?? 'error'})`);
  }
  const type = detectFileType(head, head.length < SNIFF_BYTES);
  if (!type.ok) throw new DomainFailure(domainError('invalid', 'import.unsupported_file', type.message));
  return spreadsheetOf(
    type.type,
    () => createReadStream(path),
    () => createReadStream(path),
  );
};

/** A row with nothing in it (trailing empty rows of a sheet, `,,,` lines): skipped, never counted. */
export const isBlankRecord = (r: CsvRecord): boolean => r.kind === 'row' && r.cells.every((c) => c.trim() === '');
