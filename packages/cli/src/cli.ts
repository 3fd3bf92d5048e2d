import { Command, CommanderError } from 'commander';
import { registerAuditCommands } from './commands/audit.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerImportCommand } from './commands/import.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerScreenCommand } from './commands/screen.js';
import { registerStartCommand } from './commands/start.js';
import { registerTokenCommands } from './commands/token.js';
import { registerUserCommands } from './commands/user.js';
import type { CliIo } from './support/cli-io.js';
import { describeError } from './support/errors.js';

export const buildProgram = (io: CliIo): Command => {
  const program = new Command('redress')
    .description('Redress: a case platform for teams who work to free incarcerated people')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Commander's own errors (unknown option, missing argument) read like ours: one line.
      outputError: (s, write) => write(`redress: ${s.replace(/^error: /, '')}`),
    });
  registerStartCommand(program, io);
  registerMigrateCommand(program, io);
  registerUserCommands(program, io);
  registerTokenCommands(program, io);
  registerAuditCommands(program, io);
  registerBackupCommands(program, io);
  registerImportCommand(program, io);
  registerScreenCommand(program, io);
  return program;
};

/**
 * Runs one command and returns its exit code: 0 on success, 1 when it failed, 2 for a usage error or a
 * failed verification. A failure is one line on stderr; the stack only with REDRESS_DEBUG=1.
 */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version were printed and are a success; anything else Commander already reported.
      return e.exitCode === 0 ? 0 : 2;
    }
    const { message, exitCode } = describeError(e);
    io.note(`redress: ${message}`);
    if (io.env.REDRESS_DEBUG === '1' && e instanceof Error && e.stack) io.note(e.stack);
    return exitCode;
  }
};
