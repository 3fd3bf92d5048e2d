// Child process of bench/case-file/run.mjs: fills a set-up Redress database (first start done, server
// stopped) with the generated case file, then issues read-scoped API tokens for the administrator and
// the measured paralegal. Answers `{ type: 'generated', ... }` over IPC.
//
// Environment: REDRESS_DATA_DIR (and DATABASE_URL for PostgreSQL), BENCH_SCALE, BENCH_SEED.
//
// Bulk loading as one would by hand: the secondary indexes of the loaded tables are dropped first and
// built again at the end, foreign-key triggers are off while rows stream in (session_replication_role
// = replica: the generator's rows are consistent by construction), then VACUUM ANALYZE. All of that
// is inside the measured time.
import { resolve } from 'node:path';
import { openDatabase } from '@redress/db';
import {
  createLogger,
  createSealer,
  defaultIds,
  issueApiTokenForUser,
  loadMasterKey,
  systemClock,
  systemContext,
} from '@redress/server';
import { openTarget } from './copy-rows.mjs';
import { BENCH_PARALEGAL_EMAIL, COLUMNS, countsFor, generateCaseFile } from './dataset.mjs';

const LOADED_TABLES = [
  'people',
  'person_aliases',
  'person_identifiers',
  'custody_placements',
  'matters',
  'matter_team',
  'notes',
  'contacts',
];
/** Rows per COPY statement. */
const BATCH = 20_000;
const ADMIN_EMAIL = 'admin@redress.local';

const dataDir = resolve(process.env.REDRESS_DATA_DIR ?? '');
const databaseUrl = process.env.DATABASE_URL || undefined;
const scale = Number(process.env.BENCH_SCALE ?? '1');
const seed = Number(process.env.BENCH_SEED ?? '42');
const say = (message) => process.send?.({ type: 'progress', message });
/** Sends the answer and lets the parent have it before this process goes. */
const answer = (message) =>
  new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, () => {
      process.disconnect();
      resolve();
    });
  });

/** Indexes that belong to no constraint: safe to drop and build again from their definition. */
const secondaryIndexes = (target) =>
  target.query(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
      ORDER BY t.relname, i.relname`,
    [LOADED_TABLES],
  );

const load = async () => {
  const counts = countsFor(scale);
  const target = await openTarget({ dataDir, databaseUrl });
  const seconds = {};
  const timed = async (phase, fn) => {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      seconds[phase] = (seconds[phase] ?? 0) + (performance.now() - started) / 1000;
    }
  };
  try {
    const [{ n }] = await target.query('SELECT count(*)::int AS n FROM people');
    if (n !== 0) throw new Error('the database already holds people: generate into a fresh one');
    const started = performance.now();
    await target.exec('SET session_replication_role = replica');
    const indexes = await secondaryIndexes(target);
    await timed('drop_indexes', async () => {
      for (const index of indexes) await target.exec(`DROP INDEX ${index.name}`);
    });

    const buffers = new Map();
    const rowsWritten = {};
    const flush = async (table) => {
      const rows = buffers.get(table);
      if (!rows?.length) return;
      buffers.set(table, []);
      await timed(`copy_${table}`, () => target.copy(table, COLUMNS[table], rows));
      rowsWritten[table] = (rowsWritten[table] ?? 0) + rows.length;
    };
    const emit = async (table, row) => {
      let rows = buffers.get(table);
      if (!rows) {
        say(`writing ${table}`);
        rows = [];
        buffers.set(table, rows);
      }
      rows.push(row);
      if (rows.length >= BATCH) await flush(table);
    };
    const generated = await generateCaseFile({ seed, counts, emit });
    for (const table of buffers.keys()) await flush(table);

    say(`building ${indexes.length} indexes`);
    await timed('build_indexes', async () => {
      for (const index of indexes) {
        const begun = performance.now();
        await target.exec(index.definition);
        seconds[`index_${index.name}`] = (performance.now() - begun) / 1000;
      }
    });
    await target.exec('SET session_replication_role = DEFAULT');
    say('VACUUM ANALYZE');
    await timed('vacuum_analyze', () => target.exec(`VACUUM ANALYZE ${['users', ...LOADED_TABLES].join(', ')}`));
    const total = (performance.now() - started) / 1000;
    const [{ bytes }] = await target.query('SELECT pg_database_size(current_database())::float8 AS bytes');
    return { ...generated, seconds, total, rowsWritten, copyMethod: target.copyMethod, databaseBytes: bytes };
  } finally {
    await target.close();
  }
};

/** Read-scoped API tokens, issued as `redress token` does (by the operator, for a user). */
const issueTokens = async () => {
  const database = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir });
  try {
    const deps = {
      database,
      clock: systemClock,
      newId: defaultIds,
      sealer: createSealer(loadMasterKey(undefined, dataDir).key),
      logger: createLogger('silent'),
      publicUrl: 'http://127.0.0.1',
      isHttps: false,
    };
    const issue = async (userEmail) =>
      (
        await issueApiTokenForUser(deps, systemContext('bench'), {
          name: 'case-file bench',
          scopes: ['read'],
          userEmail,
        })
      ).token;
    return { administrator: await issue(ADMIN_EMAIL), paralegal: await issue(BENCH_PARALEGAL_EMAIL) };
  } finally {
    await database.close();
  }
};

try {
  const result = await load();
  const tokens = await issueTokens();
  await answer({ type: 'generated', ...result, tokens });
} catch (error) {
  console.error(error);
  process.exitCode = 1;
  await answer({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
}
