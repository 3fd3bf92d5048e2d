import { type ImportReport, withFirstErrors } from '@redress/core';
import { updateImport } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadImport } from './import-access.js';
import { ERRORS_IN_RESPONSE, stateOf } from './import-state.js';
import { runStagedRows } from './staged-import.js';

/**
 * Checks every row with the mapping and says what the import would do (created, updated, unchanged,
 * failed, with the first errors), without writing anything of the case file: each batch goes
 * through the real writes and is rolled back.
 */
export const dryRunImport = async (deps: AppDeps, ctx: RequestContext, id: string): Promise<ImportReport> => {
  const row = await loadImport(deps.database.db, ctx, id);
  if (row.status === 'importing') {
    return failWith('conflict', 'import.running', 'The import is running: wait for it to finish');
  }
  const { report } = await runStagedRows(deps, ctx, row, { isDryRun: true });
  const latest = await loadImport(deps.database.db, ctx, id);
  if (latest.status !== 'importing') {
    await updateImport(
      deps.database.db,
      id,
      {
        status: latest.status === 'done' || latest.status === 'failed' ? latest.status : 'dry_run',
        report: { ...stateOf(latest), dryRun: report },
      },
      deps.clock.now(),
    );
  }
  return withFirstErrors(report, ERRORS_IN_RESPONSE);
};
