import { type RosterEvent, RosterReader, RULE_BOOK, type ScreeningRunBody, ScreeningRunFields } from '@redress/core';
import {
  deleteScreeningRun,
  findScreeningRun,
  insertScreeningChunk,
  insertScreeningRun,
  updateScreeningRun,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { zodDetails } from '../../http/errors.js';
import { detectFileType } from '../../import/file-type.js';
import { todayOf } from '../people/person-dates.js';
import { failWith } from '../policy.js';
import { authorizeScreeningRuns } from './screening-access.js';
import { presentScreeningRun } from './screening-presenters.js';
import { enqueueScreeningRun } from './screening-queue.js';

/** One part of an uploaded form, read in the order the client sent it. */
export type RosterUploadPart =
  | { kind: 'field'; name: string; value: string }
  | {
      kind: 'file';
      name: string;
      fileName: string;
      data: AsyncIterable<Uint8Array>;
      /** True once the file was cut at the server's upload limit. */
      isTruncated(): boolean;
    };

export type CreateScreeningRunInput = { parts: AsyncIterable<RosterUploadPart> };

/** The roster is stored in pieces of this size (one row of screening_run_chunks each). */
export const ROSTER_CHUNK_BYTES = 1024 * 1024;
/** How much of the file the roster reader sees before the upload is accepted as a roster. */
const SNIFF_BYTES = 1024 * 1024;

const TOO_LARGE =
  'The roster is larger than this server accepts: split it, or ask the administrator to raise REDRESS_SCREENING_MAX_UPLOAD_MB';

const notARoster = (message: string) => failWith('invalid', 'screening.not_a_roster', message, { file: message });

/**
 * Judges the first bytes of an upload: a roster is UTF-8 text that the roster reader takes for JSON
 * Lines or for CSV with an `id` column. Fed piece by piece until the reader has seen a whole record,
 * or SNIFF_BYTES, or the end of the file.
 */
class RosterSniffer {
  #reader = new RosterReader();
  #decoder = new TextDecoder('utf-8');
  #events: RosterEvent[] = [];
  #seen = 0;
  isDone = false;

  push(bytes: Uint8Array): void {
    if (this.isDone) return;
    if (this.#seen === 0) {
      const type = detectFileType(bytes, false);
      if (type.ok && type.type === 'xlsx') {
        notARoster('This is an Excel workbook: save it as "CSV UTF-8", or write the roster as JSON Lines');
      }
      if (!type.ok) notARoster('This file is not a roster: save it as "CSV UTF-8" or as JSON Lines (UTF-8 text)');
    }
    this.#seen += bytes.length;
    this.#reader.push(this.#decoder.decode(bytes, { stream: true }), this.#events);
    this.#judge(this.#seen >= SNIFF_BYTES);
  }

  end(): void {
    if (this.isDone) return;
    this.#reader.push(this.#decoder.decode(), this.#events);
    this.#reader.end(this.#events);
    this.#judge(true);
  }

  #judge(isEnough: boolean): void {
    const fatal = this.#events.find((e) => e.kind === 'fatal');
    if (fatal && fatal.kind === 'fatal') notARoster(`The file is ${fatal.message}`);
    if (isEnough || this.#events.some((e) => e.kind === 'subject' || e.kind === 'row_error')) this.isDone = true;
    this.#events.length = 0;
  }
}

type Fields = Record<string, string[]>;

const fieldsOf = (raw: Fields) => {
  const out: Record<string, unknown> = {};
  for (const [name, values] of Object.entries(raw)) {
    if (name === 'pathways') {
      out.pathways = values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v) => v !== '');
    } else out[name] = values.at(-1);
  }
  return out;
};

const parseFields = (raw: Fields) => {
  const parsed = ScreeningRunFields.safeParse(fieldsOf(raw));
  if (!parsed.success) failWith('invalid', 'request.invalid', 'Some fields are not valid', zodDetails(parsed.error));
  return parsed.data as NonNullable<typeof parsed.data>;
};

