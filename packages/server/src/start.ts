import { resolve } from 'node:path';
import { type Database, migrate, openDatabase } from '@redress/db';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { seedDemoWorkspace } from './demo/seed-demo-workspace.js';
import { type AppDeps, defaultIds, systemClock } from './deps.js';
import { type JobRunner, startJobs } from './jobs/job-runner.js';
import { createSealer } from './secrets/crypto.js';
import { loadMasterKey } from './secrets/master-key.js';
import { type Bootstrap, bootstrapWorkspace } from './use-cases/bootstrap-workspace.js';

export const createLogger = (level: Config['LOG_LEVEL']): Logger =>
  pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.token',
      ],
      censor: '[redacted]',
    },
  });

export const openConfiguredDatabase = (config: Config): Promise<Database> =>
  config.DATABASE_URL
    ? openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE })
    : openDatabase({ dataDir: config.REDRESS_DATA_DIR });

export const publicUrlOf = (config: Config, port: number) => config.REDRESS_PUBLIC_URL ?? `http://localhost:${port}`;

export type RunningServer = {
  app: FastifyInstance;
  url: string;
  database: Database;
  bootstrap: Bootstrap;
  close(): Promise<void>;
};

export type StartHooks = {
  onMigration?: (version: string, name: string) => void;
};

/** Opens the database, migrates, creates the workspace on first run, and listens. */
export const startServer = async (config: Config, hooks: StartHooks = {}): Promise<RunningServer> => {
  const logger = createLogger(config.LOG_LEVEL);
  const dataDir = resolve(config.REDRESS_DATA_DIR);
  const masterKey = loadMasterKey(config.REDRESS_MASTER_KEY, dataDir);
  const database = await openConfiguredDatabase(config);
  let jobs: JobRunner | null = null;
  let app: FastifyInstance | null = null;
  const close = async () => {
    await app?.close();
    await jobs?.stop().catch((err) => logger.warn({ err }, 'stopping jobs'));
    await database.close();
  };
  try {
    await migrate(database, { onApplied: (m) => hooks.onMigration?.(m.version, m.name) });
    const publicUrl = publicUrlOf(config, config.PORT);
    const deps: AppDeps = {
      database,
      clock: systemClock,
      newId: defaultIds,
      sealer: createSealer(masterKey.key),
      logger,
      publicUrl,
      isHttps: publicUrl.startsWith('https:'),
      documentMaxBytes: config.REDRESS_DOCUMENT_MAX_MB * 1024 * 1024,
    };
    app = await buildApp(deps, {
      serveWeb: true,
      trustProxy: config.REDRESS_TRUST_PROXY,
      rateLimitPerMinute: config.REDRESS_RATE_LIMIT_PER_MINUTE,
      screeningUploadMaxBytes: config.REDRESS_SCREENING_MAX_UPLOAD_MB * 1024 * 1024,
    });
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    // With PORT=0 the port is known only now; links must name the address that actually answers.
    const bound = app.server.address();
    if (!config.REDRESS_PUBLIC_URL && bound && typeof bound === 'object')
      deps.publicUrl = publicUrlOf(config, bound.port);
    const bootstrap = await bootstrapWorkspace(deps, {
      organisationName: config.REDRESS_DEMO ? 'Demo workspace' : 'Redress',
      adminEmail: 'admin@redress.local',
      adminName: 'Administrator',
    });
    if (bootstrap.created && config.REDRESS_DEMO) {
      // A demo that cannot be filled is logged, not fatal: the administrator's one-time link, shown
      // only now, must still reach them.
      await seedDemoWorkspace(deps, { adminUserId: bootstrap.adminUserId }).catch((err) =>
        logger.error({ err }, 'the demo workspace could not be filled'),
      );
    }
    if (config.REDRESS_JOBS) {
      // Jobs start after the server answers: readiness does not wait on the queue's own set-up.
      startJobs(database, systemClock, logger)
        .then((runner) => {
          jobs = runner;
          // Use cases queue work from now on (until then, the screening sweep picks it up).
          deps.jobs = runner.queue;
        })
        .catch((err) => logger.error({ err }, 'background jobs did not start'));
    }
    return { app, url: address, database, bootstrap, close };
  } catch (e) {
    await close().catch(() => {});
    throw e;
  }
};
