import { Option } from 'commander';

/**
 * Command-line pieces shared by the command groups. This module and the command registrations load
 * only commander and the core: the server and database packages are imported when a command runs, so
 * `--help` and flag errors answer at once.
 */
export type DbFlags = { dataDir?: string; format: 'table' | 'json' };

export const dataDirOption = () =>
  new Option('--data-dir <dir>', 'data directory: PGlite database and master key (env REDRESS_DATA_DIR)');

export const LOCK_NOTE = `
The database is the server's: DATABASE_URL (PostgreSQL) or the embedded PGlite database in the data
directory (REDRESS_DATA_DIR, default ./data). On PGlite the data directory is locked while
\`redress start\` runs: stop the server first, or this command fails with the lock message.`;
