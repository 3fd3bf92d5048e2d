import { type DomainError, domainError, type Result } from '../errors.js';
import { IMPORT_FIELDS, type ImportField, type ImportKind, isFieldOf } from './import-fields.js';

/** Which field each column of the file fills: header -> field, or null to leave the column out. */
export type ColumnMapping = Record<string, ImportField | null>;

/** A mapping checked against the file's header: the column index of every mapped field. */
export type ResolvedMapping = {
  kind: ImportKind;
  columns: { field: ImportField; index: number; header: string }[];
  /** Columns in the header: a row with more non-empty cells than this has a stray separator. */
  columnCount: number;
};

/**
 * Headers as people write them, made comparable: "CDCR #", "cdcr_number", "CdcrNumber" and
 * "C.D.C.R. number" all become "cdcr number"; "D.O.B." becomes "d o b".
 */
export const normaliseHeader = (header: string): string =>
  header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Headers made usable as keys: a blank one becomes "Column 3", a repeated one "Notes (2)". */
export const uniqueHeaders = (header: readonly string[]): string[] => {
  const used = new Set<string>();
  return header.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    return name;
  });
};

/**
 * The automatic guess: first every header that names a field outright (its name or label), then
 * the common synonyms ("DOB", "Name", "CDCR #"). Each field takes one column; the rest map to null.
 */
export const guessMapping = (kind: ImportKind, header: readonly string[]): ColumnMapping => {
  const fields = IMPORT_FIELDS[kind];
  const mapping: ColumnMapping = Object.fromEntries(header.map((h) => [h, null]));
  const taken = new Set<ImportField>();
  const passes: ((f: (typeof fields)[number]) => string[])[] = [
    (f) => [normaliseHeader(f.name), normaliseHeader(f.label)],
    (f) => f.synonyms.map(normaliseHeader),
  ];
  for (const namesOf of passes) {
    for (const h of header) {
      if (mapping[h] !== null) continue;
      const normal = normaliseHeader(h);
      const match = fields.find((f) => !taken.has(f.name) && namesOf(f).includes(normal));
      if (match) {
        mapping[h] = match.name;
        taken.add(match.name);
      }
    }
  }
  return mapping;
};

/** Checks a mapping against the header and the kind's fields; every problem is named in the details. */
export const resolveMapping = (
  kind: ImportKind,
  header: readonly string[],
  mapping: Readonly<Record<string, string | null>>,
): Result<ResolvedMapping, DomainError> => {
  const details: Record<string, string> = {};
  const columns: ResolvedMapping['columns'] = [];
  const fromColumn = new Map<ImportField, string>();
  for (const [h, f] of Object.entries(mapping)) {
    const index = header.indexOf(h);
    if (index < 0) {
      details[`mapping.${h}`] = 'No such column in the file';
      continue;
    }
    if (f === null) continue;
    if (!isFieldOf(kind, f)) {
      details[`mapping.${h}`] = `Unknown field "${f}" for ${kind}`;
      continue;
    }
    const other = fromColumn.get(f);
    if (other !== undefined) {
      details[`mapping.${h}`] = `Column "${other}" already fills ${f}: map each field from one column`;
      continue;
    }
    fromColumn.set(f, h);
    columns.push({ field: f, index, header: h });
  }
  for (const f of IMPORT_FIELDS[kind]) {
    if (f.isRequired && !fromColumn.has(f.name)) details[`field.${f.name}`] = 'Map a column to this required field';
  }
  if (Object.keys(details).length > 0) {
    return {
      ok: false,
      error: domainError(
        'unprocessable',
        'import.mapping_invalid',
        'The column mapping does not fit the file',
        details,
      ),
    };
  }
  return { ok: true, value: { kind, columns, columnCount: header.length } };
};
