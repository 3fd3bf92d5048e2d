import { type Executor, findScreeningRun, type ScreeningRunRow } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { authorizeWorkspace, failWith, type Principal } from '../policy.js';

/**
 * Screening runs are the organisation's: whoever may import data (`data.import`: administrators,
 * attorneys, paralegals) may start runs and read every run; exporting results needs `data.export`.
 * Everyone else gets 403, since the list itself is not theirs to see.
 */
export const authorizeScreeningRuns = (ctx: RequestContext): Principal => authorizeWorkspace(ctx, 'data.import');

export const runNotFound = () => failWith('not_found', 'screening_run.not_found', 'No such screening run');

/** A run the caller may read; 404 when there is none (or it is still being uploaded). */
export const loadScreeningRun = async (db: Executor, ctx: RequestContext, id: string): Promise<ScreeningRunRow> => {
  authorizeScreeningRuns(ctx);
  const run = await findScreeningRun(db, id);
  return run ?? runNotFound();
};
