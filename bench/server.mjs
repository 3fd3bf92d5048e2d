// The Redress server for the benchmarks, in its own process so it never shares an event loop with the
// load generator. Configured from the environment like `redress start`.
//
//   BENCH_SERVER_MODE=start   (default) startServer() exactly as shipped: used to create the data
//                             directory and the API token, and for cold starts when the CLI is absent.
//   BENCH_SERVER_MODE=lifted  the same parts composed like startServer(), but with the per-address rate
//                             limit lifted (autocannon sends every request from 127.0.0.1, and the
//                             shipped limit of 1200 requests a minute would turn the run into 429s).
//                             Needs a data directory or database that `start` has already set up.

import { resolve } from 'node:path';
import { migrate } from '@redress/db';
import {
  buildApp,
  createLogger,
  createSealer,
  defaultIds,
  loadMasterKey,
  openConfiguredDatabase,
  parseConfig,
  publicUrlOf,
  startServer,
  systemClock,
} from '@redress/server';

const LIFTED_RATE_LIMIT_PER_MINUTE = 1_000_000_000;

const startLifted = async (config) => {
  const logger = createLogger(config.LOG_LEVEL);
  const masterKey = loadMasterKey(config.REDRESS_MASTER_KEY, resolve(config.REDRESS_DATA_DIR));
  const database = await openConfiguredDatabase(config);
  let app;
  const close = async () => {
    await app?.close();
    await database.close();
  };
  try {
    const migrated = await migrate(database);
    if (migrated.applied?.length) throw new Error('the database was not set up by a first `start`');
    const publicUrl = publicUrlOf(config, config.PORT);
    const deps = {
      database,
      clock: systemClock,
      newId: defaultIds,
      sealer: createSealer(masterKey.key),
      logger,
      publicUrl,
      isHttps: publicUrl.startsWith('https:'),
    };
    app = await buildApp(deps, { serveWeb: false, rateLimitPerMinute: LIFTED_RATE_LIMIT_PER_MINUTE });
    const url = await app.listen({ port: config.PORT, host: config.HOST });
    return { url, bootstrap: { created: false }, close };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
};

try {
  const config = parseConfig(process.env);
  const server = process.env.BENCH_SERVER_MODE === 'lifted' ? await startLifted(config) : await startServer(config);
  let isStopping = false;
  const stop = () => {
    if (isStopping) return;
    isStopping = true;
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
  const adminLink = server.bootstrap.created ? server.bootstrap.signInLink.url : null;
  process.send?.({ type: 'ready', url: server.url, adminLink });
} catch (error) {
  console.error(error);
  process.send?.({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
