import {
  guessMapping,
  type ImportReport,
  type ImportView,
  type MatterType,
  stagesOf,
  type ValidationContext,
  withFirstErrors,
} from '@redress/core';
import { type Executor, type ImportRow, listPipelineStageRows } from '@redress/db';
import { z } from 'zod';

/**
 * What an import keeps about itself in `imports.report` (JSON): the file's type, the rows the file
 * itself garbled, the last dry run, and the run (so far, while it runs: with the last line written,
 * so that a run that stopped can continue). Parsed on the way in, like any other input.
 */
const RowErrorSchema = z.object({ line: z.number().int(), field: z.string().nullable(), message: z.string() });
const ReportSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(RowErrorSchema),
});
export const ImportState = z.object({
  fileType: z.enum(['csv', 'xlsx']),
  parseErrors: z.array(RowErrorSchema),
  dryRun: ReportSchema.nullable(),
  run: ReportSchema.extend({ lastLine: z.number().int() }).nullable(),
});
export type ImportState = z.infer<typeof ImportState>;

export const stateOf = (row: ImportRow): ImportState => ImportState.parse(row.report);

/** The mapping saved for the import, or the automatic guess until one is. */
export const mappingOf = (row: ImportRow): Record<string, string | null> =>
  (row.mapping as Record<string, string | null> | null) ?? guessMapping(row.kind, row.header);

/** Errors listed in a response (all of them are counted). */
export const ERRORS_IN_RESPONSE = 100;

const shown = (r: ImportReport | null): ImportReport | null => (r ? withFirstErrors(r, ERRORS_IN_RESPONSE) : null);

export const presentImport = (row: ImportRow): ImportView => {
  const state = stateOf(row);
  const { lastLine: _lastLine, ...run } = state.run ?? { lastLine: 0 };
  return {
    id: row.id,
    kind: row.kind,
    filename: row.filename,
    status: row.status,
    header: row.header,
    mapping: row.mapping as Record<string, string | null> | null,
    suggestedMapping: guessMapping(row.kind, row.header),
    rowCount: row.row_count,
    progress: { rowsDone: row.rows_done, rowsTotal: row.row_count },
    report: state.run ? shown(run as ImportReport) : null,
    dryRunReport: shown(state.dryRun),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
};

/** Today (UTC: the server keeps calendar dates) and the workspace's pipelines, for checking rows. */
export const validationContextOf = async (db: Executor, now: Date): Promise<ValidationContext> => {
  const overrides = (await listPipelineStageRows(db)).map((r) => ({
    matterType: r.matter_type,
    position: r.position,
    name: r.name,
  }));
  const cache = new Map<MatterType, readonly string[]>();
  return {
    today: now.toISOString().slice(0, 10),
    stagesOf: (type) => {
      let stages = cache.get(type);
      if (!stages) {
        stages = stagesOf(type, overrides);
        cache.set(type, stages);
      }
      return stages;
    },
  };
};
