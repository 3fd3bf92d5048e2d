/**
 * An incremental CSV tokenizer for rosters. It is fed text in chunks of any size and returns each
 * record with the physical line it starts on (CRLF, LF and a lone CR count as one line break; a quoted
 * line break counts too, so a record after a multi-line cell keeps the line a person sees in their
 * editor).
 *
 * Why not `import/csv-parser.ts`: that parser reads the rest of the file into one field when a quote
 * is never closed, as RFC 4180 says, which on a 5 GB roster means unbounded memory and every later
 * person lost. Here a record may hold at most `MAX_ROSTER_RECORD_CHARS`: a quote still open past that (or at
 * the end of the input) makes the record's first line malformed, and reading starts again on the next
 * physical line, so one stray `"` costs one row.
 *
 * Accepted: `,` separators, `"` quoting with `""` inside, line breaks inside quotes, a UTF-8 BOM, a `"`
 * inside an unquoted field (kept). Blank rows, and rows whose cells are all blank (`,,,` as
 * spreadsheets write them), are skipped. Malformed: text after a closing quote (`"a"b`), an unclosed
 * quote, a record over the size limit.
 */
export type RosterCsvRecord =
  | { kind: 'row'; line: number; cells: string[] }
  | { kind: 'malformed'; line: number; message: string; cells?: string[] };

export const MAX_ROSTER_RECORD_CHARS = 256 * 1024;

export const ROSTER_UNTERMINATED_QUOTE =
  'a quoted field that starts on this line is never closed (a stray "?): the row is skipped and reading goes on with the next line';
export const ROSTER_TEXT_AFTER_QUOTE = 'text follows a closing quote: quote the whole field and double any " inside it';
export const ROSTER_RECORD_TOO_LONG = `the row is longer than ${MAX_ROSTER_RECORD_CHARS / 1024} KiB: skipped`;

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;

/** Line breaks in a piece of text: CRLF, LF and a lone CR count one each. */
const lineBreaksIn = (text: string): number => {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
};

const hasLineBreak = (text: string): boolean => text.includes('\n') || text.includes('\r');

/** The result of reading one record from a position: complete, or more text is needed. */
type Scan = { cells: string[]; next: number; lineBreaks: number; error: string | null } | 'incomplete';

/** Index just after the line break at `i` (CR, LF or CRLF), or -1 when a CR ends the text we have. */
const afterBreak = (s: string, i: number, isEnd: boolean): number => {
  if (s.charCodeAt(i) === CR) {
    if (i + 1 < s.length) return s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    return isEnd ? i + 1 : -1;
  }
  return i + 1;
};

const scanRecord = (s: string, start: number, isEnd: boolean): Scan => {
  const n = s.length;
  const cells: string[] = [];
  let lineBreaks = 0;
  let error: string | null = null;
  let i = start;
  for (;;) {
    let value: string;
    if (i < n && s.charCodeAt(i) === QUOTE) {
      value = '';
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q === -1) return 'incomplete';
        value += s.slice(j, q);
        if (q + 1 >= n && !isEnd) return 'incomplete';
        if (s.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      if (hasLineBreak(value)) lineBreaks += lineBreaksIn(value);
      if (i < n) {
        const c = s.charCodeAt(i);
        if (c !== COMMA && c !== CR && c !== LF) {
          // `"a"b`: keep reading the rest as unquoted text, and report the record.
          error ??= ROSTER_TEXT_AFTER_QUOTE;
          let j = i;
          while (j < n) {
            const d = s.charCodeAt(j);
            if (d === COMMA || d === CR || d === LF) break;
            j++;
          }
          if (j >= n && !isEnd) return 'incomplete';
          value += s.slice(i, j);
          i = j;
        }
      }
    } else {
      let j = i;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (c === COMMA || c === CR || c === LF) break;
        j++;
      }
      if (j >= n && !isEnd) return 'incomplete';
      value = s.slice(i, j);
      i = j;
    }
    cells.push(value);
    if (i >= n) return { cells, next: n, lineBreaks, error };
    if (s.charCodeAt(i) === COMMA) {
      i++;
      continue;
    }
    const next = afterBreak(s, i, isEnd);
    if (next === -1) return 'incomplete';
    return { cells, next, lineBreaks: lineBreaks + 1, error };
  }
};

