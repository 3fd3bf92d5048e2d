import { type Insertable, type RawBuilder, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor, Tx } from '../executor.js';
import type { ScreeningResultTable, ScreeningRowErrorTable, ScreeningRunState, ScreeningRunTable } from '../tables.js';

// Screening runs over uploaded rosters: the run, its file (in chunks), its results and its malformed
// rows. Who may see a run is decided by the caller (the `data.import` workspace action): runs are the
// organisation's, not one user's.

export type ScreeningRunRow = Selectable<ScreeningRunTable> & { created_by_name: string | null };
export type ScreeningResultRow = Selectable<ScreeningResultTable>;

/** Rows per INSERT statement: 500 rows of 8 columns stay far below PostgreSQL's 65,535 parameters. */
export const SCREENING_INSERT_CHUNK = 500;

/** Row errors kept per run; `row_errors` counts every one. */
export const MAX_STORED_ROW_ERRORS = 10_000;

const runColumns = (db: Executor) =>
  db
    .selectFrom('screening_runs')
    .leftJoin('users', 'users.id', 'screening_runs.created_by')
    .selectAll('screening_runs')
    .select('users.name as created_by_name');

export const insertScreeningRun = (db: Executor, run: Insertable<ScreeningRunTable>) =>
  db.insertInto('screening_runs').values(run).returning('id').executeTakeFirstOrThrow();

export const findScreeningRun = (db: Executor, id: string): Promise<ScreeningRunRow | undefined> =>
  runColumns(db)
    .where('screening_runs.id', '=', id)
    .where('screening_runs.state', '<>', 'uploading')
    .executeTakeFirst();

/** Runs newest first, a page at a time (keyset on created_at, id); uploads still arriving are not listed. */
export const listScreeningRuns = (
  db: Executor,
  options: { after?: { createdAt: string; id: string }; limit: number },
): Promise<ScreeningRunRow[]> => {
  const after = options.after;
  return runColumns(db)
    .where('screening_runs.state', '<>', 'uploading')
    .$if(after !== undefined, (q) =>
      q.where(
        sql<boolean>`(screening_runs.created_at, screening_runs.id) < (${after?.createdAt ?? ''}::timestamptz, ${after?.id ?? ''}::uuid)`,
      ),
    )
    .orderBy('screening_runs.created_at', 'desc')
    .orderBy('screening_runs.id', 'desc')
    .limit(options.limit)
    .execute();
};

export type ScreeningRunChanges = Updateable<Omit<ScreeningRunTable, 'id' | 'summary'>> & {
  summary?: Record<string, unknown> | null;
};

export const updateScreeningRun = (db: Executor, id: string, changes: ScreeningRunChanges) => {
  const { summary, ...rest } = changes;
  return db
    .updateTable('screening_runs')
    .set({
      ...rest,
      ...(summary !== undefined ? { summary: summary === null ? null : JSON.stringify(summary) } : {}),
    })
    .where('id', '=', id)
    .returning(['id', 'state'])
    .executeTakeFirst();
};

export const deleteScreeningRun = async (db: Executor, id: string): Promise<boolean> => {
  const res = await db.deleteFrom('screening_runs').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
};

// ---- The file ----

export const insertScreeningChunk = (db: Executor, runId: string, seq: number, data: Uint8Array) =>
  db.insertInto('screening_run_chunks').values({ run_id: runId, seq, data }).execute();

/** The roster's bytes in upload order, one chunk in memory at a time. */
export async function* readScreeningChunks(db: Executor, runId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const row = await db
      .selectFrom('screening_run_chunks')
      .select('data')
      .where('run_id', '=', runId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!row) return;
    yield row.data;
  }
}

// ---- The job ----

/**
 * Marks the run as running for this worker, unless another worker holds it: the job writes
 * `heartbeat_at` after every batch, so a run whose worker died is taken over once `staleBefore` has
 * passed. A run that completed, failed, was cancelled or deleted is not claimed (a job delivered twice
 * does nothing the second time).
 */
