import type { ScreeningSubject } from '../screening-subject.js';
import {
  CellError,
  normaliseRosterHeader,
  type RosterColumn,
  readCell,
  rosterColumns,
  setPath,
} from './roster-columns.js';
import type { RosterCsvRecord } from './roster-csv-tokenizer.js';
import { issuePath, type RosterRowError, validateRosterRecord } from './roster-record.js';

/**
 * The rows of a CSV roster made into people. One row per conviction, the person's columns repeated;
 * consecutive rows with the same `id` are one person. Rows of a person must be consecutive (the roster
 * is read as a stream, and only the current person is held): the same id again after other people is
 * reported as a duplicate. A person's columns are read from their first row, a blank filled from a
 * later row; a later row that says otherwise is kept as a warning on the person's result.
 *
 * A person with any row that cannot be read (a wrong number of fields, a cell of the wrong type, a
 * field the format rejects) is not screened: every such row is reported, and a person is screened only
 * from a complete record.
 */
export type CsvPerson =
  | { ok: true; id: string; line: number; subject: ScreeningSubject; warnings: string[] }
  | { ok: false; id: string; line: number; errors: RosterRowError[] };

export type CsvHeaderResult =
  | { ok: true; notices: string[] }
  | { ok: false; message: string }
  /** The first record could not be read as a header at all. */
  | { ok: false; malformed: true; message: string };

/** The rows of one person as read, before they are made into a record (which a worker thread may do). */
export type CsvPersonRows = {
  id: string;
  line: number;
  rows: { line: number; cells: string[] }[];
  errors: RosterRowError[];
};
type Group = CsvPersonRows;

/** The header's cells read as roster columns (null for a column ignored). */
export const csvColumnsOf = (headerCells: readonly string[]) => {
  const known = rosterColumns();
  const names = headerCells.map(normaliseRosterHeader);
  const unknown: string[] = [];
  const repeated: string[] = [];
  const seen = new Set<string>();
  const columns = names.map((name, i): RosterColumn | null => {
    const column = known.get(name) ?? null;
    if (!column) {
      if (name !== '' && name !== 'id') unknown.push(headerCells[i]?.trim() ?? name);
      return null;
    }
    if (seen.has(column.name)) {
      repeated.push(column.name);
      return null;
    }
    seen.add(column.name);
    return column;
  });
  return { columns, idIndex: names.indexOf('id'), unknown, repeated };
};

const fieldCount = (n: number) => `${n} field${n === 1 ? '' : 's'}`;

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

const getPath = (target: Record<string, unknown>, path: readonly string[]): unknown => {
  let node: unknown = target;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
};

const shown = (value: unknown) => (typeof value === 'string' ? `"${value.slice(0, 40)}"` : JSON.stringify(value));

export class RosterCsvGrouper {
  #idIndex = -1;
  #width = 0;
  #headerCells: string[] = [];
  #group: Group | null = null;
  #orphans: RosterRowError[] = [];

  /** The header row's cells, once read. */
  get headerCells(): readonly string[] {
    return this.#headerCells;
  }

  /** Reads the header row; fails when it has no `id` column (then the file is not a CSV roster). */
  header(record: RosterCsvRecord): CsvHeaderResult {
    if (record.kind === 'malformed') return { ok: false, malformed: true, message: record.message };
    const { idIndex, unknown, repeated } = csvColumnsOf(record.cells);
    if (idIndex === -1) {
      const preview = record.cells
        .join(',')
        .replace(/\p{Cc}/gu, '?')
        .slice(0, 80);
      return { ok: false, message: `the first line has no "id" column (it reads "${preview}")` };
    }
    this.#idIndex = idIndex;
    this.#width = record.cells.length;
    this.#headerCells = record.cells;
    const notices: string[] = [];
    if (unknown.length > 0) notices.push(`columns ignored (not in the roster format): ${unknown.join(', ')}`);
    if (repeated.length > 0) notices.push(`columns repeated (the first is read): ${repeated.join(', ')}`);
    return { ok: true, notices };
  }

