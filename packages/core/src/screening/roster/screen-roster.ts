import type { ScreeningOutcome } from '../rule-types.js';
import { type ScreenOptions, screenSubject } from '../screen-subject.js';
import type { ScreeningSubject } from '../screening-subject.js';
import { type RosterFormat, type RosterFrame, RosterFramer } from './roster-framer.js';
import { type RosterEvent, RosterFrameReader } from './roster-reader.js';
import type { RosterRowError } from './roster-record.js';

export type RosterProgress = { people: number; rowErrors: number };

/**
 * What a bulk run reports as it goes. A handler may return a promise (a write that waits for the
 * output to drain): reading waits for it, which keeps memory bounded when the output is slower than
 * the input.
 */
export type RosterHandlers = {
  onError?: (error: RosterRowError) => void | Promise<void>;
  onNotice?: (message: string) => void;
  /** After each chunk of input. */
  onProgress?: (progress: RosterProgress) => void;
};

export type RosterRunResult =
  | { ok: true; format: RosterFormat; people: number; rowErrors: number }
  /** The input is not a roster (`not CSV or JSON Lines: ...`); what was read before is reported. */
  | { ok: false; error: string; people: number; rowErrors: number };

/** Handles a person; returns a row error instead when the person could not be handled. */
type SubjectHandler = (
  subject: ScreeningSubject,
  line: number,
  warnings: readonly string[],
) => undefined | Promise<void> | RosterRowError;

/**
 * Screens one person of a roster. A failure of the engine on one record (a bug) is that record's row
 * error, so that one person cannot stop the screening of a whole roster; it names the line to report.
 */
export const screenRosterSubject = (
  subject: ScreeningSubject,
  line: number,
  warnings: readonly string[],
  options: ScreenRosterOptions,
): { ok: true; outcome: ScreeningOutcome } | { ok: false; error: RosterRowError } => {
  try {
    const outcome = screenSubject(subject, options);
    if (warnings.length > 0) outcome.warnings = [...(outcome.warnings ?? []), ...warnings];
    return { ok: true, outcome };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: {
        line,
        id: subject.id,
        message: `could not be screened (engine error: ${why.slice(0, 200)}); please report it`,
      },
    };
  }
};

/**
 * Reads a roster, validating every record, without screening anyone: what a run costs before the rules
 * (the benchmark's floor), and a check of a roster before a run.
 */
export const readRoster = async (
  chunks: AsyncIterable<string> | Iterable<string>,
  handlers: RosterHandlers & { onSubject?: SubjectHandler },
): Promise<RosterRunResult> => {
  const framer = new RosterFramer();
  const reader = new RosterFrameReader(framer);
  const frames: RosterFrame[] = [];
  const events: RosterEvent[] = [];
  let people = 0;
  let rowErrors = 0;
  let fatal: string | null = null;
  const dispatch = async () => {
    for (const event of events) {
      switch (event.kind) {
        case 'subject': {
          const result = handlers.onSubject?.(event.subject, event.line, event.warnings ?? []);
          if (result && 'message' in result) {
            rowErrors++;
            const pending = handlers.onError?.(result);
            if (pending) await pending;
            break;
          }
          people++;
          if (result) await result;
          break;
        }
        case 'row_error': {
          rowErrors++;
          const pending = handlers.onError?.(event.error);
          if (pending) await pending;
          break;
        }
        case 'notice':
          handlers.onNotice?.(event.message);
          break;
        case 'fatal':
          fatal = event.message;
          break;
      }
    }
    events.length = 0;
  };
  // One record at a time: parsed, handled, dropped, before the next is parsed.
  const take = async () => {
    for (const frame of frames) {
      reader.read(frame, events);
      await dispatch();
    }
    frames.length = 0;
  };
  for await (const chunk of chunks) {
    framer.push(chunk, frames);
    await take();
    if (fatal !== null) break;
    handlers.onProgress?.({ people, rowErrors });
  }
  if (fatal === null) {
    framer.end(frames);
    await take();
    handlers.onProgress?.({ people, rowErrors });
  }
  if (fatal !== null) return { ok: false, error: fatal, people, rowErrors };
  return { ok: true, format: framer.format ?? 'jsonl', people, rowErrors };
};

export type ScreenRosterOptions = Omit<ScreenOptions, 'explain'>;

/**
 * Screens a roster as a stream: text chunks in, one outcome per person out, in roster order, with
 * memory bounded by a chunk and the current person. Malformed rows are reported through `onError`
 * and the run goes on; a statute the engine cannot read is kept and flagged in the outcome's
 * `warnings`, never dropped. Results depend on the roster and `asOf` only.
 */
export const screenRoster = (
  chunks: AsyncIterable<string> | Iterable<string>,
  options: ScreenRosterOptions,
  handlers: RosterHandlers & { onOutcome: (outcome: ScreeningOutcome, line: number) => void | Promise<void> },
): Promise<RosterRunResult> =>
  readRoster(chunks, {
    ...handlers,
    onSubject: (subject, line, warnings) => {
      const screened = screenRosterSubject(subject, line, warnings, options);
      if (!screened.ok) return screened.error;
      return handlers.onOutcome(screened.outcome, line) ?? undefined;
    },
  });
