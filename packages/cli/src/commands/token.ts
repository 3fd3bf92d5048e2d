import { CreatedTokenView, CreateTokenInput, Email, Id, TokenList } from '@redress/core';
import { type Command, InvalidArgumentError } from 'commander';
import type { CliIo } from '../support/cli-io.js';
import { type DbFlags, dataDirOption, LOCK_NOTE } from '../support/options.js';
import { formatOption, json, renderFields, renderTable } from '../support/output.js';
import { parseInput } from '../support/validate.js';

const wholeNumber = (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('Expected a whole number of days.');
  return Number(value);
};

export const registerTokenCommands = (program: Command, io: CliIo) => {
  const token = program.command('token').description('Manage API tokens').addHelpText('after', LOCK_NOTE);

  token
    .command('create')
    .description('Create an API token that acts as a user; prints the token once')
    .requiredOption('--user <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .requiredOption('--scopes <scopes>', 'comma-separated: read, write, admin (admin needs an administrator)')
    .option('--expires-days <days>', 'days until the token expires (default: never)', wholeNumber)
    .addOption(dataDirOption())
    .addOption(formatOption())
    .addHelpText('after', LOCK_NOTE)
    .action(async (flags: DbFlags & { user: string; name: string; scopes: string; expiresDays?: number }) => {
      const userEmail = parseInput(Email, flags.user, { '': '--user' });
      const input = parseInput(
        CreateTokenInput,
        {
          name: flags.name,
          scopes: flags.scopes
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          ...(flags.expiresDays === undefined ? {} : { expiresInDays: flags.expiresDays }),
        },
        { name: '--name', scopes: '--scopes', expiresInDays: '--expires-days' },
      );
      const { asOperator } = await import('../support/environment.js');
      const { issueApiTokenForUser } = await import('@redress/server');
      const created = await asOperator(io, flags, 'token create', (deps, ctx) =>
        issueApiTokenForUser(deps, ctx, { ...input, userEmail }),
      );
      if (flags.format === 'json') {
        io.out(json(CreatedTokenView.parse(created)));
        return;
      }
      io.out(`Token for ${userEmail} (shown only now; store it somewhere safe):`);
      io.out(created.token);
      io.out(
        renderFields([
          ['id', created.info.id],
          ['name', created.info.name],
          ['scopes', created.info.scopes.join(', ')],
          ['expires', created.info.expiresAt ?? 'never'],
        ]),
      );
    });

  token
    .command('list')
    .description("List a user's API tokens (never the tokens themselves)")
    .requiredOption('--user <email>', 'the user whose tokens to list')
    .addOption(dataDirOption())
    .addOption(formatOption())
    .addHelpText('after', LOCK_NOTE)
    .action(async (flags: DbFlags & { user: string }) => {
      const userEmail = parseInput(Email, flags.user, { '': '--user' });
      const { asOperator } = await import('../support/environment.js');
      const { listUserTokens } = await import('@redress/server');
      const items = await asOperator(io, flags, 'token list', (deps, ctx) => listUserTokens(deps, ctx, { userEmail }));
      if (flags.format === 'json') {
        io.out(json(TokenList.parse({ items })));
        return;
      }
      io.out(
        renderTable(
          ['id', 'name', 'prefix', 'scopes', 'created', 'last used', 'expires', 'revoked'],
          items.map((t) => [
            t.id,
            t.name,
            t.prefix,
            t.scopes.join(','),
            t.createdAt,
            t.lastUsedAt,
            t.expiresAt ?? 'never',
            t.revokedAt,
          ]),
        ),
      );
    });

  token
    .command('revoke')
    .description('Revoke an API token at once')
    .argument('<id>', 'the token id (from `token create` or `token list`)')
    .addOption(dataDirOption())
    .addOption(formatOption())
    .addHelpText('after', LOCK_NOTE)
    .action(async (idArg: string, flags: DbFlags) => {
      const id = parseInput(Id, idArg, { '': '<id>' });
      const { asOperator } = await import('../support/environment.js');
      const { revokeAnyApiToken } = await import('@redress/server');
      const revoked = await asOperator(io, flags, 'token revoke', (deps, ctx) => revokeAnyApiToken(deps, ctx, { id }));
      if (flags.format === 'json') io.out(json({ revoked: true, ...revoked }));
      else io.out(`Revoked token ${revoked.id} (${revoked.name}).`);
    });
};
