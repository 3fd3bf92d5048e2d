/**
 * What a spreadsheet file is, judged by its bytes and never by its name or declared type: an XLSX
 * workbook is a ZIP archive (it starts with `PK\x03\x04`); a CSV is UTF-8 text without NUL bytes.
 * Anything else (a PNG named `.csv`, an old binary `.xls`, a CSV saved as UTF-16 or Windows-1252) is
 * refused with a reason the person can act on.
 */
export type SpreadsheetType = 'csv' | 'xlsx';

export type FileTypeCheck = { ok: true; type: SpreadsheetType } | { ok: false; message: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

export const NOT_A_SPREADSHEET =
  'This file is neither a CSV (UTF-8 text) nor an XLSX workbook: in your spreadsheet program, save it as "CSV UTF-8" or as an Excel workbook (.xlsx)';

/**
 * Checks the type. `isComplete` says whether `bytes` is the whole file (an upload) or only its start
 * (a file read from disk as a stream, whose text is checked again as it is read).
 */
export const detectFileType = (bytes: Uint8Array, isComplete = true): FileTypeCheck => {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty' };
  if (startsWith(bytes, ZIP)) return { ok: true, type: 'xlsx' };
  if (startsWith(bytes, OLE)) {
    return {
      ok: false,
      message: 'This is an old Excel (.xls) workbook: save it as an Excel workbook (.xlsx) or as "CSV UTF-8"',
    };
  }
  if (bytes.includes(0)) return { ok: false, message: NOT_A_SPREADSHEET };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !isComplete });
  } catch {
    return { ok: false, message: NOT_A_SPREADSHEET };
  }
  return { ok: true, type: 'csv' };
};
