import { hostname, userInfo } from 'node:os';
import { resolve } from 'node:path';
import { type AuditEvent, type Database, migrationStatus } from '@redress/db';
import {
  type AppDeps,
  type Config,
  createLogger,
  createSealer,
  defaultIds,
  inTransaction,
  loadMasterKey,
  openConfiguredDatabase,
  parseConfig,
  publicUrlOf,
  type RequestContext,
  type Sealer,
  systemClock,
  systemContext,
} from '@redress/server';
import type { CliIo } from './cli-io.js';
import { CliError } from './errors.js';

// Also importable from here (command modules that load the server eagerly anyway).
export { type DbFlags, dataDirOption, LOCK_NOTE } from './options.js';

/** The same configuration as the server's: the environment, with the command's flags on top. */
export const loadConfig = (io: CliIo, overrides: Record<string, string | undefined> = {}): Config => {
  const env = { ...io.env };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) env[key] = value;
  return parseConfig(env);
};

export const dataDirOf = (config: Config) => resolve(config.REDRESS_DATA_DIR);

/** Opens the configured database, runs `work`, and always closes it (releasing the PGlite lock). */
export const withDatabase = async <T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> => {
  const database = await openConfiguredDatabase(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
};

export const requireMigrated = async (database: Database) => {
  const status = await migrationStatus(database);
  if (status.mismatched.length > 0) {
    throw new CliError(`Migrations ${status.mismatched.join(', ')} were changed after they were applied`);
  }
  if (status.pending.length > 0) {
    throw new CliError(
      `The database is not up to date (${status.pending.length} migration${status.pending.length === 1 ? '' : 's'} pending): run \`redress migrate\` first`,
    );
  }
};

/**
 * What the use cases need, built as `redress start` builds it; the logger stays silent (stdout is data).
 * The master key is loaded (and, as the server does, created) only when a use case seals or opens a
 * secret: listing users must not leave a new master.key behind, which would then conflict with the key
 * in an encrypted backup restored later.
 */
export const operatorDeps = (config: Config, database: Database): AppDeps => {
  let sealer: Sealer | null = null;
  const keyed = () => {
    sealer ??= createSealer(loadMasterKey(config.REDRESS_MASTER_KEY, dataDirOf(config)).key);
    return sealer;
  };
  const publicUrl = publicUrlOf(config, config.PORT);
  return {
    database,
    clock: systemClock,
    newId: defaultIds,
    sealer: { seal: (plain) => keyed().seal(plain), open: (sealed) => keyed().open(sealed) },
    logger: createLogger('silent'),
    publicUrl,
    isHttps: publicUrl.startsWith('https:'),
  };
};

const whoIsAtTheTerminal = () => {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER ?? 'unknown';
  }
  return `${user}@${hostname()}`;
};

/** The operator at the server: no role check applies, and every change is audited under this label. */
export const operatorContext = (command: string): RequestContext =>
  systemContext(`redress ${command} (${whoIsAtTheTerminal()})`);

/** Opens the database, checks it is migrated, and hands the use cases their deps and the operator. */
export const asOperator = async <T>(
  io: CliIo,
  flags: { dataDir?: string },
  command: string,
  work: (deps: AppDeps, ctx: RequestContext) => Promise<T>,
): Promise<T> => {
  const config = loadConfig(io, { REDRESS_DATA_DIR: flags.dataDir });
  return withDatabase(config, async (database) => {
    await requireMigrated(database);
    return work(operatorDeps(config, database), operatorContext(command));
  });
};

/** An audit entry for something the operator did outside any use case (a backup, a restore). */
export const auditOperatorEvent = (config: Config, database: Database, command: string, event: AuditEvent) =>
  inTransaction(operatorDeps(config, database), operatorContext(command), (_tx, audit) => audit(event));
