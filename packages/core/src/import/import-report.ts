import type { RowError } from './row-validation.js';

/**
 * What an import did, or (dry run) would do: counts of rows by outcome, and the problems of the rows
 * that failed, each with its line. The counts are exact; the list of errors is capped.
 */
export type ImportReport = {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Every error found, including those past the cap of `errors`. */
  errorCount: number;
  errors: RowError[];
};

export type RowOutcome = 'created' | 'updated' | 'unchanged';

export const MAX_REPORTED_ERRORS = 1000;

export const emptyReport = (): ImportReport => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  failed: 0,
  errorCount: 0,
  errors: [],
});

/** Counts a row that was written (or would be). Mutates and returns the report. */
export const tallyRow = (report: ImportReport, outcome: RowOutcome): ImportReport => {
  report[outcome] += 1;
  return report;
};

/** Counts a failed row and keeps its errors up to the cap. Mutates and returns the report. */
export const tallyFailure = (
  report: ImportReport,
  errors: readonly RowError[],
  maxErrors = MAX_REPORTED_ERRORS,
): ImportReport => {
  report.failed += 1;
  report.errorCount += errors.length;
  for (const e of errors) {
    if (report.errors.length >= maxErrors) break;
    report.errors.push(e);
  }
  return report;
};

/** A copy of the report with at most `max` errors (for a response). */
export const withFirstErrors = (report: ImportReport, max: number): ImportReport => ({
  ...report,
  errors: report.errors.slice(0, max),
});
