import {
  type CsvRecord,
  createRowValidator,
  DuplicateIdFinder,
  duplicateIdError,
  emptyReport,
  IDENTIFIER_LABELS,
  type ImportKind,
  type ImportRecordOf,
  type ImportReport,
  MAX_REPORTED_ERRORS,
  type MatterRole,
  type PersonImportRecord,
  type ResolvedMapping,
  type RowError,
  tallyFailure,
  tallyRow,
  type ValidationContext,
} from '@redress/core';
import {
  type ExistingStanding,
  IMPORTED_IDENTIFIER_FIELDS,
  type Importer,
  type Tx,
  type UpsertOutcome,
  upsertContacts,
  upsertMatters,
  upsertPeople,
} from '@redress/db';
import { sql } from 'kysely';
import type { RequestContext } from '../context.js';
import { type AppDeps, type Audit, inTransaction } from '../deps.js';

/**
 * The import runner: validates each row, writes the good ones in batches (one transaction and one
 * audit entry per batch), keeps every bad row with its line and reason, and never loses a good row
 * because of a bad one. The same code runs the upload-map-run flow of the web app and the command
 * line; a dry run goes through the very same writes and rolls each batch back.
 */
export type RowSource = {
  /** The data rows (not the header) in line order, after `afterLine`. Called once per pass. */
  rows(afterLine: number): AsyncIterable<CsvRecord>;
};

export type ImportProgress = { rowsDone: number; rowsTotal: number };

export type ImportRunState = { lastLine: number; rowsDone: number; report: ImportReport };

export type RunImportOptions = {
  kind: ImportKind;
  mapping: ResolvedMapping;
  source: RowSource;
  isDryRun: boolean;
  importer: Importer;
  /** The access policy for records that already exist (see import-access.ts). */
  mayUpdate: (standing: ExistingStanding) => boolean;
  /** The importer's role on the team of each matter the import opens (null: no one joins). */
  teamRoleForNew: MatterRole | null;
  validation: ValidationContext;
  /** For the audit entries: the staged import (null from the command line) and the file's name. */
  importId: string | null;
  filename: string;
  batchSize?: number;
  maxErrors?: number;
  /** Continue after a run that stopped part-way: from its last line, with its report so far. */
  resume?: ImportRunState | null;
  onProgress?: (progress: ImportProgress) => void;
  /** Runs inside each batch's transaction once its rows are written: where a staged import saves its progress. */
  checkpoint?: (tx: Tx, state: ImportRunState) => Promise<void>;
};

export type ImportRunResult = ImportRunState & { rowsTotal: number };

export const DEFAULT_BATCH_SIZE = 500;

type Good = { line: number; record: ImportRecordOf[ImportKind] };
type Batch = { good: Good[]; failed: RowError[][]; firstLine: number; lastLine: number; rows: number };

class DryRunRollback extends Error {
  constructor(readonly outcomes: UpsertOutcome[]) {
    super('dry run: rolled back');
  }
}

const emptyBatch = (): Batch => ({ good: [], failed: [], firstLine: 0, lastLine: 0, rows: 0 });

const copyReport = (r: ImportReport): ImportReport => ({ ...r, errors: [...r.errors] });

/** Why the database refused a row, in words (never the raw driver message). */
const describeRefusal = (e: unknown): string => {
  const code = (e as { code?: string })?.code;
  if (code === '23505') {
    return 'Another record took this external id or identifier while the import ran: import the file again';
  }
  if (code === '23514' || code === '23502' || code === '23503') return 'The database refused this row as inconsistent';
  return 'This row could not be saved';
};

