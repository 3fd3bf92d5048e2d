import { Id } from '@redress/core';
import { deleteAbandonedScreeningUploads, listScreeningRunsToResume } from '@redress/db';
import type PgBoss from 'pg-boss';
import { z } from 'zod';
import {
  runScreeningJob,
  type ScreeningJobDeps,
  STALE_SCREENING_RUN_MS,
} from '../use-cases/screening/run-screening-job.js';
import { SCREENING_RUN_JOB } from '../use-cases/screening/screening-queue.js';

/** The payload of a screening job, checked when the job is taken. */
export const ScreeningRunJob = z.strictObject({ runId: Id });

const SWEEP_JOB = 'screening.sweep';
/** An upload that has not finished in this long was abandoned (the browser went away). */
const ABANDONED_UPLOAD_MS = 24 * 60 * 60_000;

/**
 * Screening runs as background jobs. `screening.run` screens one run (resumable: see
 * runScreeningJob); `screening.sweep`, every minute, sends a job for every run that is queued or whose
 * worker stopped writing its heartbeat (a process that died, a queue that was down when the run was
 * created), and removes uploads that never finished.
 */
export const registerScreeningJobs = async (boss: PgBoss, deps: ScreeningJobDeps): Promise<void> => {
  await boss.createQueue(SCREENING_RUN_JOB, {
    name: SCREENING_RUN_JOB,
    // A million-person roster takes a while; the run's own heartbeat, not the queue, tells a dead worker.
    expireInHours: 12,
    retryLimit: 3,
    retryDelay: 60,
  });
  await boss.work<unknown>(SCREENING_RUN_JOB, async (jobs) => {
    for (const job of jobs) {
      const payload = ScreeningRunJob.safeParse(job.data);
      if (!payload.success) {
        deps.logger.error({ job: SCREENING_RUN_JOB, jobId: job.id }, 'screening job with a bad payload: dropped');
        continue;
      }
      const outcome = await runScreeningJob(deps, payload.data.runId);
      deps.logger.info({ job: SCREENING_RUN_JOB, jobId: job.id, runId: payload.data.runId, outcome }, 'screening job');
    }
  });
  await boss.createQueue(SWEEP_JOB);
  await boss.schedule(SWEEP_JOB, '* * * * *');
  await boss.work(SWEEP_JOB, async () => {
    const now = deps.clock.now().getTime();
    const runs = await listScreeningRunsToResume(deps.database.db, new Date(now - STALE_SCREENING_RUN_MS));
    for (const run of runs) await boss.send(SCREENING_RUN_JOB, { runId: run.id }, { singletonKey: run.id });
    const removed = await deleteAbandonedScreeningUploads(deps.database.db, new Date(now - ABANDONED_UPLOAD_MS));
    if (runs.length > 0 || removed > 0) {
      deps.logger.info({ job: SWEEP_JOB, resumed: runs.length, abandonedUploads: removed }, 'screening sweep');
    }
  });
};
