import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type RosterFormat,
  type RosterFrame,
  RosterFramer,
  RosterIdRegister,
  type RosterOutputFormat,
  type RosterRowError,
  type RosterRunResult,
  type ScreenRosterOptions,
} from '@redress/core';
import { CliError } from '../support/errors.js';

/**
 * `redress screen` on several threads. The main thread frames the roster (lines, or a CSV person's
 * rows: cheap, and in order), sends batches of records to worker threads that parse, validate, screen
 * and format them, and takes the answers back in roster order: duplicate ids, row errors, writing and
 * the summary stay here, so the output is the same as on one thread. Batches in flight are capped, and
 * reading waits for the oldest, so memory stays bounded whatever the roster's size.
 */
export type ScreenWorkerData = {
  options: ScreenRosterOptions;
  outFormat: RosterOutputFormat;
  isParseOnly: boolean;
};

type RecordFrame = Extract<RosterFrame, { kind: 'json_line' | 'csv_person' }>;
export type ScreenBatch = { seq: number; frames: RecordFrame[]; header: readonly string[] | null };
/** A person screened (their output is `bytes` up to `end`, from the previous person's end) or a rejected record. */
export type ScreenWorkerItem =
  | { id: string; line: number; end: number; codes: number[] | null }
  | { id: string | null; line: number; errors: RosterRowError[] };
/** A batch's answers, with the output of its people as UTF-8. */
export type ScreenBatchResult = { seq: number; items: ScreenWorkerItem[]; bytes: Uint8Array };

export type ParallelHandlers = {
  /** A person screened: their summary codes (null with parse-only). */
  onPerson: (codes: number[] | null) => void;
  /** Output of people screened, as UTF-8, in roster order. */
  onOutput: (bytes: Uint8Array) => void | Promise<void>;
  onError: (error: RosterRowError) => void | Promise<void>;
  onNotice: (message: string) => void;
  onProgress: (progress: { people: number; rowErrors: number }) => void;
};

/** Records per batch: large enough that messages are few, small enough that threads stay busy. */
const BATCH_RECORDS = 400;

/** A worker holds one batch at a time: a small heap keeps its garbage collector from letting it grow. */
const WORKER_HEAP_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

const startWorker = (data: ScreenWorkerData): Worker => {
  const here = fileURLToPath(import.meta.url);
  const url = new URL(`./screen-worker${extname(here)}`, import.meta.url);
  const options = { workerData: data, resourceLimits: WORKER_HEAP_LIMITS };
  if (extname(here) !== '.ts') return new Worker(url, options);
  // Run from source through tsx (`npm run redress` is built; tests and development are not): Node does
  // not carry tsx's loader into worker threads, so the worker registers it first.
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
};

export const screenRosterInParallel = async (
  chunks: AsyncIterable<string>,
  threads: number,
  data: ScreenWorkerData,
  handlers: ParallelHandlers,
): Promise<RosterRunResult> => {
  const workers = Array.from({ length: threads }, () => startWorker(data));
  const waiting = new Map<number, { resolve: (r: ScreenBatchResult) => void; reject: (e: unknown) => void }>();
  let failure: unknown = null;
  for (const w of workers) {
    w.on('message', (r: ScreenBatchResult) => {
      waiting.get(r.seq)?.resolve(r);
      waiting.delete(r.seq);
    });
    w.on('error', (e) => {
      failure ??= new CliError(`a screening thread failed: ${e.message}`);
      for (const { reject } of waiting.values()) reject(failure);
      waiting.clear();
    });
  }
  const inFlight = new Array<number>(threads).fill(0);

  type Slot = { kind: 'batch'; result: Promise<ScreenBatchResult> } | { kind: 'frame'; frame: RosterFrame };
  const queue: Slot[] = [];
  const framer = new RosterFramer();
  let ids: RosterIdRegister | null = null;
  let people = 0;
  let rowErrors = 0;
  let fatal: string | null = null;
  let seq = 0;
  let batch: RecordFrame[] = [];
  let isStopped = false;

  const error = async (e: RosterRowError) => {
    rowErrors++;
    const pending = handlers.onError(e);
    if (pending) await pending;
  };

  const dispatch = () => {
    if (batch.length === 0) return;
    if (failure) throw failure;
    let w = 0;
    for (let i = 1; i < threads; i++) if ((inFlight[i] ?? 0) < (inFlight[w] ?? 0)) w = i;
    const message: ScreenBatch = { seq: seq++, frames: batch, header: framer.csvHeader };
    batch = [];
    inFlight[w] = (inFlight[w] ?? 0) + 1;
    const result = new Promise<ScreenBatchResult>((resolve, reject) => {
      waiting.set(message.seq, {
        resolve: (r) => {
          inFlight[w] = (inFlight[w] ?? 1) - 1;
          resolve(r);
        },
        reject,
      });
    });
    // Handled when its turn comes; a rejection before then must not be reported as unhandled.
    result.catch(() => undefined);
    workers[w]?.postMessage(message);
    queue.push({ kind: 'batch', result });
  };

  /** Takes the oldest slot's answers, in order. */
  const takeOldest = async () => {
    const slot = queue.shift();
    if (!slot) return;
    if (slot.kind === 'frame') {
      const f = slot.frame;
      if (f.kind === 'row_error') await error(f.error);
      else if (f.kind === 'notice') handlers.onNotice(f.message);
      else if (f.kind === 'fatal') fatal = f.message;
      return;
    }
    const { items, bytes } = await slot.result;
    ids ??= new RosterIdRegister(framer.format ?? 'jsonl');
    // Output is written in runs of consecutive people kept (a duplicate's output is left out).
    let runStart = 0;
    let start = 0;
    const flush = async (end: number) => {
      if (end > runStart) {
        const pending = handlers.onOutput(bytes.subarray(runStart, end));
        if (pending) await pending;
      }
    };
    for (const item of items) {
      const duplicate = item.id === null ? null : ids.check(item.id, item.line);
      if ('end' in item && !duplicate) {
        people++;
        handlers.onPerson(item.codes);
        start = item.end;
        continue;
      }
      if ('end' in item) {
        await flush(start);
        runStart = item.end;
        start = item.end;
      }
      if (duplicate) await error(duplicate);
      else if ('errors' in item) for (const e of item.errors) await error(e);
    }
    await flush(start);
  };

  const frames: RosterFrame[] = [];
  const take = async () => {
    for (const f of frames) {
      if (f.kind === 'json_line' || f.kind === 'csv_person') {
        batch.push(f);
        if (batch.length >= BATCH_RECORDS) dispatch();
      } else {
        dispatch();
        queue.push({ kind: 'frame', frame: f });
        if (f.kind === 'fatal') isStopped = true;
      }
      while (queue.length > threads * 3) await takeOldest();
    }
    frames.length = 0;
  };

  try {
    for await (const chunk of chunks) {
      framer.push(chunk, frames);
      await take();
      if (isStopped) break;
      handlers.onProgress({ people, rowErrors });
    }
    if (!isStopped) {
      framer.end(frames);
      await take();
    }
    dispatch();
    while (queue.length > 0) await takeOldest();
    handlers.onProgress({ people, rowErrors });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (fatal !== null) return { ok: false, error: fatal, people, rowErrors };
  const format: RosterFormat = framer.format ?? 'jsonl';
  return { ok: true, format, people, rowErrors };
};
