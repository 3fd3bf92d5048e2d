import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { ConnectionMutex, pgliteDialect } from './pglite-dialect.js';
import type { Tables } from './tables.js';

export type Engine = 'pglite' | 'postgres';

export type SqlRunner = (text: string, values?: readonly unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export type Database = {
  engine: Engine;
  /** Where the data lives, for messages (never includes a password). */
  location: string;
  db: Kysely<Tables>;
  /**
   * Raw SQL for tools that bring their own (pg-boss, backup). Without values, several statements may
   * be sent at once. On PGlite it takes the same connection lock as every other query.
   */
  executeSql: SqlRunner;
  /** Several raw statements on one connection (session-level locks, explicit transactions). */
  withConnection<T>(fn: (run: SqlRunner) => Promise<T>): Promise<T>;
  /** PGlite only: the database files as one tarball (used to clone migrated test databases). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
};

export type OpenDatabaseOptions =
  | { databaseUrl: string; poolSize?: number }
  | {
      /** The Redress data directory; PGlite keeps its files in `<dataDir>/pglite`. `memory://` for tests. */
      dataDir: string;
      /** A dumped, already-migrated data directory to start from (fast test databases). */
      loadDataDir?: Blob | File;
    };

// int8 as number (ids and counters stay far below 2^53) and date as 'YYYY-MM-DD' text on both
// engines: a date is a calendar day in the law, never a UTC instant.
const INT8 = 20;
const DATE = 1082;
const parseInt8 = (v: string) => Number(v);
const keepText = (v: string) => v;
// Arrays of them too (PGlite does this by itself; node-pg would give int8[] as strings, date[] as Dates).
const INT8_ARRAY = 1016;
const DATE_ARRAY = 1182;
const TEXT_ARRAY = 1009;
type Parsed = string | null | Parsed[];
const toNumbers = (v: Parsed): unknown => (Array.isArray(v) ? v.map(toNumbers) : v === null ? null : Number(v));
const defaultParser = pg.types.getTypeParser as (oid: number) => (value: string) => unknown;
const parseInt8Array = (v: string) => toNumbers(defaultParser(INT8_ARRAY)(v) as Parsed);

const redact = (url: string): string => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
};

const runOn = async (target: pg.Pool | pg.PoolClient, text: string, values?: readonly unknown[]) => {
  const result: pg.QueryResult | pg.QueryResult[] = await target.query(text, values as unknown[] | undefined);
  // A multi-statement query returns one result per statement; callers want the last.
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
};

const openPostgres = async (databaseUrl: string, poolSize = 10): Promise<Database> => {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return parseInt8;
        if (oid === DATE) return keepText;
        if (oid === INT8_ARRAY) return parseInt8Array;
        if (oid === DATE_ARRAY) return defaultParser(TEXT_ARRAY);
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // Fail fast with a readable error instead of on the first request.
  const client = await pool.connect();
  client.release();
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    location: redact(databaseUrl),
    db,
    executeSql: (text, values) => runOn(pool, text, values),
    async withConnection(fn) {
      const conn = await pool.connect();
      try {
        return await fn((text, values) => runOn(conn, text, values));
      } finally {
        conn.release();
      }
    },
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it used it itself; raw executeSql may have been the only user.
      if (!pool.ended) await pool.end();
    },
  };
};

/**
 * The first start of a data directory builds the PGlite cluster (initdb, or the files of loadDataDir)
 * in a side directory and renames it into place once whole. PGlite writes the cluster's PG_VERSION
 * before its last files and takes any directory with a PG_VERSION for a finished cluster, so a process
 * killed at that instant would otherwise leave a directory that never opens again. Runs under the
 * data-directory lock, so the side directory is ours to clear.
 */
const createCluster = async (pgDir: string, options: PGliteOptions): Promise<void> => {
  const staging = `${pgDir}.creating`;
  rmSync(staging, { recursive: true, force: true });
  const fresh = await PGlite.create({ ...options, dataDir: staging });
  await fresh.close();
  // A cluster directory without PG_VERSION was never finished; set it aside rather than delete anything.
  if (existsSync(pgDir)) renameSync(pgDir, `${pgDir}.unfinished-${Date.now()}`);
  renameSync(staging, pgDir);
};

const openPglite = async (dataDir: string, loadDataDir?: Blob | File): Promise<Database> => {
  const isMemory = dataDir.startsWith('memory://');
  let lock: DataDirLock | null = null;
  let pgDir = dataDir;
  if (!isMemory) {
    const root = resolve(dataDir);
    mkdirSync(root, { recursive: true, mode: 0o700 });
    lock = acquireDataDirLock(root);
    pgDir = join(root, 'pglite');
  }
  let client: PGlite;
  try {
    const options = {
      parsers: { [INT8]: parseInt8, [DATE]: keepText },
      // Extensions the migrations create must be loaded into the WASM build first.
      extensions: { pg_trgm },
    };
    const isNewCluster = lock !== null && !existsSync(join(pgDir, 'PG_VERSION'));
    if (isNewCluster) await createCluster(pgDir, { ...options, ...(loadDataDir ? { loadDataDir } : {}) });
    client = await PGlite.create({
      dataDir: pgDir,
      ...options,
      ...(loadDataDir && !isNewCluster ? { loadDataDir } : {}),
    });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const mutex = new ConnectionMutex();
  const run: SqlRunner = async (text, values) => {
    if (values && values.length > 0) {
      const r = await client.query<Record<string, unknown>>(text, values as unknown[]);
      return { rows: r.rows };
    }
    const results = await client.exec(text);
    return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] };
  };
  const db = new Kysely<Tables>({ dialect: pgliteDialect(client, mutex) });
  return {
    engine: 'pglite',
    location: isMemory ? dataDir : pgDir,
    db,
    executeSql: (text, values) => mutex.run(() => run(text, values)),
    withConnection: (fn) => mutex.run(() => fn(run)),
    dumpDataDir: () => mutex.run(() => client.dumpDataDir('none')),
    async close() {
      try {
        await db.destroy();
        // Kysely closes its driver only if it used it; raw SQL may have been the only user.
        if (!client.closed) await mutex.run(() => client.close());
      } finally {
        lock?.release();
      }
    },
  };
};

export const openDatabase = (options: OpenDatabaseOptions): Promise<Database> =>
  'databaseUrl' in options
    ? openPostgres(options.databaseUrl, options.poolSize)
    : openPglite(options.dataDir, options.loadDataDir);
