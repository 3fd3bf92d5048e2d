import { type CsvPersonRows, RosterCsvGrouper } from './roster-csv-people.js';
import { type RosterCsvRecord, RosterCsvTokenizer } from './roster-csv-tokenizer.js';
import type { RosterRowError } from './roster-record.js';

/**
 * The first step of reading a roster: text chunks (of any size, split anywhere) into records, before
 * any record is parsed. A JSON Lines record is a line; a CSV record is one person's consecutive rows.
 * Framing is cheap and must run in order; parsing and screening the records (`parseRosterFrame`) may
 * then run anywhere, on several threads.
 *
 * The format is read from the text, never from a file name: JSON Lines when the first character that
 * is not white space is `{`; otherwise CSV, whose first row must be a header with an `id` column.
 * Anything else is fatal: `not CSV or JSON Lines: ...`. Memory: the current line (JSON Lines, at most
 * `MAX_JSON_LINE_CHARS`) or the current person's rows (CSV).
 */
export type RosterFormat = 'jsonl' | 'csv';

export type RosterFrame =
  | { kind: 'json_line'; line: number; text: string }
  | { kind: 'csv_person'; person: CsvPersonRows }
  /** A row that cannot be framed (too long, a CSV row that names no one). */
  | { kind: 'row_error'; error: RosterRowError }
  /** Something to say once about the whole roster (columns ignored). */
  | { kind: 'notice'; message: string }
  /** The input is not a roster: nothing more is read. */
  | { kind: 'fatal'; message: string };

/** Longest JSON line read (a person with hundreds of convictions fits well within it). */
export const MAX_JSON_LINE_CHARS = 1024 * 1024;

const SNIFF_CHARS = 4096;
const BOM = 0xfeff;

