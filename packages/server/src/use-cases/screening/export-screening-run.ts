import { type PathwayResult, rosterOutputWriter, type ScreeningOutcome } from '@redress/core';
import { pageScreeningResultsForExport, type ScreeningResultRow } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import type { ExportDownload } from '../imports/export-list.js';
import { authorizeWorkspace } from '../policy.js';
import { loadScreeningRun } from './screening-access.js';

const outcomeOf = (rows: readonly ScreeningResultRow[], asOf: string): ScreeningOutcome => {
  const warnings = (rows[0]?.result.warnings as string[] | undefined) ?? [];
  const outcome: ScreeningOutcome = {
    id: rows[0]?.subject_id ?? '',
    as_of: asOf,
    results: rows.map((r) => {
      const { warnings: _w, ...result } = r.result;
      return result as unknown as PathwayResult;
    }),
  };
  if (warnings.length) outcome.warnings = warnings;
  return outcome;
};

/**
 * A run's results as a file, in the format of screening-format.md (the CLI writes the same): JSON
 * Lines, one person per line, or CSV, one row per person and pathway. Exporting needs `data.export`
 * and is audited before the first byte goes out; the file is produced page by page as it is sent.
 */
export const exportScreeningRun = async (
  deps: AppDeps,
  ctx: RequestContext,
  runId: string,
  format: 'csv' | 'jsonl',
): Promise<ExportDownload> => {
  authorizeWorkspace(ctx, 'data.export');
  const db = deps.database.db;
  const run = await loadScreeningRun(db, ctx, runId);
  await inTransaction(deps, ctx, (_tx, audit) =>
    audit({
      action: 'screening_run.exported',
      entityType: 'screening_run',
      entityId: run.id,
      details: { runId: run.id, name: run.name, format, people: run.people_screened },
    }),
  );
  const writer = rosterOutputWriter(format);
  async function* chunks(): AsyncGenerator<string> {
    const head = writer.start();
    if (head) yield head;
    let person: ScreeningResultRow[] = [];
    for await (const page of pageScreeningResultsForExport(db, run.id)) {
      let text = '';
      for (const row of page) {
        if (person.length > 0 && person[0]?.subject_id !== row.subject_id) {
          text += writer.write(outcomeOf(person, run.as_of));
          person = [];
        }
        person.push(row);
      }
      if (text) yield text;
    }
    if (person.length > 0) yield writer.write(outcomeOf(person, run.as_of));
  }
  const safeName = run.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'screening';
  return {
    filename: `${safeName}-results.${format}`,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    rowCount: run.people_screened,
    chunks: chunks(),
  };
};
