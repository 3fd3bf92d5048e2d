import { DomainFailure, type ResolvedMapping, resolveMapping } from '@redress/core';
import type { ImportRow } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { type RunImportOptions, runImport } from '../../import/import-runner.js';
import { stagedRows } from '../../import/row-sources.js';
import { importerOf, mayImportOver, teamRoleForImportedMatters } from './import-access.js';
import { mappingOf, stateOf, validationContextOf } from './import-state.js';

/** The saved (or suggested) mapping, checked against the file: 422 naming each problem otherwise. */
export const resolvedMappingOf = (row: ImportRow): ResolvedMapping => {
  const resolved = resolveMapping(row.kind, row.header, mappingOf(row));
  if (!resolved.ok) throw new DomainFailure(resolved.error);
  return resolved.value;
};

/** Runs (or dry-runs) the staged rows of an import through the import runner. */
export const runStagedRows = async (
  deps: AppDeps,
  ctx: RequestContext,
  row: ImportRow,
  options: Pick<RunImportOptions, 'isDryRun' | 'resume' | 'checkpoint' | 'batchSize' | 'onProgress'>,
) => {
  const importer = importerOf(ctx);
  return runImport(deps, ctx, {
    kind: row.kind,
    mapping: resolvedMappingOf(row),
    source: stagedRows(deps.database.db, row.id, stateOf(row).parseErrors),
    importer,
    mayUpdate: mayImportOver(row.kind, importer),
    teamRoleForNew: teamRoleForImportedMatters(importer),
    validation: await validationContextOf(deps.database.db, deps.clock.now()),
    importId: row.id,
    filename: row.filename,
    ...options,
  });
};