/** The first line break at or after `from`, or -1. */
const nextBreak = (s: string, from: number): number => {
  const lf = s.indexOf('\n', from);
  const cr = s.indexOf('\r', from);
  if (lf === -1) return cr;
  if (cr === -1) return lf;
  return Math.min(lf, cr);
};

const isBlank = (cells: readonly string[]): boolean => {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
};

export class RosterCsvTokenizer {
  #pending = '';
  /** The physical line on which `#pending` starts. */
  #line = 1;
  #isBomChecked = false;
  /** Inside a line that is being dropped (too long): text is discarded up to the next line break. */
  #isSkippingLine = false;

  /** Reads the next piece of text; completed records are appended to `out`. */
  push(chunk: string, out: RosterCsvRecord[]): void {
    let text = chunk;
    if (!this.#isBomChecked && text.length > 0) {
      this.#isBomChecked = true;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    this.#pending = this.#pending.length > 0 ? this.#pending + text : text;
    this.#drain(out, false);
  }

  /** Ends the input: the last record, or the malformed one whose quote was never closed. */
  end(out: RosterCsvRecord[]): void {
    this.#drain(out, true);
    this.#pending = '';
  }

  #drain(out: RosterCsvRecord[], isEnd: boolean): void {
    const s = this.#pending;
    let pos = 0;
    while (pos < s.length) {
      if (this.#isSkippingLine) {
        const b = nextBreak(s, pos);
        if (b === -1) {
          pos = s.length;
          break;
        }
        const after = afterBreak(s, b, isEnd);
        if (after === -1) break;
        this.#isSkippingLine = false;
        this.#line++;
        pos = after;
        continue;
      }
      const scan = scanRecord(s, pos, isEnd);
      if (scan === 'incomplete') {
        if (!isEnd && s.length - pos <= MAX_ROSTER_RECORD_CHARS) break;
        // An unclosed quote (at the end, or past the size limit), or a line too long: report the first
        // line of the record, and read again from the line after it.
        const isQuoteOpen = this.#isQuoteOpen(s, pos);
        out.push({
          kind: 'malformed',
          line: this.#line,
          message: isQuoteOpen ? ROSTER_UNTERMINATED_QUOTE : ROSTER_RECORD_TOO_LONG,
        });
        const b = nextBreak(s, pos);
        const after = b === -1 ? -1 : afterBreak(s, b, isEnd);
        if (after === -1) {
          // The record's first line has not ended yet: drop what we have and skip to its end.
          this.#isSkippingLine = !isEnd;
          pos = s.length;
          break;
        }
        this.#line++;
        pos = after;
        continue;
      }
      const line = this.#line;
      this.#line += scan.lineBreaks;
      pos = scan.next;
      if (scan.error) out.push({ kind: 'malformed', line, message: scan.error, cells: scan.cells });
      else if (!isBlank(scan.cells)) out.push({ kind: 'row', line, cells: scan.cells });
    }
    this.#pending = pos === 0 ? s : s.slice(pos);
  }

  /** Whether reading from `start` to the end of `s` leaves a quoted field open. */
  #isQuoteOpen(s: string, start: number): boolean {
    let isQuoted = false;
    let atFieldStart = true;
    for (let i = start; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (isQuoted) {
        if (c === QUOTE) {
          if (s.charCodeAt(i + 1) === QUOTE) i++;
          else isQuoted = false;
        }
      } else if (c === QUOTE && atFieldStart) {
        isQuoted = true;
      } else if (c === CR || c === LF) {
        return false;
      }
      atFieldStart = !isQuoted && (c === COMMA || c === CR || c === LF);
    }
    return isQuoted;
  }
}