export const claimScreeningRun = (db: Executor, id: string, now: Date, staleBefore: Date) =>
  db
    .updateTable('screening_runs')
    .set((eb) => ({
      state: 'running' as const,
      heartbeat_at: now,
      started_at: eb.fn.coalesce('started_at', sql<Date>`${now}::timestamptz`),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('state', '=', 'queued'),
        eb.and([
          eb('state', '=', 'running'),
          eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', staleBefore)]),
        ]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();

/** Runs a worker should pick up: queued ones, and running ones whose worker stopped writing its heartbeat. */
export const listScreeningRunsToResume = (db: Executor, staleBefore: Date) =>
  db
    .selectFrom('screening_runs')
    .select(['id', 'state'])
    .where((eb) =>
      eb.or([
        eb('state', '=', 'queued'),
        eb.and([
          eb('state', '=', 'running'),
          eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', staleBefore)]),
        ]),
      ]),
    )
    .orderBy('created_at')
    .limit(100)
    .execute();

/** Uploads that never finished (the browser went away): their chunks go with them. */
export const deleteAbandonedScreeningUploads = async (db: Executor, createdBefore: Date): Promise<number> => {
  const res = await db
    .deleteFrom('screening_runs')
    .where('state', '=', 'uploading')
    .where('created_at', '<', createdBefore)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
};

export type NewScreeningResult = Omit<Insertable<ScreeningResultTable>, 'run_id' | 'result'> & {
  result: Record<string, unknown>;
};
export type NewScreeningRowError = Omit<ScreeningRowErrorTable, 'run_id'>;

export type ScreeningBatch = {
  results: readonly NewScreeningResult[];
  errors: readonly NewScreeningRowError[];
  /** Progress after this batch: the last line whose person is committed, and the counters. */
  progress: { checkpointLine: number; bytesRead: number; peopleScreened: number; rowErrors: number };
  now: Date;
};

/**
 * Writes one batch of results and row errors with the run's progress, in the caller's transaction,
 * so the checkpoint never runs ahead of or behind what is stored. Results are idempotent (a person
 * and pathway already stored is left alone). Returns false when the run is no longer running (deleted
 * or cancelled meanwhile): the caller stops.
 */
export const saveScreeningBatch = async (tx: Tx, runId: string, batch: ScreeningBatch): Promise<boolean> => {
  const run = await tx
    .selectFrom('screening_runs')
    .select(['state', 'row_errors'])
    .where('id', '=', runId)
    .forUpdate()
    .executeTakeFirst();
  if (run?.state !== 'running') return false;
  for (let i = 0; i < batch.results.length; i += SCREENING_INSERT_CHUNK) {
    const chunk = batch.results.slice(i, i + SCREENING_INSERT_CHUNK);
    await tx
      .insertInto('screening_results')
      .values(chunk.map((r) => ({ ...r, run_id: runId, result: JSON.stringify(r.result) })))
      .onConflict((oc) => oc.columns(['run_id', 'subject_id', 'pathway']).doNothing())
      .execute();
  }
  const room = Math.max(0, MAX_STORED_ROW_ERRORS - run.row_errors);
  const errors = batch.errors.slice(0, room);
  for (let i = 0; i < errors.length; i += SCREENING_INSERT_CHUNK) {
    await tx
      .insertInto('screening_row_errors')
      .values(errors.slice(i, i + SCREENING_INSERT_CHUNK).map((e) => ({ ...e, run_id: runId })))
      .execute();
  }
  await tx
    .updateTable('screening_runs')
    .set({
      checkpoint_line: batch.progress.checkpointLine,
      bytes_read: batch.progress.bytesRead,
      people_screened: batch.progress.peopleScreened,
      row_errors: batch.progress.rowErrors,
      heartbeat_at: batch.now,
    })
    .where('id', '=', runId)
    .execute();
  return true;
};

export type ScreeningSummary = {
  byPathway: Record<string, Record<string, number>>;
  eligibleWithin12Months: number;
};

/**
 * People by pathway and status, and how many people have an open result whose eligible-from date
 * falls in (asOf, until]: computed from the stored results, so a resumed run counts each person once.
 */
export const summariseScreeningRun = async (
  db: Executor,
  runId: string,
  window: { asOf: string; until: string; openStatuses: readonly string[] },
): Promise<ScreeningSummary> => {
  const rows = await db
    .selectFrom('screening_results')
    .select(['pathway', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('run_id', '=', runId)
    .groupBy(['pathway', 'status'])
    .orderBy('pathway')
    .orderBy('status')
    .execute();
  const byPathway: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    byPathway[r.pathway] ??= {};
    (byPathway[r.pathway] as Record<string, number>)[r.status] = Number(r.n);
  }
  const soon = await db
    .selectFrom('screening_results')
    .select((eb) => eb.fn.count<number>('subject_id').distinct().as('n'))
    .where('run_id', '=', runId)
    .where('eligible_from', '>', window.asOf)
    .where('eligible_from', '<=', window.until)
    .where('status', 'in', [...window.openStatuses])
    .executeTakeFirst();
  return { byPathway, eligibleWithin12Months: Number(soon?.n ?? 0) };
};

// ---- Reading results ----

export type ScreeningResultFilter = {
  pathway?: string;
  statuses?: readonly string[];
  /** Only results eligible on or before this date. */
  eligibleBy?: string;
  /** Subject id or name contains (case-insensitive). */
  q?: string;
};

export const SCREENING_RESULT_SORT_KEYS = {
  eligible_from: [{ column: 'eligible_from', nullable: true }, { column: 'subject_id' }, { column: 'pathway' }],
  '-eligible_from': [
    { column: 'eligible_from', nullable: true, desc: true },
    { column: 'subject_id' },
    { column: 'pathway' },
  ],
  subject: [{ column: 'subject_id' }, { column: 'pathway' }],
  status: [
    { column: 'status' },
    { column: 'eligible_from', nullable: true },
    { column: 'subject_id' },
    { column: 'pathway' },
  ],
} as const satisfies Record<string, readonly SortKey[]>;
export type ScreeningResultSort = keyof typeof SCREENING_RESULT_SORT_KEYS;

type SortKey = {
  column: 'eligible_from' | 'subject_id' | 'pathway' | 'status';
  /** Unknown dates sort last in both directions. */
  nullable?: boolean;
  desc?: boolean;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

const filterSql = (runId: string, f: ScreeningResultFilter): RawBuilder<boolean> => {
  const parts: RawBuilder<unknown>[] = [sql`r.run_id = ${runId}`];
  if (f.pathway) parts.push(sql`r.pathway = ${f.pathway}`);
  if (f.statuses?.length) parts.push(sql`r.status IN (${sql.join(f.statuses.map((s) => sql`${s}`))})`);
  if (f.eligibleBy) parts.push(sql`r.eligible_from <= ${f.eligibleBy}::date`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    parts.push(sql`(r.subject_id ILIKE ${like} OR r.name ILIKE ${like})`);
  }
  return sql<boolean>`${sql.join(parts, sql` AND `)}`;
};

const sortValue = (key: SortKey, value: string) =>
  key.column === 'eligible_from' ? sql`${value}::date` : sql`${value}`;

/** Rows after the cursor's row in the sort order (nulls last), written out for the planner. */
const afterCursor = (keys: readonly SortKey[], values: readonly (string | null)[], i = 0): RawBuilder<boolean> => {
  const key = keys[i];
  if (!key) return sql<boolean>`false`;
  const col = sql.ref(`r.${key.column}`);
  const rest = afterCursor(keys, values, i + 1);
  const value = values[i] ?? null;
  if (value === null) return key.nullable ? sql<boolean>`(${col} IS NULL AND ${rest})` : sql<boolean>`false`;
  const beyond = sql<boolean>`${col} ${sql.raw(key.desc ? '<' : '>')} ${sortValue(key, value)}`;
  return key.nullable
    ? sql<boolean>`(${beyond} OR ${col} IS NULL OR (${col} = ${sortValue(key, value)} AND ${rest}))`
    : sql<boolean>`(${beyond} OR (${col} = ${sortValue(key, value)} AND ${rest}))`;
};

const orderSql = (keys: readonly SortKey[]) =>
  sql.join(
    keys.map((k) =>
      k.nullable
        ? sql`${sql.ref(`r.${k.column}`)} ${sql.raw(k.desc ? 'DESC' : 'ASC')} NULLS LAST`
        : sql`${sql.ref(`r.${k.column}`)} ${sql.raw(k.desc ? 'DESC' : 'ASC')}`,
    ),
  );

/** The sort values of a row, as the cursor keeps them (null for an unknown date). */
export const screeningResultSortValues = (sort: ScreeningResultSort, row: ScreeningResultRow): (string | null)[] =>
  SCREENING_RESULT_SORT_KEYS[sort].map((k) => row[k.column]);

/** One page of results in the requested order (keyset: `after` holds the last row's sort values). */
export const listScreeningResults = async (
  db: Executor,
  runId: string,
  options: {
    filter: ScreeningResultFilter;
    sort: ScreeningResultSort;
    after?: readonly (string | null)[];
    limit: number;
  },
): Promise<ScreeningResultRow[]> => {
  const keys = SCREENING_RESULT_SORT_KEYS[options.sort];
  const after = options.after ? sql`AND ${afterCursor(keys, options.after)}` : sql``;
  const { rows } = await sql<ScreeningResultRow>`
    SELECT r.* FROM screening_results r
    WHERE ${filterSql(runId, options.filter)} ${after}
    ORDER BY ${orderSql(keys)}
    LIMIT ${options.limit}`.execute(db);
  return rows;
};

export const countScreeningResults = async (
  db: Executor,
  runId: string,
  filter: ScreeningResultFilter,
): Promise<number> => {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM screening_results r WHERE ${filterSql(runId, filter)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
};

/** The stored results of one person in a run (one row per pathway). */
export const listSubjectResults = (db: Executor, runId: string, subjectId: string) =>
  db
    .selectFrom('screening_results')
    .selectAll()
    .where('run_id', '=', runId)
    .where('subject_id', '=', subjectId)
    .orderBy('pathway')
    .execute();

export const listScreeningRowErrors = (db: Executor, runId: string, limit: number) =>
  db
    .selectFrom('screening_row_errors')
    .select(['line', 'subject_id', 'message'])
    .where('run_id', '=', runId)
    .orderBy('line')
    .limit(limit)
    .execute();

/** Every result of a run, a page at a time, by subject then pathway (a person's rows come together). */
export async function* pageScreeningResultsForExport(
  db: Executor,
  runId: string,
  pageSize = 2000,
): AsyncGenerator<ScreeningResultRow[]> {
  let after: { subjectId: string; pathway: string } | null = null;
  for (;;) {
    const cursor: { subjectId: string; pathway: string } | null = after;
    const rows: ScreeningResultRow[] = await db
      .selectFrom('screening_results')
      .selectAll()
      .where('run_id', '=', runId)
      .$if(cursor !== null, (q) =>
        q.where(sql<boolean>`(subject_id, pathway) > (${cursor?.subjectId ?? ''}, ${cursor?.pathway ?? ''})`),
      )
      .orderBy('subject_id')
      .orderBy('pathway')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1] as ScreeningResultRow;
    after = { subjectId: last.subject_id, pathway: last.pathway };
    if (rows.length < pageSize) return;
  }
}

// ---- Comparing two runs ----

export type ScreeningChangeRow = {
  subject_id: string;
  name: string | null;
  pathway: string;
  kind: 'new' | 'changed' | 'gone';
  before_status: string | null;
  before_eligible_from: string | null;
  after_status: string | null;
  after_eligible_from: string | null;
};

const comparison = (runId: string, earlierId: string) => sql`
  FROM (SELECT subject_id, name, pathway, status, eligible_from FROM screening_results WHERE run_id = ${runId}) a
  FULL JOIN (SELECT subject_id, name, pathway, status, eligible_from FROM screening_results WHERE run_id = ${earlierId}) b
    ON a.subject_id = b.subject_id AND a.pathway = b.pathway
  WHERE a.subject_id IS NULL OR b.subject_id IS NULL
    OR a.status <> b.status OR a.eligible_from IS DISTINCT FROM b.eligible_from`;

/**
 * What changed from an earlier run to this one, per person and pathway: `new` (only in this run),
 * `gone` (only in the earlier one), `changed` (status or eligible-from date differ). Counts cover
 * every change; the items are the first `limit` by subject and pathway.
 */
export const compareScreeningRuns = async (
  db: Executor,
  runId: string,
  earlierId: string,
  limit: number,
): Promise<{ counts: { new: number; changed: number; gone: number }; items: ScreeningChangeRow[] }> => {
  const { rows: counted } = await sql<{ new: number; changed: number; gone: number }>`
    SELECT count(*) FILTER (WHERE b.subject_id IS NULL) AS new,
           count(*) FILTER (WHERE a.subject_id IS NOT NULL AND b.subject_id IS NOT NULL) AS changed,
           count(*) FILTER (WHERE a.subject_id IS NULL) AS gone
    ${comparison(runId, earlierId)}`.execute(db);
  const { rows: items } = await sql<ScreeningChangeRow>`
    SELECT coalesce(a.subject_id, b.subject_id) AS subject_id,
           coalesce(a.name, b.name) AS name,
           coalesce(a.pathway, b.pathway) AS pathway,
           CASE WHEN b.subject_id IS NULL THEN 'new' WHEN a.subject_id IS NULL THEN 'gone' ELSE 'changed' END AS kind,
           b.status AS before_status, b.eligible_from AS before_eligible_from,
           a.status AS after_status, a.eligible_from AS after_eligible_from
    ${comparison(runId, earlierId)}
    ORDER BY 1, 3
    LIMIT ${limit}`.execute(db);
  const c = counted[0];
  return {
    counts: { new: Number(c?.new ?? 0), changed: Number(c?.changed ?? 0), gone: Number(c?.gone ?? 0) },
    items,
  };
};

export type { ScreeningRunState };
