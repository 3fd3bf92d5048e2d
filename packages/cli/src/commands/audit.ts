import type { Command } from 'commander';
import type { CliIo } from '../support/cli-io.js';
import { CliError } from '../support/errors.js';
import { type DbFlags, dataDirOption, LOCK_NOTE } from '../support/options.js';
import { formatOption, json, renderFields } from '../support/output.js';
import { rowProgress } from '../support/progress.js';

export const registerAuditCommands = (program: Command, io: CliIo) => {
  const audit = program.command('audit').description('The hash-chained audit log').addHelpText('after', LOCK_NOTE);

  audit
    .command('verify')
    .description('Walk the whole audit chain and name the first broken link (exit code 2 if broken)')
    .addOption(dataDirOption())
    .addOption(formatOption())
    .addHelpText('after', LOCK_NOTE)
    .action(async (flags: DbFlags) => {
      const { loadConfig, requireMigrated, withDatabase } = await import('../support/environment.js');
      const { verifyAuditChain } = await import('@redress/db');
      const config = loadConfig(io, { REDRESS_DATA_DIR: flags.dataDir });
      const progress = rowProgress(io, 'Verifying', 'entries');
      const result = await withDatabase(config, async (database) => {
        await requireMigrated(database);
        return verifyAuditChain(database.db, (checked, total) => progress.update(checked, total));
      }).finally(() => progress.stop());
      if (flags.format === 'json') {
        io.out(json(result));
      } else if (result.ok) {
        io.out('The audit chain is intact.');
        io.out(
          renderFields([
            ['Entries checked', result.checked],
            ['Last hash', result.lastHash],
          ]),
        );
      } else {
        io.out('The audit chain is BROKEN.');
        io.out(
          renderFields([
            ['Entries verified before the break', result.checked],
            ['First broken link', `seq ${result.firstBreak.seq}`],
            ['Problem', result.firstBreak.message],
          ]),
        );
      }
      if (!result.ok) {
        throw new CliError(`audit chain broken at seq ${result.firstBreak.seq}: ${result.firstBreak.message}`, 2);
      }
    });
};
