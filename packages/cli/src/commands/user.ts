import { CreatedUserView, CreateUserInput, Email, type UserView } from '@redress/core';
import type { AppDeps } from '@redress/server';
import type { Command } from 'commander';
import type { CliIo } from '../support/cli-io.js';
import { CliError } from '../support/errors.js';
import { type DbFlags, dataDirOption, LOCK_NOTE } from '../support/options.js';
import { formatOption, json, renderTable } from '../support/output.js';
import { parseInput } from '../support/validate.js';

const userIdByEmail = async (deps: AppDeps, email: string): Promise<string> => {
  const { findUserByEmail } = await import('@redress/db');
  const user = await findUserByEmail(deps.database.db, email);
  if (!user) throw new CliError(`No user with the email ${email}`);
  return user.id;
};

const emailArgument = (value: string) => parseInput(Email, value, { '': '<email>' });

const ROLE_HELP = 'administrator, attorney, advocate, paralegal, investigator, law_apprentice or volunteer';

export const registerUserCommands = (program: Command, io: CliIo) => {
  const user = program.command('user').description('Manage the people who can sign in').addHelpText('after', LOCK_NOTE);

  user
    .command('add')
    .description('Add a user; prints their one-time sign-in link (they choose a password through it)')
    .requiredOption('--email <email>', 'email address')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', ROLE_HELP)
    .addOption(dataDirOption())
    .addOption(formatOption())
    .addHelpText('after', LOCK_NOTE)
    .action(async (flags: DbFlags & { email: string; name: string; role: string }) => {
      const input = parseInput(
        CreateUserInput,
        { email: flags.email, name: flags.name, role: flags.role },
        { email: '--email', name: '--name', role: '--role' },
      );
      const { asOperator } = await import('../support/environment.js');
      const { createUser } = await import('@redress/server');
      const created = await asOperator(io, flags, 'user add', (deps, ctx) => createUser(deps, ctx, input));
      if (flags.format === 'json') {
        io.out(json(CreatedUserView.parse(created)));
        return;
      }
      io.out(`Added ${created.user.email} (${created.user.role}).`);
      io.out(
        `Give them this one-time sign-in link (valid until ${created.signInLink.expiresAt}, shown only now): ${created.signInLink.url}`,
      );
    });

  user
    .command('list')
    .description('List users')
    .addOption(dataDirOption())
    .addOption(formatOption())
    .addHelpText('after', LOCK_NOTE)
    .action(async (flags: DbFlags) => {
      const { asOperator } = await import('../support/environment.js');
      const { listAllUsers } = await import('@redress/server');
      const users: UserView[] = await asOperator(io, flags, 'user list', (deps, ctx) => listAllUsers(deps, ctx));
      if (flags.format === 'json') {
        io.out(json({ items: users }));
        return;
      }
      io.out(
        renderTable(
          ['email', 'name', 'role', 'status', '2fa', 'created', 'last sign-in'],
          users.map((u) => [
            u.email,
            u.name,
            u.role,
            u.isDisabled ? 'disabled' : 'active',
            u.hasTotp ? 'yes' : 'no',
            u.createdAt,
            u.lastSignInAt,
          ]),
        ),
      );
    });

  user
    .command('disable')
    .description('Disable a user: they can no longer sign in and their sessions end')
    .argument('<email>', 'the user’s email address')
    .addOption(dataDirOption())
    .addOption(formatOption())
    .addHelpText('after', LOCK_NOTE)
    .action(async (emailArg: string, flags: DbFlags) => {
      const email = emailArgument(emailArg);
      const { asOperator } = await import('../support/environment.js');
      const { updateUserAccount } = await import('@redress/server');
      const updated = await asOperator(io, flags, 'user disable', async (deps, ctx) =>
        updateUserAccount(deps, ctx, await userIdByEmail(deps, email), { isDisabled: true }),
      );
      if (flags.format === 'json') io.out(json(updated));
      else io.out(`Disabled ${updated.email}; their sessions have ended.`);
    });

  user
    .command('reset-password')
    .description('Reset a password: the old one stops working, sessions end; prints a one-time link')
    .argument('<email>', 'the user’s email address')
    .addOption(dataDirOption())
    .addOption(formatOption())
    .addHelpText('after', LOCK_NOTE)
    .action(async (emailArg: string, flags: DbFlags) => {
      const email = emailArgument(emailArg);
      const { asOperator } = await import('../support/environment.js');
      const { resetUserPassword } = await import('@redress/server');
      const link = await asOperator(io, flags, 'user reset-password', async (deps, ctx) =>
        resetUserPassword(deps, ctx, await userIdByEmail(deps, email)),
      );
      if (flags.format === 'json') {
        io.out(json({ email, signInLink: link }));
        return;
      }
      io.out(`The password of ${email} was reset and their sessions have ended.`);
      io.out(`Give them this one-time link (valid until ${link.expiresAt}, shown only now): ${link.url}`);
    });
};
