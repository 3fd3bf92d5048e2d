import { loadMigrations, type Migration, migrate, migrationStatus } from '../migrate.js';
import type { Database } from '../open-database.js';
import { BackupError, type BackupHeader } from './backup-format.js';

/**
 * Brings a new database to exactly the archive's migrations, so the rows land in the schema they were
 * written for; newer migrations are applied after the restore (as `redress start` would on upgrade).
 * Refuses an archive from a newer Redress, and a database already migrated past the archive.
 */
export const prepareRestoreTarget = async (
  database: Database,
  header: Pick<BackupHeader, 'migrations'>,
  options: { migrations?: Migration[]; onApplied?: (m: Migration) => void } = {},
): Promise<{ applied: string[] }> => {
  const known = options.migrations ?? loadMigrations();
  const unknown = header.migrations.filter((v) => !known.some((m) => m.version === v));
  if (unknown.length > 0) {
    throw new BackupError(
      'migrations_mismatch',
      `The archive was made by a newer version of Redress (migrations ${unknown.join(', ')} are unknown here): upgrade Redress first`,
    );
  }
  const status = await migrationStatus(database, known);
  const beyond = status.applied.filter((v) => !header.migrations.includes(v));
  if (beyond.length > 0) {
    throw new BackupError(
      'migrations_mismatch',
      `The target database is already migrated past the archive (${beyond.join(', ')}): restore into a new database; Redress applies the newer migrations after restoring`,
    );
  }
  return migrate(database, {
    migrations: known.filter((m) => header.migrations.includes(m.version)),
    ...(options.onApplied ? { onApplied: options.onApplied } : {}),
  });
};
