import { z } from 'zod';
import { ScreeningConviction, ScreeningSubject } from '../screening-subject.js';

/**
 * The columns a CSV roster may have, derived from the roster record's schema so that a field added to
 * `ScreeningSubject` is a column at once: the person's fields by their dotted path (`person.dob`,
 * `custody.custody_start`, `medical.diagnosis`), a conviction's fields by their own name (`statute`,
 * `sentence_type`, `victim.peace_officer`; `conviction.statute` is read too).
 *
 * Cells: blank is unknown; booleans are true/false, yes/no, y/n or 1/0; lists (`enhancements`,
 * `findings`, `sentencing_schemes`...) are separated by `;` or `|`, and `none` (or `[]`) is an empty list; lists of objects
 * (`custody.prior_custody_periods`, `pending_litigation`) and `prior_404_motion` may be written as JSON.
 */
export type RosterColumnKind = 'text' | 'bool' | 'number' | 'list' | 'json' | 'bool_or_text';

export type RosterColumn = {
  name: string;
  level: 'person' | 'conviction';
  path: readonly string[];
  kind: RosterColumnKind;
};

const unwrap = (schema: z.ZodType): z.ZodType => {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
};

const kindOf = (schema: z.ZodType): RosterColumnKind | 'object' => {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) return 'object';
  if (s instanceof z.ZodBoolean) return 'bool';
  if (s instanceof z.ZodNumber) return 'number';
  if (s instanceof z.ZodArray) {
    const element = unwrap(s.element as z.ZodType);
    return element instanceof z.ZodString || element instanceof z.ZodEnum ? 'list' : 'json';
  }
  if (s instanceof z.ZodUnion) {
    return (s.options as z.ZodType[]).some((o) => unwrap(o) instanceof z.ZodBoolean) ? 'bool_or_text' : 'text';
  }
  return 'text';
};

const columnsOf = (
  shape: Record<string, z.ZodType>,
  level: RosterColumn['level'],
  prefix: readonly string[],
  out: RosterColumn[],
): void => {
  for (const [key, schema] of Object.entries(shape)) {
    if (level === 'person' && prefix.length === 0 && key === 'convictions') continue;
    const path = [...prefix, key];
    const kind = kindOf(schema);
    if (kind === 'object' && path.length < 3) {
      const inner = unwrap(schema) as z.ZodObject;
      const objectPath = path;
      const before = out.length;
      columnsOf(inner.shape as Record<string, z.ZodType>, level, objectPath, out);
      // An object of one required enum (`prior_404_motion: { outcome }`) is also a column of its own, as JSON.
      if (out.length === before) out.push({ name: path.join('.'), level, path, kind: 'json' });
    } else {
      out.push({ name: path.join('.'), level, path, kind: kind === 'object' ? 'json' : kind });
    }
  }
};

const buildColumns = (): ReadonlyMap<string, RosterColumn> => {
  const list: RosterColumn[] = [];
  columnsOf(ScreeningSubject.shape as Record<string, z.ZodType>, 'person', [], list);
  columnsOf(ScreeningConviction.shape as Record<string, z.ZodType>, 'conviction', [], list);
  const map = new Map<string, RosterColumn>();
  for (const c of list) {
    map.set(c.name, c);
    if (c.level === 'conviction') {
      map.set(`conviction.${c.name}`, c);
      map.set(`convictions.${c.name}`, c);
    }
  }
  return map;
};

let columns: ReadonlyMap<string, RosterColumn> | null = null;

/** The known CSV columns by header name (lower case). */
export const rosterColumns = (): ReadonlyMap<string, RosterColumn> => {
  columns ??= buildColumns();
  return columns;
};

/** A header cell as matched against the column names: trimmed, lower case, spaces as `_`. */
export const normaliseRosterHeader = (header: string): string => header.trim().toLowerCase().replace(/\s+/g, '_');

const TRUE = new Set(['true', 'yes', 'y', '1', 't']);
const FALSE = new Set(['false', 'no', 'n', '0', 'f']);
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const LIST_SEPARATOR = /[;|]/;

/** Why a cell could not be read as its column's type. */
export class CellError {
  constructor(readonly message: string) {}
}

/** A cell read as its column's type: `undefined` when blank, a `CellError` when it cannot be read. */
export const readCell = (kind: RosterColumnKind, raw: string): unknown => {
  const text = raw.trim();
  if (text === '') return undefined;
  switch (kind) {
    case 'text':
      return text;
    case 'bool':
    case 'bool_or_text': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      return kind === 'bool_or_text'
        ? text
        : new CellError(`expected true/false, yes/no or 1/0, got "${text.slice(0, 40)}"`);
    }
    case 'number':
      return NUMBER.test(text) ? Number(text) : new CellError(`expected a number, got "${text.slice(0, 40)}"`);
    case 'list':
      // An empty list said on purpose ("no sentencing schemes"), as opposed to a blank (unknown).
      if (text === '[]' || text.toLowerCase() === 'none') return [];
      return text
        .split(LIST_SEPARATOR)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return new CellError('expected JSON');
      }
  }
};

/** Sets `value` at `path` in `target`, making the objects on the way. */
export const setPath = (target: Record<string, unknown>, path: readonly string[], value: unknown): void => {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string;
    let child = node[key];
    if (child === null || typeof child !== 'object' || Array.isArray(child)) {
      child = {};
      node[key] = child;
    }
    node = child as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
};