  /** Takes the next record; returns the person it completed, if any. */
  row(record: RosterCsvRecord, out: (CsvPersonRows | RosterRowError)[]): void {
    const id = record.cells?.[this.#idIndex]?.trim() ?? '';
    if (record.kind === 'malformed' || record.cells.length !== this.#width) {
      const message =
        record.kind === 'malformed'
          ? record.message
          : `${fieldCount(record.cells.length)} where the header has ${this.#width}: the row is skipped`;
      const error: RosterRowError = { line: record.line, id: id || null, message };
      if (id === '') {
        this.#orphan(error, out);
        return;
      }
      this.#groupFor(id, record.line, out).errors.push(error);
      return;
    }
    if (id === '') {
      this.#orphan({ line: record.line, id: null, message: 'id: Required' }, out);
      return;
    }
    this.#groupFor(id, record.line, out).rows.push({ line: record.line, cells: record.cells });
  }

  /** Ends the input: the last person. */
  end(out: (CsvPersonRows | RosterRowError)[]): void {
    this.#close(out);
  }

  /** A row that belongs to no one we can name: reported after the current person, in line order. */
  #orphan(error: RosterRowError, out: (CsvPersonRows | RosterRowError)[]): void {
    if (this.#group) this.#orphans.push(error);
    else out.push(error);
  }

  #close(out: (CsvPersonRows | RosterRowError)[]): void {
    if (this.#group) out.push(this.#group);
    this.#group = null;
    if (this.#orphans.length > 0) {
      out.push(...this.#orphans);
      this.#orphans = [];
    }
  }

  #groupFor(id: string, line: number, out: (CsvPersonRows | RosterRowError)[]): Group {
    if (this.#group && this.#group.id === id) return this.#group;
    this.#close(out);
    this.#group = { id, line, rows: [], errors: [] };
    return this.#group;
  }
}

/**
 * One person's rows made into a roster record and validated: the person, or every row that is wrong.
 * `columns` is `csvColumnsOf(header).columns`.
 */
export const csvPersonOf = (columns: readonly (RosterColumn | null)[], group: CsvPersonRows): CsvPerson => {
  const errors = [...group.errors];
  const warnings: string[] = [];
  const raw: Record<string, unknown> = {};
  const convictions: Record<string, unknown>[] = [];
  const convictionLines: number[] = [];
  const cellErrors = new Map<number, string[]>();
  for (const row of group.rows) {
    let conviction: Record<string, unknown> | null = null;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i];
      if (!column) continue;
      const value = readCell(column.kind, row.cells[i] ?? '');
      if (value === undefined) continue;
      if (value instanceof CellError) {
        const list = cellErrors.get(row.line) ?? [];
        list.push(`${column.name}: ${value.message}`);
        cellErrors.set(row.line, list);
        continue;
      }
      if (column.level === 'conviction') {
        conviction ??= {};
        setPath(conviction, column.path, value);
        continue;
      }
      const existing = getPath(raw, column.path);
      if (existing === undefined) setPath(raw, column.path, value);
      else if (!sameValue(existing, value)) {
        warnings.push(
          `line ${row.line}: ${column.name} ${shown(value)} differs from the person's first row (kept ${shown(existing)})`,
        );
      }
    }
    if (conviction) {
      convictions.push(conviction);
      convictionLines.push(row.line);
    }
  }
  raw.convictions = convictions;
  for (const [line, messages] of cellErrors) errors.push({ line, id: group.id, message: messages.join('; ') });
  // A person whose only rows could not be read has nothing else to say.
  const result = group.rows.length > 0 ? validateRosterRecord(raw) : null;
  if (result && !result.ok) {
    const byLine = new Map<number, string[]>();
    for (const issue of result.issues) {
      let line = group.line;
      let name = issuePath(issue.path);
      if (issue.path[0] === 'convictions' && typeof issue.path[1] === 'number') {
        line = convictionLines[issue.path[1]] ?? group.line;
        name = issuePath(issue.path.slice(2));
      }
      const list = byLine.get(line) ?? [];
      list.push(`${name}: ${issue.message}`);
      byLine.set(line, list);
    }
    for (const [line, messages] of byLine) errors.push({ line, id: group.id, message: messages.join('; ') });
  }
  if (errors.length > 0 || !result?.ok) {
    errors.sort((a, b) => a.line - b.line);
    return { ok: false, id: group.id, line: group.line, errors };
  }
  return { ok: true, id: group.id, line: group.line, subject: result.subject, warnings };
};
