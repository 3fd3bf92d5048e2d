import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadMigrations, type Migration, migrate, migrationStatus } from '../src/migrate.js';
import { type Database, openDatabase } from '../src/open-database.js';
import { openTestDatabase, type TemplateRef, type TestDatabase } from '../src/testing.js';

const template = inject('dbTemplate') as TemplateRef;
const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
const MIGRATION_LOCK_KEY = 727_001;

const extraMigration = (version: string, name: string, body: string): Migration => ({
  version,
  name,
  sql: body,
  checksum: createHash('sha256').update(body).digest('hex'),
});
const tableExists = async (database: Database, table: string): Promise<boolean> =>
  Boolean((await database.executeSql('SELECT to_regclass($1) IS NOT NULL AS present', [table])).rows[0]?.present);
const recordedVersions = async (database: Database): Promise<string[]> =>
  (await database.executeSql('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) =>
    String(r.version),
  );
/** Sessions holding (or, with isGranted false, waiting for) the migration lock in this database. */
const migrationLocks = async (database: Database, isGranted = true): Promise<number> =>
  Number(
    (
      await database.executeSql(
        `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted = $2
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [MIGRATION_LOCK_KEY, isGranted],
      )
    ).rows[0]?.n,
  );

let database: TestDatabase;

describe(`migrations (${template.engine})`, () => {
  beforeAll(async () => {
    database = await openTestDatabase(template);
  });
  afterAll(() => database.close());

  it('names every migration file NNNN_name.sql, with unique versions in increasing order', () => {
    const files = readdirSync(MIGRATIONS_DIR).sort();
    // loadMigrations skips a file whose name does not fit, so a misnamed migration would never run.
    expect(files.filter((f) => !/^\d{4}_[a-z0-9_]+\.sql$/.test(f))).toEqual([]);
    const versions = loadMigrations().map((m) => m.version);
    expect(versions).toHaveLength(files.length);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions).toEqual([...versions].sort());
    expect(versions[0]).toBe('0001');
  });

  it('has applied every migration file to the template on this engine, and applies nothing a second time', async () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(await migrationStatus(database)).toEqual({ applied: versions, pending: [], mismatched: [] });
    expect(await migrate(database)).toEqual({ applied: [] });
    expect(await recordedVersions(database)).toEqual(versions);
  });

  it('refuses to run when a migration was changed after it was applied, naming it, and changes nothing', async () => {
    const edited = mkdtempSync(join(tmpdir(), 'redress-migrations-'));
    try {
      cpSync(MIGRATIONS_DIR, edited, { recursive: true });
      const first = readdirSync(edited).sort()[0] ?? '';
      writeFileSync(join(edited, first), `${readFileSync(join(edited, first), 'utf8')}\n-- edited afterwards\n`);
      const migrations = [
        ...loadMigrations(edited),
        extraMigration('9000', 'after_edit', 'CREATE TABLE after_edit ()'),
      ];

      await expect(migrate(database, { migrations })).rejects.toThrow(
        'Migrations 0001 were changed after they were applied; restore the original files.',
      );
      expect(await migrationStatus(database, migrations)).toMatchObject({ mismatched: ['0001'], pending: ['9000'] });
      expect(await tableExists(database, 'after_edit')).toBe(false);
      expect(await migrationLocks(database)).toBe(0);
    } finally {
      rmSync(edited, { recursive: true, force: true });
    }
  });

  it('refuses a migration list whose recorded checksum differs', async () => {
    const migrations = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: '0'.repeat(64) } : m));
    await expect(migrate(database, { migrations })).rejects.toThrow(
      /Migrations 0001 were changed after they were applied/,
    );
  });

  it('rolls a failing migration back entirely, names it, records nothing and releases the migration lock', async () => {
    const broken = extraMigration(
      '9001',
      'half_done',
      `CREATE TABLE half_done (id integer PRIMARY KEY);
       INSERT INTO half_done VALUES (1);
       ALTER TABLE users ADD COLUMN half_done_flag boolean;
       INSERT INTO table_that_does_not_exist VALUES (1);`,
    );
    const migrations = [...loadMigrations(), broken];
    await expect(migrate(database, { migrations })).rejects.toThrow(
      /^Migration 9001_half_done failed: .*table_that_does_not_exist/,
    );

    expect(await tableExists(database, 'half_done')).toBe(false);
    const columns = await database.executeSql(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'half_done_flag'",
    );
    expect(columns.rows).toEqual([]);
    expect(await recordedVersions(database)).not.toContain('9001');
    expect((await migrationStatus(database, migrations)).pending).toEqual(['9001']);
    expect(await migrationLocks(database)).toBe(0);

    // The next start, with the migration fixed, applies it.
    const fixed = extraMigration('9001', 'half_done', 'CREATE TABLE half_done (id integer PRIMARY KEY)');
    expect(await migrate(database, { migrations: [...loadMigrations(), fixed] })).toEqual({ applied: ['9001'] });
    expect(await tableExists(database, 'half_done')).toBe(true);
  });

  it('applies a new migration exactly once when two migrate() calls run at the same time', async () => {
    const once = extraMigration(
      '9002',
      'applied_once',
      `CREATE TABLE applied_once (id integer);
       SELECT pg_sleep(0.3);
       INSERT INTO applied_once VALUES (1);`,
    );
    const migrations = [...loadMigrations(), once];
    // On PostgreSQL: two app servers, each with its own pool, racing on the advisory lock. On PGlite
    // (one process, one connection): two calls on the one database.
    const servers =
      database.url === undefined
        ? [database, database]
        : await Promise.all([1, 2].map(() => openDatabase({ databaseUrl: database.url ?? '', poolSize: 2 })));
    try {
      const running = Promise.all(servers.map((server) => migrate(server, { migrations })));
      if (database.url !== undefined) {
        // The race is real: while one applies the migration, the other waits for the lock.
        await expect.poll(() => migrationLocks(database, false), { interval: 20, timeout: 5000 }).toBe(1);
      }
      const results = await running;
      expect(results.map((r) => r.applied).sort()).toEqual([[], ['9002']]);
    } finally {
      if (database.url !== undefined) await Promise.all(servers.map((server) => server.close()));
    }
    expect((await database.executeSql('SELECT count(*) AS n FROM applied_once')).rows).toEqual([{ n: 1 }]);
    expect((await recordedVersions(database)).filter((v) => v === '9002')).toEqual(['9002']);
  });

  it('returns int8 as a number and date as YYYY-MM-DD text (arrays too), through Kysely and raw SQL', async () => {
    const query = `SELECT 9007199254740991::int8 AS big, count(*) AS n, '2024-02-29'::date AS day,
      ARRAY[1, 2]::int8[] AS bigs, ARRAY['2024-02-29', NULL]::date[] AS days, now() AS at FROM (VALUES (1)) AS v`;
    const expected = {
      big: 9007199254740991,
      n: 1,
      day: '2024-02-29',
      bigs: [1, 2],
      days: ['2024-02-29', null],
      at: expect.any(Date),
    };
    expect((await database.executeSql(query)).rows).toEqual([expected]);
    expect((await sql.raw(query).execute(database.db)).rows).toEqual([expected]);
    // A bigint column, read back through Kysely (in a transaction that is then rolled back).
    const id = '00000000-0000-4000-8000-000000000001';
    const rollback = new Error('rollback');
    let lastStep: unknown;
    await expect(
      database.db.transaction().execute(async (tx) => {
        await sql`INSERT INTO users (id, email, name, role, totp_last_step)
          VALUES (${id}, 'types@example.org', 'Types', 'paralegal', 9000000000001)`.execute(tx);
        lastStep = (await tx.selectFrom('users').select('totp_last_step').where('id', '=', id).executeTakeFirst())
          ?.totp_last_step;
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(lastStep).toBe(9000000000001);
  });
});
