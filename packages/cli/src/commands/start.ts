import type { RunningServer } from '@redress/server';
import type { Command } from 'commander';
import type { CliIo } from '../support/cli-io.js';
import { dataDirOption } from '../support/options.js';
import { renderBox, renderFields } from '../support/output.js';

type StartFlags = { port?: string; host?: string; dataDir?: string };

/** Resolves on the first SIGINT or SIGTERM; a second one falls to Node's default and ends the process. */
const stopSignal = (io: CliIo) => {
  let stop: (signal: NodeJS.Signals) => void = () => {};
  const dispose = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  const received = new Promise<void>((resolve) => {
    stop = (signal) => {
      dispose();
      io.note(`Received ${signal}: stopping (press Ctrl+C again to force)…`);
      resolve();
    };
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { received, dispose };
};

/** Where it runs, and on first run the administrator's one-time link, boxed so it is not missed. */
const banner = (server: RunningServer, publicUrl: string | undefined, dataDir: string): string => {
  const { database, bootstrap } = server;
  const engine =
    database.engine === 'pglite' ? `PGlite (embedded) in ${database.location}` : `PostgreSQL at ${database.location}`;
  const fields = renderFields([
    ...(publicUrl ? [['Public URL', publicUrl] as const] : []),
    ['Database', engine],
    ['Data directory', dataDir],
  ]);
  return [
    `Redress is running at ${server.url}`,
    ...fields.split('\n').map((l) => `  ${l}`),
    ...(bootstrap.created
      ? [
          renderBox([
            'A new workspace was created.',
            `Sign in as ${bootstrap.adminEmail} with this one-time link (valid 7 days, shown only now): ${bootstrap.signInLink.url}`,
          ]),
        ]
      : []),
    'Stop with Ctrl+C.',
  ].join('\n');
};

export const registerStartCommand = (program: Command, io: CliIo) => {
  program
    .command('start')
    .description('Run the Redress server: migrates the database and, on first run, creates the workspace')
    .option('--port <port>', 'port to listen on (env PORT, default 3000; 0 picks a free port)')
    .option('--host <host>', 'interface to listen on (env HOST, default 127.0.0.1; 0.0.0.0 for all)')
    .addOption(dataDirOption())
    .addHelpText(
      'after',
      `
Configuration comes from the environment (see the README); flags override it. On PGlite only one
process may use a data directory: a second \`redress start\` (or any CLI command) on it fails with the
lock message. To run several app servers, use PostgreSQL (DATABASE_URL).`,
    )
    .action(async (flags: StartFlags) => {
      const { dataDirOf, loadConfig } = await import('../support/environment.js');
      const { startServer } = await import('@redress/server');
      const config = loadConfig(io, { PORT: flags.port, HOST: flags.host, REDRESS_DATA_DIR: flags.dataDir });
      const signal = stopSignal(io);
      let server: RunningServer;
      try {
        server = await startServer(config, {
          onMigration: (version, name) => io.note(`Applied migration ${version}_${name}`),
        });
      } catch (e) {
        signal.dispose();
        throw e;
      }
      io.out(banner(server, config.REDRESS_PUBLIC_URL, dataDirOf(config)));
      await signal.received;
      await server.close();
      io.note('Stopped.');
    });
};
