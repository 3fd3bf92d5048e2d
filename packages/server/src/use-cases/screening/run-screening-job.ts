import { addMonths, isPathwayId, OPEN_STATUSES, type PathwayId, readRoster, screenSubject } from '@redress/core';
import {
  claimScreeningRun,
  type NewScreeningResult,
  type NewScreeningRowError,
  readScreeningChunks,
  saveScreeningBatch,
  summariseScreeningRun,
  updateScreeningRun,
} from '@redress/db';
import type { AppDeps } from '../../deps.js';

export type ScreeningJobDeps = Pick<AppDeps, 'database' | 'clock' | 'logger'>;

/** A run whose worker has written no heartbeat for this long is taken to have died, and is taken over. */
export const STALE_SCREENING_RUN_MS = 5 * 60_000;
/** People per committed batch (about 12 result rows each). */
export const SCREENING_BATCH_PEOPLE = 500;
/** A run that keeps failing is given up after this many attempts, with its reason. */
export const MAX_SCREENING_ATTEMPTS = 5;

export type ScreeningJobProgress = {
  peopleScreened: number;
  rowErrors: number;
  bytesRead: number;
  checkpointLine: number;
};

export type RunScreeningJobOptions = {
  batchPeople?: number;
  /** After each committed batch (progress for logs; a test may stop the run here). */
  onBatch?: (progress: ScreeningJobProgress) => void | Promise<void>;
};

export type ScreeningJobOutcome = 'completed' | 'failed' | 'skipped' | 'stopped';

class RunGone extends Error {}

/**
 * Screens a queued run: streams its stored roster through the core's roster reader, screens each
 * person, and writes results and row errors in batches. Each batch commits with the run's progress
 * and checkpoint (the last roster line it holds), so a job that stops part-way (a crash, a deploy, a
 * lost connection) continues after that line when it runs again: the roster is read again from the
 * start (the reader must see it all to report duplicate ids), but people up to the checkpoint are
 * neither screened nor written again. Results are also keyed by person and pathway, so nothing is
 * ever stored twice. A run that completed, failed or was deleted is left alone: delivering the job
 * twice is harmless.
 */
export const runScreeningJob = async (
  deps: ScreeningJobDeps,
  runId: string,
  options: RunScreeningJobOptions = {},
): Promise<ScreeningJobOutcome> => {
  const db = deps.database.db;
  const started = deps.clock.now();
  const run = await claimScreeningRun(db, runId, started, new Date(started.getTime() - STALE_SCREENING_RUN_MS));
  if (!run) return 'skipped';
  if (run.attempts > MAX_SCREENING_ATTEMPTS) {
    await updateScreeningRun(db, runId, {
      state: 'failed',
      failure_reason: `Stopped after ${MAX_SCREENING_ATTEMPTS} attempts that did not finish (see the server log)`,
      finished_at: deps.clock.now(),
    });
    return 'failed';
  }
  const pathways = run.pathways ? run.pathways.filter(isPathwayId) : null;
  const screenOptions = { asOf: run.as_of, ...(pathways ? { pathways: pathways as PathwayId[] } : {}) };
  const resumeAfter = run.checkpoint_line;
  const batchPeople = options.batchPeople ?? SCREENING_BATCH_PEOPLE;
  const progress: ScreeningJobProgress = {
    peopleScreened: run.people_screened,
    rowErrors: run.row_errors,
    bytesRead: run.bytes_read,
    checkpointLine: resumeAfter,
  };
  let results: NewScreeningResult[] = [];
  let errors: NewScreeningRowError[] = [];
  let people = 0;
  let bytesFed = 0;
  let lastLine = resumeAfter;

  const flush = async (bytesRead: number) => {
    const next = { ...progress, checkpointLine: lastLine, bytesRead };
    const isRunning = await db
      .transaction()
      .execute((tx) => saveScreeningBatch(tx, runId, { results, errors, progress: next, now: deps.clock.now() }));
    if (!isRunning) throw new RunGone();
    Object.assign(progress, next);
    results = [];
    errors = [];
    people = 0;
    await options.onBatch?.({ ...progress });
  };

  async function* text(): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    for await (const bytes of readScreeningChunks(db, runId)) {
      bytesFed += bytes.length;
      yield decoder.decode(bytes, { stream: true });
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  }

  const addError = (line: number, subjectId: string | null, message: string) => {
    if (line <= resumeAfter) return;
    errors.push({ line, subject_id: subjectId, message: message.slice(0, 2000) });
    progress.rowErrors += 1;
    if (line > lastLine) lastLine = line;
  };

  try {
    const read = await readRoster(text(), {
      onNotice: (message) => {
        // Said once about the whole roster (columns ignored): kept with the row errors, at the header.
        if (resumeAfter === 0) addError(1, null, message);
      },
      onError: (error) => addError(error.line, error.id, error.message),
      onSubject: async (subject, line, warnings) => {
        if (line <= resumeAfter) return;
        const outcome = screenSubject(subject, screenOptions);
        const allWarnings = [...(outcome.warnings ?? []), ...warnings];
        for (const r of outcome.results) {
          results.push({
            subject_id: subject.id,
            line,
            name: subject.person.name ?? null,
            pathway: r.pathway,
            status: r.status,
            eligible_from: r.eligible_from,
            result: allWarnings.length ? { ...r, warnings: allWarnings } : { ...r },
          });
        }
        progress.peopleScreened += 1;
        people += 1;
        if (line > lastLine) lastLine = line;
        // Batches end after a person, never inside one: what follows lies beyond the checkpoint.
        if (people >= batchPeople) await flush(bytesFed);
      },
    });
    await flush(run.file_bytes);
    if (!read.ok) {
      await updateScreeningRun(db, runId, {
        state: 'failed',
        failure_reason: `The file is ${read.error}`,
        finished_at: deps.clock.now(),
      });
      return 'failed';
    }
    const summary = await summariseScreeningRun(db, runId, {
      asOf: run.as_of,
      until: addMonths(run.as_of, 12),
      openStatuses: [...OPEN_STATUSES],
    });
    await updateScreeningRun(db, runId, {
      state: 'completed',
      summary,
      bytes_read: run.file_bytes,
      finished_at: deps.clock.now(),
    });
    deps.logger.info({ runId, ...progress }, 'screening run completed');
    return 'completed';
  } catch (e) {
    if (e instanceof RunGone) return 'stopped';
    // What was committed stays: the next attempt (a retry, or the sweep) continues from the checkpoint.
    await updateScreeningRun(db, runId, { heartbeat_at: null }).catch(() => undefined);
    throw e;
  }
};
