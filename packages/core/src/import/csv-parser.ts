/**
 * A streaming RFC 4180 CSV parser. It is fed text in chunks of any size (a chunk may end inside a
 * quoted field, between a CR and its LF, or right after a BOM) and yields each record with the
 * 1-based line of the file on which the record starts, so an error can name the line a person sees
 * in their editor.
 *
 * What it accepts: `,` separators; fields quoted with `"` and `""` for a quote inside; CRLF, LF or a
 * lone CR between records; line breaks inside quoted fields (kept as written); a UTF-8 byte order
 * mark at the very start. Lenient where spreadsheets are sloppy: a `"` inside an unquoted field is
 * kept as a character (`5" tall`). Blank lines are skipped.
 *
 * What it reports as malformed (the record, with its line, instead of cells): text after a closing
 * quote (`"a"b`), and a quote that is never closed (the rest of the file went into one field).
 */
export type CsvRecord =
  | { kind: 'row'; line: number; cells: string[] }
  | { kind: 'malformed'; line: number; message: string };

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;

/** Between fields (or records), inside an unquoted field, inside a quoted one, just after a quote in one. */
type State = 'field_start' | 'unquoted' | 'quoted' | 'quote_in_quoted';

export const UNTERMINATED_QUOTE =
  'A quoted field that starts on this line is never closed: the rest of the file was read into it (check for a stray ")';
export const TEXT_AFTER_QUOTE = 'Text follows a closing quote: quote the whole field and double any " inside it';

export class CsvParser {
  #state: State = 'field_start';
  #field = '';
  #cells: string[] = [];
  /** The line the scan is on, counting CRLF, LF and a lone CR as one line break each. */
  #line = 1;
  #recordLine = 1;
  #previousWasCr = false;
  #isBomChecked = false;
  #error: string | null = null;

  /** Parses the next piece of text and returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let text = chunk;
    if (!this.#isBomChecked && text.length > 0) {
      this.#isBomChecked = true;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    const n = text.length;
    // Start of the part of the current field that is still in `text` (sliced once, not per character).
    let start = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const lineBefore = this.#line;
      if (c === LF) {
        if (!this.#previousWasCr) this.#line++;
        this.#previousWasCr = false;
      } else if (c === CR) {
        this.#line++;
        this.#previousWasCr = true;
      } else {
        this.#previousWasCr = false;
      }

      switch (this.#state) {
        case 'field_start':
          if (this.#cells.length === 0) this.#recordLine = lineBefore;
          if (c === QUOTE) {
            this.#state = 'quoted';
            start = i + 1;
          } else if (c === COMMA) {
            this.#cells.push('');
          } else if (c === CR || c === LF) {
            this.#endRecord(out);
          } else {
            this.#state = 'unquoted';
            start = i;
          }
          break;
        case 'unquoted':
          if (c === COMMA) {
            this.#cells.push(this.#field + text.slice(start, i));
            this.#field = '';
            this.#state = 'field_start';
          } else if (c === CR || c === LF) {
            this.#field += text.slice(start, i);
            this.#endRecord(out);
          }
          break;
        case 'quoted':
          if (c === QUOTE) {
            this.#field += text.slice(start, i);
            this.#state = 'quote_in_quoted';
          }
          break;
        case 'quote_in_quoted':
          if (c === QUOTE) {
            // An escaped quote: keep one, carry on inside the quoted field.
            this.#state = 'quoted';
            start = i;
          } else if (c === COMMA) {
            this.#cells.push(this.#field);
            this.#field = '';
            this.#state = 'field_start';
          } else if (c === CR || c === LF) {
            this.#endRecord(out);
          } else {
            this.#error ??= TEXT_AFTER_QUOTE;
            this.#state = 'unquoted';
            start = i;
          }
          break;
      }
    }
    if (this.#state === 'unquoted' || this.#state === 'quoted') this.#field += text.slice(start);
    return out;
  }

  /** Ends the input: returns the last record, or the malformed one whose quote was never closed. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.#state === 'quoted') {
      out.push({ kind: 'malformed', line: this.#recordLine, message: UNTERMINATED_QUOTE });
    } else if (this.#state !== 'field_start' || this.#cells.length > 0) {
      this.#endRecord(out);
    }
    this.#state = 'field_start';
    this.#cells = [];
    this.#field = '';
    this.#error = null;
    return out;
  }

  #endRecord(out: CsvRecord[]) {
    this.#cells.push(this.#field);
    const cells = this.#cells;
    this.#cells = [];
    this.#field = '';
    this.#state = 'field_start';
    const error = this.#error;
    this.#error = null;
    if (error) {
      out.push({ kind: 'malformed', line: this.#recordLine, message: error });
      return;
    }
    // A blank line (and the LF of a CRLF, which arrives as an empty record after the CR).
    if (cells.length === 1 && cells[0] === '') return;
    out.push({ kind: 'row', line: this.#recordLine, cells });
  }
}

/** Parses a whole text at once. */
export const parseCsvText = (text: string): CsvRecord[] => {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
};

/** Parses text arriving in chunks (a decoded file stream), yielding records as they complete. */
export async function* parseCsv(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser();
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}
