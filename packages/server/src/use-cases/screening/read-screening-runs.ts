import { isCalendarDate, type PathwayId, type ScreeningRunBody, type ScreeningStatus } from '@redress/core';
import {
  compareScreeningRuns as compareRuns,
  countScreeningResults,
  listScreeningRowErrors,
  listScreeningResults as queryResults,
  listScreeningRuns as queryRuns,
  SCREENING_RESULT_SORT_KEYS,
  type ScreeningResultFilter,
  type ScreeningResultSort,
  screeningResultSortValues,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { decodeCursor, encodeCursor, isTextPart, isTimestampPart, isUuidPart } from '../matters/list-cursor.js';
import { authorizeScreeningRuns, loadScreeningRun } from './screening-access.js';
import { presentScreeningResult, presentScreeningRun } from './screening-presenters.js';

/** Screening runs, newest first. */
export const listScreeningRuns = async (
  deps: AppDeps,
  ctx: RequestContext,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: ScreeningRunBody[]; nextCursor: string | null }> => {
  authorizeScreeningRuns(ctx);
  const after = decodeCursor(query.cursor, [isTimestampPart, isUuidPart]);
  const rows = await queryRuns(deps.database.db, {
    ...(after ? { after: { createdAt: after[0] ?? '', id: after[1] ?? '' } } : {}),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentScreeningRun),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
  };
};

/** One run with its progress (bytes read, people screened, row errors) and, once done, its summary. */
export const getScreeningRun = async (deps: AppDeps, ctx: RequestContext, id: string) =>
  presentScreeningRun(await loadScreeningRun(deps.database.db, ctx, id));

export type ScreeningResultQuery = ScreeningResultFilter & {
  limit: number;
  cursor?: string | undefined;
  sort: ScreeningResultSort;
};

/** A cursor part of the results list: a sort value, or '' for an unknown date. */
const isResultPart = (v: string) => v === '' || isCalendarDate(v) || isTextPart(v);

/**
 * A page of a run's results, filtered by pathway, status, eligible-by date and name or id, sorted
 * (by default) by eligible-from date, unknown dates last, then subject. Keyset pages: a page deep in
 * a large run costs what the first does.
 */
export const listScreeningResults = async (
  deps: AppDeps,
  ctx: RequestContext,
  runId: string,
  query: ScreeningResultQuery,
) => {
  const db = deps.database.db;
  const run = await loadScreeningRun(db, ctx, runId);
  const keys = SCREENING_RESULT_SORT_KEYS[query.sort];
  const decoded = decodeCursor(
    query.cursor,
    keys.map(() => isResultPart),
  );
  const after = decoded?.map((v, i) => (v === '' && keys[i]?.column === 'eligible_from' ? null : v));
  const filter: ScreeningResultFilter = {
    ...(query.pathway ? { pathway: query.pathway } : {}),
    ...(query.statuses?.length ? { statuses: query.statuses } : {}),
    ...(query.eligibleBy ? { eligibleBy: query.eligibleBy } : {}),
    ...(query.q ? { q: query.q } : {}),
  };
  const rows = await queryResults(db, run.id, {
    filter,
    sort: query.sort,
    ...(after ? { after } : {}),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentScreeningResult),
    total: totalFromSummary(run.summary, filter) ?? (await countScreeningResults(db, run.id, filter)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(screeningResultSortValues(query.sort, last).map((v) => v ?? ''))
        : null,
  };
};

/** A finished run's summary counts results by pathway and status: a total with no other filter needs no count. */
const totalFromSummary = (summary: Record<string, unknown> | null, filter: ScreeningResultFilter): number | null => {
  const byPathway = summary?.byPathway as Record<string, Record<string, number>> | undefined;
  if (!byPathway || filter.eligibleBy || filter.q) return null;
  let total = 0;
  for (const [pathway, statuses] of Object.entries(byPathway)) {
    if (filter.pathway && pathway !== filter.pathway) continue;
    for (const [status, n] of Object.entries(statuses)) {
      if (filter.statuses?.length && !filter.statuses.includes(status)) continue;
      total += n;
    }
  }
  return total;
};

/** Rows listed by the errors endpoint (the run keeps the first 10,000; `total` counts them all). */
export const ROW_ERRORS_LISTED = 1000;

/** The roster's malformed rows, by line. */
export const listScreeningErrors = async (deps: AppDeps, ctx: RequestContext, runId: string) => {
  const db = deps.database.db;
  const run = await loadScreeningRun(db, ctx, runId);
  const rows = await listScreeningRowErrors(db, run.id, ROW_ERRORS_LISTED);
  return {
    items: rows.map((r) => ({ line: r.line, subjectId: r.subject_id, message: r.message })),
    total: run.row_errors,
  };
};

/** Who is new, who changed and who is gone since an earlier run, per person and pathway. */
export const compareScreeningRuns = async (
  deps: AppDeps,
  ctx: RequestContext,
  runId: string,
  query: { with: string; limit: number },
) => {
  const db = deps.database.db;
  const run = await loadScreeningRun(db, ctx, runId);
  const earlier = await loadScreeningRun(db, ctx, query.with);
  const { counts, items } = await compareRuns(db, run.id, earlier.id, query.limit);
  const side = (status: string | null, eligibleFrom: string | null) =>
    status === null ? null : { status: status as ScreeningStatus, eligible_from: eligibleFrom };
  return {
    counts,
    items: items.map((c) => ({
      subjectId: c.subject_id,
      name: c.name,
      pathway: c.pathway as PathwayId,
      kind: c.kind,
      before: side(c.before_status, c.before_eligible_from),
      after: side(c.after_status, c.after_eligible_from),
    })),
  };
};
