import { csvRow } from '../../case-file/spreadsheet-cells.js';
import type { PathwayResult, ScreeningOutcome } from '../rule-types.js';

/**
 * Results written as screening-format.md says: JSON Lines, one object per person
 * (`{ id, as_of, results: [{ pathway, status, eligible_from, rule_ids, reasons, citations, ... }] }`),
 * or CSV, one row per person and pathway. Writers are pure: they turn an outcome into text, and the
 * caller writes it where it goes.
 */
export type RosterOutputFormat = 'jsonl' | 'csv';

export type RosterOutputWriter = {
  /** Text before the first person (the CSV header row). */
  start(): string;
  /** One person's results. */
  write(outcome: ScreeningOutcome): string;
};

const resultJson = (r: PathwayResult): Record<string, unknown> => {
  const out: Record<string, unknown> = {
    pathway: r.pathway,
    status: r.status,
    eligible_from: r.eligible_from,
    rule_ids: r.rule_ids,
    reasons: r.reasons,
    citations: r.citations,
    missing_facts: r.missing_facts,
  };
  if (r.dates && Object.keys(r.dates).length > 0) out.dates = r.dates;
  if (r.flags?.length) out.flags = r.flags;
  if (r.overlays?.length) out.overlays = r.overlays;
  if (r.trace) out.trace = r.trace;
  return out;
};

/** One person as a line of JSON Lines, keys in the order of the format. */
export const outcomeJsonLine = (outcome: ScreeningOutcome): string => {
  const out: Record<string, unknown> = {
    id: outcome.id,
    as_of: outcome.as_of,
    results: outcome.results.map(resultJson),
  };
  if (outcome.warnings?.length) out.warnings = outcome.warnings;
  return `${JSON.stringify(out)}\n`;
};

export const ROSTER_CSV_COLUMNS = [
  'id',
  'as_of',
  'pathway',
  'status',
  'eligible_from',
  'rule_ids',
  'reasons',
  'citations',
  'missing_facts',
  'warnings',
] as const;

/** Lists in a CSV cell. */
export const CSV_LIST_SEPARATOR = ' | ';

const list = (values: readonly string[] | undefined): string => (values ?? []).join(CSV_LIST_SEPARATOR);

/**
 * One person as CSV rows, one per pathway (a person with no pathway in the run still has a row, so no
 * one disappears from the sheet). Cells are made safe to open in a spreadsheet (no formulas).
 */
export const outcomeCsvRows = (outcome: ScreeningOutcome): string => {
  const warnings = list(outcome.warnings);
  if (outcome.results.length === 0) return csvRow([outcome.id, outcome.as_of, '', '', '', '', '', '', '', warnings]);
  let text = '';
  for (const r of outcome.results) {
    text += csvRow([
      outcome.id,
      outcome.as_of,
      r.pathway,
      r.status,
      r.eligible_from ?? '',
      list(r.rule_ids),
      list(r.reasons),
      list(r.citations),
      list(r.missing_facts),
      warnings,
    ]);
  }
  return text;
};

export const rosterOutputWriter = (format: RosterOutputFormat): RosterOutputWriter =>
  format === 'csv'
    ? { start: () => csvRow(ROSTER_CSV_COLUMNS), write: outcomeCsvRows }
    : { start: () => '', write: outcomeJsonLine };

/** The output format a file name asks for (`.jsonl`, `.ndjson`, `.json`, `.csv`), or null. */
export const rosterOutputFormatOf = (fileName: string): RosterOutputFormat | null => {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson') || lower.endsWith('.json')) return 'jsonl';
  return null;
};
