import type { ImportView } from '@redress/core';
import { claimImportRun, updateImport } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import type { ImportProgress } from '../../import/import-runner.js';
import { failWith } from '../policy.js';
import { loadImport } from './import-access.js';
import { presentImport, stateOf } from './import-state.js';
import { resolvedMappingOf, runStagedRows } from './staged-import.js';

/** A run that has not saved progress for this long is taken to have died, and may be taken over. */
export const STALE_RUN_MS = 2 * 60_000;

export type RunImportInput = { batchSize?: number; onProgress?: (progress: ImportProgress) => void };

/**
 * Imports the staged rows. Progress (rows done, the report so far and the last line written) is
 * saved in the transaction of each batch, so a run that stops part-way (a crash, a lost connection)
 * continues from there when run again; an import that finished starts over, and finds its records
 * unchanged or updated, never duplicated, because rows are written by external id.
 */
export const runStagedImport = async (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: RunImportInput = {},
): Promise<ImportView> => {
  const before = await loadImport(deps.database.db, ctx, id);
  resolvedMappingOf(before);
  const now = deps.clock.now();
  const claimed = await claimImportRun(deps.database.db, id, now, new Date(now.getTime() - STALE_RUN_MS));
  if (!claimed) return failWith('conflict', 'import.running', 'The import is already running');

  const state = stateOf(claimed);
  const isResuming = (before.status === 'importing' || before.status === 'failed') && state.run !== null;
  const resume =
    isResuming && state.run
      ? {
          lastLine: state.run.lastLine,
          rowsDone: claimed.rows_done,
          report: {
            created: state.run.created,
            updated: state.run.updated,
            unchanged: state.run.unchanged,
            failed: state.run.failed,
            errorCount: state.run.errorCount,
            errors: state.run.errors,
          },
        }
      : null;
  if (!resume) {
    await updateImport(deps.database.db, id, { rowsDone: 0, report: { ...state, run: null } }, now);
  }
  try {
    const result = await runStagedRows(deps, ctx, claimed, {
      isDryRun: false,
      resume,
      ...(input.batchSize !== undefined ? { batchSize: input.batchSize } : {}),
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      checkpoint: async (tx, progress) => {
        await updateImport(
          tx,
          id,
          {
            rowsDone: progress.rowsDone,
            report: { ...state, run: { ...progress.report, lastLine: progress.lastLine } },
          },
          deps.clock.now(),
        );
      },
    });
    const done = await updateImport(
      deps.database.db,
      id,
      {
        status: 'done',
        rowsDone: result.rowsDone,
        report: { ...state, run: { ...result.report, lastLine: result.lastLine } },
      },
      deps.clock.now(),
    );
    if (!done) return failWith('not_found', 'import.not_found', 'No such import');
    return presentImport(done);
  } catch (e) {
    // What was written stays written (each batch committed with its progress): running again continues.
    await updateImport(deps.database.db, id, { status: 'failed' }, deps.clock.now()).catch(() => undefined);
    throw e;
  }
};
