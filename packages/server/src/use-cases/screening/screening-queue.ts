import type { AppDeps } from '../../deps.js';

/** The job that screens one run (payload: ScreeningRunJob); one job per run at a time. */
export const SCREENING_RUN_JOB = 'screening.run';

/**
 * Asks a worker to screen the run. A queue that cannot be reached is logged, not fatal: the run is
 * stored as queued, and the sweep (every minute, in every process that runs jobs) sends it again.
 */
export const enqueueScreeningRun = async (deps: Pick<AppDeps, 'jobs' | 'logger'>, runId: string): Promise<void> => {
  if (!deps.jobs) return;
  await deps.jobs
    .send(SCREENING_RUN_JOB, { runId }, { singletonKey: runId })
    .catch((err) => deps.logger.warn({ err, runId }, 'could not queue the screening run; the sweep will'));
};
