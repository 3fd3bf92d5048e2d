import { Id } from '@redress/core';
import { listDocumentIdsInOcrState, requeueDocumentOcr } from '@redress/db';
import type PgBoss from 'pg-boss';
import { z } from 'zod';
import { OCR_JOB } from '../documents/store-document.js';
import { type OcrDeps, runOcrNow } from '../use-cases/documents/run-ocr-now.js';

/** The payload of an OCR job, checked when the job is taken. */
export const OcrJob = z.strictObject({ documentId: Id });

const SWEEP_JOB = 'documents.ocr-sweep';
/** A document still 'running' this long after a sweep first saw it lost its worker (a crash, a deploy). */
export const STALE_OCR_MS = 10 * 60_000;

/**
 * OCR as background jobs. `documents.ocr` reads one document (runOcrNow claims it first, so a job
 * delivered twice, or sent by two servers, reads it once). `documents.ocr-sweep`, every minute (one
 * schedule, whatever the number of servers), sends a job for every queued document (queued while no
 * job queue ran, or whose job was lost), and puts back documents left 'running' by a worker that died.
 *
 * The documents table has no claim time, so "running for ten minutes" is measured from the first
 * sweep that saw the document running: a process that restarts after a crash sees it again, and
 * re-queues it ten minutes later. (One image takes seconds.)
 */
export const registerOcrJobs = async (boss: PgBoss, deps: OcrDeps): Promise<void> => {
  await boss.createQueue(OCR_JOB, { name: OCR_JOB, expireInMinutes: 15, retryLimit: 2, retryDelay: 30 });
  await boss.work<unknown>(OCR_JOB, async (jobs) => {
    for (const job of jobs) {
      const payload = OcrJob.safeParse(job.data);
      if (!payload.success) {
        deps.logger.error({ job: OCR_JOB, jobId: job.id }, 'OCR job with a bad payload: dropped');
        continue;
      }
      const result = await runOcrNow(deps, payload.data.documentId);
      deps.logger.info({ job: OCR_JOB, jobId: job.id, ...result }, 'OCR job');
    }
  });

  const runningSince = new Map<string, number>();
  await boss.createQueue(SWEEP_JOB);
  await boss.schedule(SWEEP_JOB, '* * * * *');
  await boss.work(SWEEP_JOB, async () => {
    const db = deps.database.db;
    const now = deps.clock.now().getTime();
    const running = await listDocumentIdsInOcrState(db, 'running');
    for (const id of runningSince.keys()) if (!running.includes(id)) runningSince.delete(id);
    let requeued = 0;
    for (const id of running) {
      const since = runningSince.get(id) ?? now;
      runningSince.set(id, since);
      if (now - since >= STALE_OCR_MS && (await requeueDocumentOcr(db, id))) {
        runningSince.delete(id);
        requeued += 1;
      }
    }
    const queued = await listDocumentIdsInOcrState(db, 'queued');
    for (const documentId of queued) await boss.send(OCR_JOB, { documentId }, { singletonKey: documentId });
    if (queued.length > 0 || requeued > 0) {
      deps.logger.info({ job: SWEEP_JOB, queued: queued.length, requeued }, 'OCR sweep');
    }
  });
};