export const runImport = async (
  deps: Pick<AppDeps, 'database' | 'clock' | 'newId' | 'logger'>,
  ctx: RequestContext,
  options: RunImportOptions,
): Promise<ImportRunResult> => {
  const { kind, mapping, source } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxErrors = options.maxErrors ?? MAX_REPORTED_ERRORS;
  const validate = createRowValidator(kind, mapping, options.validation);
  const externalIdColumn = mapping.columns.find((c) => c.field === 'external_id')?.index ?? -1;

  // First pass: every row of the file, for the total and for external ids that appear twice.
  const finder = new DuplicateIdFinder();
  let rowsTotal = 0;
  for await (const row of source.rows(0)) {
    rowsTotal += 1;
    if (row.kind === 'row') finder.add(row.cells[externalIdColumn] ?? '', row.line);
  }
  const duplicates = finder.duplicates();

  let report = options.resume ? copyReport(options.resume.report) : emptyReport();
  let rowsDone = options.resume?.rowsDone ?? 0;
  let lastLine = options.resume?.lastLine ?? 0;
  options.onProgress?.({ rowsDone, rowsTotal });

  // Identifiers given on an earlier row of this file, for another external id (the first row keeps it).
  const claimed = new Map<string, string>();
  const claimIdentifiers = (line: number, p: PersonImportRecord): RowError[] => {
    const errors: RowError[] = [];
    for (const [system, value] of Object.entries(p.identifiers) as [
      keyof typeof IMPORTED_IDENTIFIER_FIELDS,
      string,
    ][]) {
      const key = `${system}:${value}`;
      const holder = claimed.get(key);
      if (holder !== undefined && holder !== p.externalId) {
        errors.push({
          line,
          field: IMPORTED_IDENTIFIER_FIELDS[system],
          message: `This ${IDENTIFIER_LABELS[system]} is also on an earlier row, for external id ${JSON.stringify(holder)}`,
        });
      } else {
        claimed.set(key, p.externalId);
      }
    }
    return errors;
  };

  const upsert = async (tx: Tx, rows: Good[]) => {
    const base = { importer: options.importer, now: deps.clock.now(), newId: deps.newId };
    if (kind === 'people') {
      return {
        outcomes: await upsertPeople(tx, rows as { line: number; record: ImportRecordOf['people'] }[], {
          ...base,
          mayUpdate: options.mayUpdate,
        }),
        peopleReleased: [] as string[],
      };
    }
    if (kind === 'matters') {
      return upsertMatters(tx, rows as { line: number; record: ImportRecordOf['matters'] }[], {
        ...base,
        mayUpdate: options.mayUpdate,
        today: options.validation.today,
        stagesOf: options.validation.stagesOf,
        teamRoleForNew: options.teamRoleForNew,
      });
    }
    return {
      outcomes: await upsertContacts(tx, rows as { line: number; record: ImportRecordOf['contacts'] }[], base),
      peopleReleased: [] as string[],
    };
  };

  /** One row at a time, each behind a savepoint: the fallback when the batch as a whole was refused. */
  const upsertOneByOne = async (tx: Tx, rows: Good[]) => {
    const outcomes: UpsertOutcome[] = [];
    const peopleReleased: string[] = [];
    for (const row of rows) {
      await sql`SAVEPOINT import_row`.execute(tx);
      try {
        const result = await upsert(tx, [row]);
        outcomes.push(...result.outcomes);
        peopleReleased.push(...result.peopleReleased);
        await sql`RELEASE SAVEPOINT import_row`.execute(tx);
      } catch (e) {
        await sql`ROLLBACK TO SAVEPOINT import_row`.execute(tx);
        deps.logger.warn({ err: e, line: row.line, importId: options.importId }, 'import row refused by the database');
        outcomes.push({ line: row.line, outcome: 'failed', errors: [{ field: null, message: describeRefusal(e) }] });
      }
    }
    return { outcomes, peopleReleased };
  };

  const writeBatch = async (batch: Batch, oneByOne: boolean): Promise<ImportReport> =>
    inTransaction(deps, ctx, async (tx: Tx, audit: Audit) => {
      const { outcomes, peopleReleased } = await (oneByOne ? upsertOneByOne(tx, batch.good) : upsert(tx, batch.good));
      if (options.isDryRun) throw new DryRunRollback(outcomes);
      const next = tally(copyReport(report), batch, outcomes);
      const ids = (o: 'created' | 'updated') => outcomes.flatMap((x) => (x.outcome === o ? [x.id] : []));
      await audit({
        action: 'import.batch',
        entityType: 'import',
        entityId: options.importId,
        details: {
          kind,
          filename: options.filename,
          firstLine: batch.firstLine,
          lastLine: batch.lastLine,
          rows: batch.rows,
          created: next.created - report.created,
          updated: next.updated - report.updated,
          unchanged: next.unchanged - report.unchanged,
          failed: next.failed - report.failed,
          createdIds: ids('created'),
          updatedIds: ids('updated'),
          ...(peopleReleased.length > 0 ? { peopleReleased } : {}),
        },
      });
      await options.checkpoint?.(tx, { lastLine: batch.lastLine, rowsDone: rowsDone + batch.rows, report: next });
      return next;
    });

  const tally = (into: ImportReport, batch: Batch, outcomes: UpsertOutcome[]): ImportReport => {
    // Failures in line order: those found before writing and those the writes refused.
    const failures = [
      ...batch.failed,
      ...outcomes.flatMap((o) =>
        o.outcome === 'failed' ? [o.errors.map((e) => ({ line: o.line, field: e.field, message: e.message }))] : [],
      ),
    ].sort((a, b) => (a[0]?.line ?? 0) - (b[0]?.line ?? 0));
    for (const o of outcomes) if (o.outcome !== 'failed') tallyRow(into, o.outcome);
    for (const errors of failures) tallyFailure(into, errors, maxErrors);
    return into;
  };

  const flush = async (batch: Batch) => {
    if (batch.rows === 0) return;
    try {
      report = await writeBatch(batch, false);
    } catch (e) {
      if (e instanceof DryRunRollback) {
        report = tally(report, batch, e.outcomes);
      } else {
        // A database refusal the checks did not foresee (a row written meanwhile by someone else):
        // write the batch again row by row, so only the refused rows fail.
        deps.logger.warn({ err: e, importId: options.importId }, 'import batch refused; retrying row by row');
        try {
          report = await writeBatch(batch, true);
        } catch (again) {
          if (!(again instanceof DryRunRollback)) throw again;
          report = tally(report, batch, again.outcomes);
        }
      }
    }
    rowsDone += batch.rows;
    lastLine = batch.lastLine;
    options.onProgress?.({ rowsDone, rowsTotal });
  };

  let batch = emptyBatch();
  for await (const row of source.rows(lastLine)) {
    if (batch.rows === 0) batch.firstLine = row.line;
    batch.lastLine = row.line;
    batch.rows += 1;
    if (row.kind === 'malformed') {
      batch.failed.push([{ line: row.line, field: null, message: row.message }]);
    } else {
      const checked = validate(row);
      if (!checked.ok) {
        batch.failed.push(checked.errors);
      } else {
        const lines = duplicates.get(checked.record.externalId);
        const errors = lines
          ? [duplicateIdError(row.line, checked.record.externalId, lines)]
          : kind === 'people'
            ? claimIdentifiers(row.line, checked.record as PersonImportRecord)
            : [];
        if (errors.length > 0) batch.failed.push(errors);
        else batch.good.push({ line: row.line, record: checked.record });
      }
    }
    if (batch.rows >= batchSize) {
      await flush(batch);
      batch = emptyBatch();
    }
  }
  await flush(batch);
  return { lastLine, rowsDone, rowsTotal, report };
};
