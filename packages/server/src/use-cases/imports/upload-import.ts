import { guessMapping, type ImportKind, MAX_REPORTED_ERRORS, type RowError, uniqueHeaders } from '@redress/core';
import { insertImport, insertImportRows, updateImport } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { isBlankRecord, spreadsheetFromBytes } from '../../import/read-spreadsheet.js';
import { authorizeWorkspace, failWith } from '../policy.js';
import type { ImportState } from './import-state.js';

export type UploadImportInput = { kind: ImportKind; filename: string; body: unknown };

/** Rows and columns a staged file may have: a ZIP of 50 MB can hold far more than anyone imports. */
export const MAX_IMPORT_ROWS = 500_000;
export const MAX_IMPORT_COLUMNS = 500;
const PREVIEW_ROWS = 10;
const STAGE_CHUNK = 1000;

/**
 * Stages an uploaded spreadsheet: reads it (CSV or XLSX, told apart by its bytes), keeps its header
 * and its rows in `import_rows` for the mapping, the dry run and the run, and suggests a mapping of
 * its columns. Nothing of the case file is written yet.
 */
export const uploadImport = async (deps: AppDeps, ctx: RequestContext, input: UploadImportInput) => {
  const actor = authorizeWorkspace(ctx, 'data.import');
  if (!(input.body instanceof Uint8Array)) {
    return failWith(
      'invalid',
      'import.no_file',
      'Send the file as the request body, with Content-Type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  }
  const body = input.body;
  const sheet = spreadsheetFromBytes(body);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const id = deps.newId();
    const now = deps.clock.now();
    let header: string[] | null = null;
    const preview: { line: number; cells: string[] }[] = [];
    const parseErrors: RowError[] = [];
    let staged: { line: number; cells: string[] }[] = [];
    let rowCount = 0;
    for await (const record of sheet.records()) {
      if (isBlankRecord(record)) continue;
      if (header === null) {
        if (record.kind === 'malformed') {
          return failWith(
            'invalid',
            'import.bad_header',
            `The header row (line ${record.line}) is malformed: ${record.message}`,
          );
        }
        if (record.cells.length > MAX_IMPORT_COLUMNS) {
          return failWith(
            'too_large',
            'import.too_many_columns',
            `The file has more than ${MAX_IMPORT_COLUMNS} columns`,
          );
        }
        header = uniqueHeaders(record.cells);
        await insertImport(tx, {
          id,
          kind: input.kind,
          filename: input.filename,
          header,
          rowCount: 0,
          report: null,
          createdBy: actor.userId,
          now,
        });
        continue;
      }
      rowCount += 1;
      if (rowCount > MAX_IMPORT_ROWS) {
        return failWith(
          'too_large',
          'import.too_many_rows',
          `The file has more than ${MAX_IMPORT_ROWS} rows: split it`,
        );
      }
      if (record.kind === 'malformed') {
        if (parseErrors.length < MAX_REPORTED_ERRORS) {
          parseErrors.push({ line: record.line, field: null, message: record.message });
        }
        continue;
      }
      if (preview.length < PREVIEW_ROWS) preview.push(record);
      staged.push(record);
      if (staged.length >= STAGE_CHUNK) {
        await insertImportRows(tx, id, staged);
        staged = [];
      }
    }
    if (header === null) return failWith('invalid', 'import.empty_file', 'The file has no rows');
    await insertImportRows(tx, id, staged);
    const state: ImportState = { fileType: sheet.type, parseErrors, dryRun: null, run: null };
    await updateImport(tx, id, { rowCount, report: state }, now);
    await audit({
      action: 'import.uploaded',
      entityType: 'import',
      entityId: id,
      details: { kind: input.kind, filename: input.filename, fileType: sheet.type, rowCount, bytes: body.length },
    });
    return {
      id,
      kind: input.kind,
      filename: input.filename,
      fileType: sheet.type,
      header,
      preview,
      suggestedMapping: guessMapping(input.kind, header),
      rowCount,
      parseErrors: parseErrors.slice(0, 100),
    };
  });
};
