import type { ScreeningSubject } from '../screening-subject.js';
import { csvColumnsOf, csvPersonOf } from './roster-csv-people.js';
import { type RosterFormat, type RosterFrame, RosterFramer } from './roster-framer.js';
import { parseRosterJsonLine, type RosterRowError } from './roster-record.js';

/**
 * Reads a roster as a stream of text chunks into people, row errors and notices, in roster order, on
 * one thread: the framer (roster-framer.ts), each record parsed and validated (`parseRosterFrame`), and
 * duplicate ids reported (`RosterIdRegister`). Memory does not grow with the roster but for the ids
 * seen (tens of bytes an id).
 */
export type RosterEvent =
  | { kind: 'subject'; line: number; subject: ScreeningSubject; warnings?: string[] }
  | { kind: 'row_error'; error: RosterRowError }
  | { kind: 'notice'; message: string }
  | { kind: 'fatal'; message: string };

/** A framed record parsed: a person to screen, or what is wrong with the record. */
export type ParsedRosterFrame =
  | { ok: true; id: string; line: number; subject: ScreeningSubject; warnings: string[] }
  | { ok: false; id: string | null; line: number; errors: RosterRowError[] };

/** Reads the CSV header once for every person of a roster. */
export type CsvColumns = ReturnType<typeof csvColumnsOf>['columns'];
export const csvColumnsFor = (header: readonly string[]): CsvColumns => csvColumnsOf(header).columns;

/** Parses one framed record (a JSON line, or a CSV person's rows with the roster's columns). */
export const parseRosterFrame = (
  frame: Extract<RosterFrame, { kind: 'json_line' | 'csv_person' }>,
  columns: CsvColumns | null,
): ParsedRosterFrame => {
  if (frame.kind === 'json_line') {
    const r = parseRosterJsonLine(frame.text, frame.line);
    return r.ok
      ? { ok: true, id: r.subject.id, line: frame.line, subject: r.subject, warnings: [] }
      : { ok: false, id: r.error.id, line: frame.line, errors: [r.error] };
  }
  const p = csvPersonOf(columns ?? [], frame.person);
  return p.ok
    ? { ok: true, id: p.id, line: p.line, subject: p.subject, warnings: p.warnings }
    : { ok: false, id: p.id, line: p.line, errors: p.errors };
};

/** Two 32-bit hashes of a string (cyrb53's two lanes, 64 bits in all). */
const fingerprint = (s: string): [number, number] => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
};

/**
 * A set of ids with the line each was first seen on, kept as 64-bit fingerprints in typed arrays:
 * 12 bytes a slot, outside the garbage-collected heap, so a roster of millions of people costs tens
 * of MB and does not make the collector let the heap grow. Two different ids share a fingerprint with
 * a chance of about n²/2⁶⁵ (3 in 100 million for a million people); the later would then be reported
 * as a duplicate, naming the line of the earlier, for a person to see.
 */
class IdFingerprints {
  /** [hash1, hash2, line] per slot; line 0 marks an empty slot (lines start at 1). */
  #slots = new Uint32Array(3 * 1024);
  #mask = 1023;
  #count = 0;