/**
 * Starts a screening run over an uploaded roster (multipart: the fields `name`, `asOf`, `pathways`
 * and the `file`). The file is judged by its bytes (CSV or JSON Lines, never by its name), streamed
 * into the database in 1 MiB pieces as it arrives (app servers keep nothing), and the run is queued
 * as a background job. A file over the server's limit is refused with 413, a file that is not a
 * roster with 400 `screening.not_a_roster`, and in both cases nothing is kept.
 */
export const createScreeningRun = async (
  deps: AppDeps,
  ctx: RequestContext,
  input: CreateScreeningRunInput,
): Promise<ScreeningRunBody> => {
  const principal = authorizeScreeningRuns(ctx);
  const db = deps.database.db;
  const raw: Fields = {};
  let runId: string | null = null;
  let fileName = '';
  let fileBytes = 0;
  try {
    for await (const part of input.parts) {
      if (part.kind === 'field') {
        raw[part.name] = [...(raw[part.name] ?? []), part.value];
        continue;
      }
      if (part.name !== 'file' || runId !== null) {
        failWith('invalid', 'request.invalid', 'Send one roster, as the form field "file"', {
          [part.name]: 'Unexpected file',
        });
      }
      // The fields sent before the file are checked before a byte of it is stored.
      parseFields(raw);
      fileName = (part.fileName || 'roster').slice(0, 300);
      const id = deps.newId();
      runId = id;
      await insertScreeningRun(db, {
        id,
        name: fileName.slice(0, 200),
        as_of: todayOf(deps),
        pathways: null,
        state: 'uploading',
        file_name: fileName,
        rule_book_version: RULE_BOOK.version,
        failure_reason: null,
        summary: null,
        heartbeat_at: null,
        created_by: principal.userId,
        created_at: deps.clock.now(),
        started_at: null,
        finished_at: null,
      });
      const sniffer = new RosterSniffer();
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      let seq = 0;
      const store = async (all: boolean) => {
        while (pendingBytes >= ROSTER_CHUNK_BYTES || (all && pendingBytes > 0)) {
          const joined = Buffer.concat(pending, pendingBytes);
          const size = Math.min(ROSTER_CHUNK_BYTES, joined.length);
          await insertScreeningChunk(db, id, seq, joined.subarray(0, size));
          seq += 1;
          pending = size < joined.length ? [joined.subarray(size)] : [];
          pendingBytes = joined.length - size;
        }
      };
      for await (const bytes of part.data) {
        if (part.isTruncated()) failWith('too_large', 'screening.too_large', TOO_LARGE);
        sniffer.push(bytes);
        fileBytes += bytes.length;
        pending.push(bytes);
        pendingBytes += bytes.length;
        await store(false);
      }
      if (part.isTruncated()) failWith('too_large', 'screening.too_large', TOO_LARGE);
      sniffer.end();
      await store(true);
    }
    if (runId === null) {
      return failWith('invalid', 'screening.no_file', 'Send the roster (CSV or JSON Lines) as the form field "file"', {
        file: 'Required',
      });
    }
    const fields = parseFields(raw);
    const id = runId;
    const name = fields.name ?? fileName.slice(0, 200);
    const asOf = fields.asOf ?? todayOf(deps);
    const pathways = fields.pathways?.length ? [...new Set(fields.pathways)] : null;
    await inTransaction(deps, ctx, async (tx, audit) => {
      await updateScreeningRun(tx, id, { name, as_of: asOf, pathways, state: 'queued', file_bytes: fileBytes });
      await audit({
        action: 'screening_run.created',
        entityType: 'screening_run',
        entityId: id,
        details: { runId: id, name, asOf, pathways, fileName, fileBytes },
      });
    });
  } catch (e) {
    // Nothing of a refused upload is kept (the chunks go with the run).
    if (runId !== null) await deleteScreeningRun(db, runId).catch(() => undefined);
    throw e;
  }
  await enqueueScreeningRun(deps, runId);
  const run = await findScreeningRun(db, runId);
  if (!run) throw new Error('the screening run just created is gone');
  return presentScreeningRun(run);
};
