import { deleteScreeningRun as removeRun } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadScreeningRun, runNotFound } from './screening-access.js';

/**
 * Deletes a run with its file, results and row errors: its creator or an administrator may. A run
 * being screened stops at its next batch.
 */
export const deleteScreeningRun = (deps: AppDeps, ctx: RequestContext, runId: string): Promise<void> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const run = await loadScreeningRun(tx, ctx, runId);
    const actor = ctx.actor;
    if (actor && actor.role !== 'administrator' && run.created_by !== actor.userId) {
      failWith('forbidden', 'access.denied', 'Only the person who started the run, or an administrator, may delete it');
    }
    if (!(await removeRun(tx, run.id))) runNotFound();
    await audit({
      action: 'screening_run.deleted',
      entityType: 'screening_run',
      entityId: run.id,
      details: { runId: run.id, name: run.name, state: run.state, peopleScreened: run.people_screened },
    });
  });