  /** The line the id was first seen on, or 0 after recording it on `line`. */
  firstLine(id: string, line: number): number {
    const [a, b] = fingerprint(id);
    let i = a & this.#mask;
    for (;;) {
      const at = i * 3;
      const seen = this.#slots[at + 2] as number;
      if (seen === 0) break;
      if (this.#slots[at] === a && this.#slots[at + 1] === b) return seen;
      i = (i + 1) & this.#mask;
    }
    this.#put(a, b, line);
    if (++this.#count > (this.#mask + 1) * 0.6) this.#grow();
    return 0;
  }

  #put(a: number, b: number, line: number): void {
    let i = a & this.#mask;
    while ((this.#slots[i * 3 + 2] as number) !== 0) i = (i + 1) & this.#mask;
    this.#slots[i * 3] = a;
    this.#slots[i * 3 + 1] = b;
    this.#slots[i * 3 + 2] = line;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Uint32Array(old.length * 2);
    this.#mask = this.#mask * 2 + 1;
    for (let at = 0; at < old.length; at += 3) {
      const line = old[at + 2] as number;
      if (line !== 0) this.#put(old[at] as number, old[at + 1] as number, line);
    }
  }
}

/**
 * The ids of a roster seen so far: a second record with an id is reported, naming the line of the
 * first, and not screened. Records with an unreadable id are not registered.
 */
export class RosterIdRegister {
  #ids = new IdFingerprints();
  readonly #hint: string;

  constructor(format: RosterFormat) {
    this.#hint = format === 'csv' ? ' (the rows of one person must be consecutive)' : '';
  }

  /** Null when the id is new (and now registered); else the duplicate's error. */
  check(id: string, line: number): RosterRowError | null {
    const first = this.#ids.firstLine(id, Math.max(1, line));
    if (first === 0) return null;
    return {
      line,
      id,
      message: `duplicate id "${id.slice(0, 60)}": first on line ${first}, not screened again${this.#hint}`,
    };
  }
}

/**
 * Turns frames into events, one at a time: parsed and validated, duplicates reported. Feeding it one
 * frame and handling its events before the next keeps each parsed person short-lived (collected young).
 */
export class RosterFrameReader {
  readonly #framer: RosterFramer;
  #columns: CsvColumns | null = null;
  #ids: RosterIdRegister | null = null;

  constructor(framer: RosterFramer) {
    this.#framer = framer;
  }

  /** The events of one frame, appended to `out`. */
  read(frame: RosterFrame, out: RosterEvent[]): void {
    if (frame.kind === 'row_error' || frame.kind === 'notice' || frame.kind === 'fatal') {
      out.push(frame);
      return;
    }
    if (frame.kind === 'csv_person' && this.#columns === null) {
      this.#columns = csvColumnsFor(this.#framer.csvHeader ?? []);
    }
    this.#ids ??= new RosterIdRegister(this.#framer.format ?? 'jsonl');
    const parsed = parseRosterFrame(frame, this.#columns);
    const duplicate = parsed.id === null ? null : this.#ids.check(parsed.id, parsed.line);
    if (duplicate) out.push({ kind: 'row_error', error: duplicate });
    else if (!parsed.ok) for (const error of parsed.errors) out.push({ kind: 'row_error', error });
    else if (parsed.warnings.length > 0) {
      out.push({ kind: 'subject', line: parsed.line, subject: parsed.subject, warnings: parsed.warnings });
    } else out.push({ kind: 'subject', line: parsed.line, subject: parsed.subject });
  }
}

/** Framer and frame reader together: chunks in, events out (tests and small rosters). */
export class RosterReader {
  #framer = new RosterFramer();
  #frames: RosterFrame[] = [];
  #reader = new RosterFrameReader(this.#framer);

  /** The format, once the first text has been read. */
  get format(): RosterFormat | null {
    return this.#framer.format;
  }

  /** Reads the next chunk; the events it completed are appended to `out`. */
  push(chunk: string, out: RosterEvent[]): void {
    this.#framer.push(chunk, this.#frames);
    this.#take(out);
  }

  /** Ends the input: the last line or person. */
  end(out: RosterEvent[]): void {
    this.#framer.end(this.#frames);
    this.#take(out);
  }

  #take(out: RosterEvent[]): void {
    for (const frame of this.#frames) this.#reader.read(frame, out);
    this.#frames.length = 0;
  }
}

/** Reads a whole roster text at once (tests, small files). */
export const readRosterText = (text: string): RosterEvent[] => {
  const reader = new RosterReader();
  const out: RosterEvent[] = [];
  reader.push(text, out);
  reader.end(out);
  return out;
};