/** Control characters that never appear in a text roster (NUL, escape...): the file is binary. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for exactly these.
const BINARY = /[\u0000-\u0008\u000e-\u001f]/;

export const notRoster = (why: string): string => `not CSV or JSON Lines: ${why}`;

export class RosterFramer {
  #format: RosterFormat | null = null;
  #sniffed = '';
  #isFatal = false;
  // JSON Lines
  #partial = '';
  #line = 1;
  #isSkippingLongLine = false;
  // CSV
  #tokenizer = new RosterCsvTokenizer();
  #grouper = new RosterCsvGrouper();
  #hasHeader = false;
  #records: RosterCsvRecord[] = [];
  #groups: (CsvPersonRows | RosterRowError)[] = [];

  /** The format, once the first text has been read. */
  get format(): RosterFormat | null {
    return this.#format;
  }

  /** The CSV header's cells, once read (what `csvColumnsOf` reads the rows by). */
  get csvHeader(): readonly string[] | null {
    return this.#format === 'csv' && this.#hasHeader ? this.#grouper.headerCells : null;
  }

  /** Reads the next chunk; the frames it completed are appended to `out`. */
  push(chunk: string, out: RosterFrame[]): void {
    if (this.#isFatal || chunk.length === 0) return;
    if (this.#format === null) {
      this.#sniffed += chunk;
      if (this.#sniff(false, out) === null) return;
      this.#feed(this.#takeSniffed(), out);
      return;
    }
    this.#feed(chunk, out);
  }

  /** Ends the input: the last line or person. */
  end(out: RosterFrame[]): void {
    if (this.#isFatal) return;
    if (this.#format === null) {
      if (this.#sniff(true, out) === null) return;
      this.#feed(this.#takeSniffed(), out);
    }
    if (this.#format === 'jsonl') {
      if (!this.#isSkippingLongLine) this.#jsonLine(this.#partial, out);
      this.#partial = '';
    } else {
      this.#tokenizer.end(this.#records);
      this.#takeRecords(out);
      this.#grouper.end(this.#groups);
      this.#takeGroups(out);
    }
  }

  /** The text read while sniffing (without a BOM for JSON Lines; the CSV tokenizer skips its own). */
  #takeSniffed(): string {
    const text = this.#sniffed;
    this.#sniffed = '';
    return this.#format === 'jsonl' && text.charCodeAt(0) === BOM ? text.slice(1) : text;
  }

  #fatal(why: string, out: RosterFrame[]): null {
    this.#isFatal = true;
    out.push({ kind: 'fatal', message: notRoster(why) });
    return null;
  }

  #sniff(isEnd: boolean, out: RosterFrame[]): RosterFormat | null {
    const text = this.#sniffed;
    let i = text.charCodeAt(0) === BOM ? 1 : 0;
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (BINARY.test(text.slice(0, SNIFF_CHARS))) {
      return this.#fatal('the file looks binary (a spreadsheet? save it as CSV)', out);
    }
    if (i >= text.length) {
      if (!isEnd && text.length < SNIFF_CHARS * 256) return null;
      return this.#fatal(text.length === 0 ? 'the file is empty' : 'the file holds only blank space', out);
    }
    const first = text[i];
    if (first === '[') return this.#fatal('a JSON array; write one JSON object (person) per line', out);
    this.#format = first === '{' ? 'jsonl' : 'csv';
    return this.#format;
  }

  #feed(text: string, out: RosterFrame[]): void {
    if (this.#format === 'jsonl') this.#jsonLines(text, out);
    else {
      this.#tokenizer.push(text, this.#records);
      this.#takeRecords(out);
    }
  }

  // JSON Lines ---------------------------------------------------------------------------------------

  #jsonLines(chunk: string, out: RosterFrame[]): void {
    let start = 0;
    const text = chunk;
    if (this.#isSkippingLongLine) {
      const nl = text.indexOf('\n');
      if (nl === -1) return;
      this.#isSkippingLongLine = false;
      this.#line++;
      start = nl + 1;
    } else if (this.#partial.length > 0) {
      // The line begun in the previous chunk: joined with its end only, never with the whole chunk.
      const nl = text.indexOf('\n');
      if (nl === -1) {
        this.#partial += text;
        if (this.#partial.length > MAX_JSON_LINE_CHARS) this.#skipLongLine(out);
        return;
      }
      this.#jsonLine(this.#partial + text.slice(0, nl), out);
      this.#partial = '';
      this.#line++;
      start = nl + 1;
    }
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      this.#jsonLine(text.slice(start, nl), out);
      this.#line++;
      start = nl + 1;
    }
    const rest = text.length - start;
    if (rest > MAX_JSON_LINE_CHARS) {
      this.#skipLongLine(out);
      return;
    }
    this.#partial = rest > 0 ? text.slice(start) : '';
  }

  /** Reports the current line as too long, and drops it up to its end. */
  #skipLongLine(out: RosterFrame[]): void {
    const limit = `${MAX_JSON_LINE_CHARS / 1024 / 1024} MiB`;
    out.push({ kind: 'row_error', error: { line: this.#line, id: null, message: `longer than ${limit}: skipped` } });
    this.#partial = '';
    this.#isSkippingLongLine = true;
  }

  #jsonLine(rawLine: string, out: RosterFrame[]): void {
    const text = rawLine.charCodeAt(rawLine.length - 1) === 0x0d ? rawLine.slice(0, -1) : rawLine;
    if (text.trim() === '') return;
    out.push({ kind: 'json_line', line: this.#line, text });
  }

  // CSV ----------------------------------------------------------------------------------------------

  #takeRecords(out: RosterFrame[]): void {
    const records = this.#records;
    if (records.length === 0) return;
    for (const record of records) {
      if (this.#isFatal) break;
      if (!this.#hasHeader) {
        const header = this.#grouper.header(record);
        if (!header.ok) {
          this.#fatal(
            'malformed' in header ? `the first line cannot be read (${header.message})` : header.message,
            out,
          );
          break;
        }
        this.#hasHeader = true;
        for (const message of header.notices) out.push({ kind: 'notice', message });
        continue;
      }
      this.#grouper.row(record, this.#groups);
    }
    records.length = 0;
    this.#takeGroups(out);
  }

  #takeGroups(out: RosterFrame[]): void {
    const groups = this.#groups;
    if (groups.length === 0) return;
    for (const g of groups) {
      out.push('message' in g ? { kind: 'row_error', error: g } : { kind: 'csv_person', person: g });
    }
    groups.length = 0;
  }
}
