import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database, SqlRunner } from './open-database.js';

/**
 * Forward-only plain-SQL migrations, one concern each, applied in a transaction per file. An advisory
 * lock lets several app servers start at once against one PostgreSQL: one migrates, the others wait
 * and then find nothing to do. A changed file that was already applied is refused, not re-run.
 */
export type Migration = { version: string; name: string; sql: string; checksum: string };

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
const MIGRATION_LOCK_KEY = 727_001; // arbitrary, constant: "redress migrations"

export const loadMigrations = (dir = MIGRATIONS_DIR): Migration[] =>
  readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      const [version = '', ...rest] = file.replace(/\.sql$/, '').split('_');
      return { version, name: rest.join('_'), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;

export type MigrationStatus = { applied: string[]; pending: string[]; mismatched: string[] };

const statusWith = async (run: SqlRunner, migrations: Migration[]): Promise<MigrationStatus> => {
  const { rows: exists } = await run(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
  const { rows } = exists[0]?.present
    ? await run('SELECT version, checksum FROM schema_migrations ORDER BY version')
    : { rows: [] };
  const applied = new Map(rows.map((r) => [String(r.version), String(r.checksum)]));
  return {
    applied: [...applied.keys()],
    pending: migrations.filter((m) => !applied.has(m.version)).map((m) => m.version),
    mismatched: migrations
      .filter((m) => applied.has(m.version) && applied.get(m.version) !== m.checksum)
      .map((m) => m.version),
  };
};

export const migrationStatus = (database: Database, migrations = loadMigrations()): Promise<MigrationStatus> =>
  database.withConnection((run) => statusWith(run, migrations));

export type MigrateResult = { applied: string[] };

export const migrate = (
  database: Database,
  options: { onApplied?: (m: Migration) => void; migrations?: Migration[] } = {},
): Promise<MigrateResult> => {
  const migrations = options.migrations ?? loadMigrations();
  return database.withConnection(async (run) => {
    await run('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await run(CREATE_TABLE);
      const status = await statusWith(run, migrations);
      if (status.mismatched.length > 0) {
        throw new Error(
          `Migrations ${status.mismatched.join(', ')} were changed after they were applied; restore the original files.`,
        );
      }
      const applied: string[] = [];
      for (const m of migrations.filter((x) => status.pending.includes(x.version))) {
        await run('BEGIN');
        try {
          await run(m.sql);
          await run('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
            m.version,
            m.name,
            m.checksum,
          ]);
          await run('COMMIT');
        } catch (e) {
          await run('ROLLBACK');
          throw new Error(`Migration ${m.version}_${m.name} failed: ${(e as Error).message}`);
        }
        applied.push(m.version);
        options.onApplied?.(m);
      }
      return { applied };
    } finally {
      await run('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
};
