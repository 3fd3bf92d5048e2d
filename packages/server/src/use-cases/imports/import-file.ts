import { basename } from 'node:path';
import {
  type ColumnMapping,
  DomainFailure,
  guessMapping,
  type ImportKind,
  type ImportReport,
  resolveMapping,
  uniqueHeaders,
} from '@redress/core';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { type ImportProgress, runImport } from '../../import/import-runner.js';
import { spreadsheetFromFile } from '../../import/read-spreadsheet.js';
import { readHeader, spreadsheetRows } from '../../import/row-sources.js';
import { authorizeWorkspace, failWith } from '../policy.js';
import { importerOf, mayImportOver, teamRoleForImportedMatters } from './import-access.js';
import { validationContextOf } from './import-state.js';

export type ImportFileInput = {
  kind: ImportKind;
  path: string;
  /** Header -> field; without it, the automatic guess. */
  mapping?: Record<string, string | null>;
  isDryRun: boolean;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
};

export type ImportFileResult = {
  fileType: 'csv' | 'xlsx';
  header: string[];
  mapping: Record<string, string | null>;
  rowsTotal: number;
  report: ImportReport;
};

/**
 * Imports a CSV or XLSX file from disk (the `redress import` command): the same checks and writes
 * as an upload, streamed from the file without staging its rows.
 */
export const importSpreadsheetFile = async (
  deps: Pick<AppDeps, 'database' | 'clock' | 'newId' | 'logger'>,
  ctx: RequestContext,
  input: ImportFileInput,
): Promise<ImportFileResult> => {
  authorizeWorkspace(ctx, 'data.import');
  const sheet = await spreadsheetFromFile(input.path);
  const first = await readHeader(sheet);
  if (!first) return failWith('invalid', 'import.empty_file', 'The file has no rows');
  if (first.kind === 'malformed') {
    return failWith(
      'invalid',
      'import.bad_header',
      `The header row (line ${first.line}) is malformed: ${first.message}`,
    );
  }
  const header = uniqueHeaders(first.cells);
  const mapping: ColumnMapping | Record<string, string | null> = input.mapping ?? guessMapping(input.kind, header);
  const resolved = resolveMapping(input.kind, header, mapping);
  if (!resolved.ok) throw new DomainFailure(resolved.error);
  const importer = importerOf(ctx);
  const result = await runImport(deps, ctx, {
    kind: input.kind,
    mapping: resolved.value,
    source: spreadsheetRows(sheet),
    isDryRun: input.isDryRun,
    importer,
    mayUpdate: mayImportOver(input.kind, importer),
    teamRoleForNew: teamRoleForImportedMatters(importer),
    validation: await validationContextOf(deps.database.db, deps.clock.now()),
    importId: null,
    filename: basename(input.path),
    ...(input.batchSize !== undefined ? { batchSize: input.batchSize } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  return { fileType: sheet.type, header, mapping, rowsTotal: result.rowsTotal, report: result.report };
};
