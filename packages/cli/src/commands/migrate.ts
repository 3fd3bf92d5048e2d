import type { Command } from 'commander';
import type { CliIo } from '../support/cli-io.js';
import { dataDirOption, LOCK_NOTE } from '../support/options.js';
import { type Format, formatOption, json } from '../support/output.js';

export const registerMigrateCommand = (program: Command, io: CliIo) => {
  program
    .command('migrate')
    .description('Apply pending database migrations (`redress start` does this too)')
    .addOption(dataDirOption())
    .addOption(formatOption())
    .addHelpText('after', LOCK_NOTE)
    .action(async (flags: { dataDir?: string; format: Format }) => {
      const { loadConfig, withDatabase } = await import('../support/environment.js');
      const { loadMigrations, migrate } = await import('@redress/db');
      const config = loadConfig(io, { REDRESS_DATA_DIR: flags.dataDir });
      const result = await withDatabase(config, (database) =>
        migrate(database, { onApplied: (m) => io.note(`Applied migration ${m.version}_${m.name}`) }).then((r) => ({
          ...r,
          engine: database.engine,
          location: database.location,
        })),
      );
      const names = new Map(loadMigrations().map((m) => [m.version, `${m.version}_${m.name}`]));
      if (flags.format === 'json') {
        io.out(json({ applied: result.applied, engine: result.engine, location: result.location }));
      } else if (result.applied.length === 0) {
        io.out(`The database is up to date (${result.location}).`);
      } else {
        io.out(
          `Applied ${result.applied.length} migration${result.applied.length === 1 ? '' : 's'} to ${result.location}:`,
        );
        for (const v of result.applied) io.out(`  ${names.get(v) ?? v}`);
      }
    });
};
