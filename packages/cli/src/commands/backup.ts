import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from '@redress/db';
import type { Config } from '@redress/server';
import type { Command } from 'commander';
import type { CliIo } from '../support/cli-io.js';
import { CliError, UsageError } from '../support/errors.js';
import { dataDirOption, LOCK_NOTE } from '../support/options.js';
import { type Format, formatOption, json, renderFields } from '../support/output.js';
import { type PassphraseFlags, passphraseOptions, readPassphrase } from '../support/passphrase.js';
import { rowProgress } from '../support/progress.js';

type BackupFlags = PassphraseFlags & { dataDir?: string; format: Format; force?: boolean };
type RestoreFlags = PassphraseFlags & {
  dataDir?: string;
  format: Format;
  replaceMasterKey?: boolean;
  allowBrokenAuditChain?: boolean;
};

const BACKUP_HELP = `
The archive is a consistent snapshot of every table (one read-only transaction), gzipped JSON lines.
With a passphrase it is encrypted (scrypt + AES-256-GCM) and also carries the master key, so TOTP
secrets and encrypted documents stay readable on a new server. Without one, it holds no master key:
copy master.key from the data directory (or REDRESS_MASTER_KEY) separately and keep it safe.
On PostgreSQL a backup may run while servers are running.
${LOCK_NOTE}`;

const RESTORE_HELP = `
Restores into an EMPTY database of either engine (PGlite or PostgreSQL): run it before the first
\`redress start\` on the new installation, which would otherwise create a workspace. It applies the
archive's migrations first if the database is new, restores everything in one transaction (all or
nothing, counts and checksum verified, audit chain verified), then applies any newer migrations.
An encrypted archive's master key is written to <data dir>/master.key when there is none; a different
existing key is refused unless --replace-master-key (the old file is kept beside it).
${LOCK_NOTE}`;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const writeArchive = async (io: CliIo, config: Config, database: Database, file: string, passphrase?: string) => {
  const { writeBackup } = await import('@redress/db');
  const { dataDirOf } = await import('../support/environment.js');
  const { readMasterKeyIfPresent } = await import('../support/master-key.js');
  const masterKey = passphrase ? readMasterKeyIfPresent(config, dataDirOf(config)) : null;
  // Written beside the target and renamed into place only when complete: a failed or interrupted
  // backup never leaves a file that looks like a good archive.
  const partial = `${file}.partial-${process.pid}`;
  const out = createWriteStream(partial, { flags: 'wx', mode: 0o600, flush: true });
  const progress = rowProgress(io, 'Backing up');
  try {
    const summary = await writeBackup(database, out, {
      ...(passphrase ? { passphrase, masterKey } : {}),
      onProgress: (p) => progress.update(p.rowsDone, p.rowsTotal, p.table),
    });
    if (!out.closed) await once(out, 'close');
    renameSync(partial, file);
    return { summary, bytes: out.bytesWritten, hasMasterKey: Boolean(masterKey) };
  } catch (e) {
    out.destroy();
    rmSync(partial, { force: true });
    throw e;
  } finally {
    progress.stop();
  }
};

const backupAction = (io: CliIo) => async (fileArg: string, flags: BackupFlags) => {
  const file = resolve(fileArg);
  if (existsSync(file) && !flags.force) throw new CliError(`${file} exists; choose another name or use --force`);
  const passphrase = await readPassphrase(io, flags, 'encrypt');
  const { auditOperatorEvent, dataDirOf, loadConfig, withDatabase } = await import('../support/environment.js');
  const { masterKeyPath } = await import('../support/master-key.js');
  const config = loadConfig(io, { REDRESS_DATA_DIR: flags.dataDir });
  const { summary, bytes, hasMasterKey } = await withDatabase(config, async (database) => {
    const written = await writeArchive(io, config, database, file, passphrase);
    // Whoever takes a full copy of privileged data is on record. The archive is complete either way.
    await auditOperatorEvent(config, database, 'backup', {
      action: 'backup.created',
      entityType: 'database',
      entityId: null,
      details: {
        file,
        isEncrypted: written.summary.isEncrypted,
        hasMasterKey: written.hasMasterKey,
        rows: written.summary.totalRows,
        sha256: written.summary.sha256,
      },
    }).catch((e: unknown) =>
      io.note(`Warning: the backup is complete but could not be recorded in the audit log: ${(e as Error).message}`),
    );
    return written;
  });
  if (flags.format === 'json') {
    io.out(
      json({
        file,
        bytes,
        isEncrypted: summary.isEncrypted,
        hasMasterKey,
        createdAt: summary.header.createdAt,
        sourceEngine: summary.header.sourceEngine,
        migrations: summary.header.migrations,
        rowCounts: summary.rowCounts,
        sha256: summary.sha256,
      }),
    );
  } else {
    io.out(`Backup written to ${file}`);
    io.out(
      renderFields([
        ['Encrypted', summary.isEncrypted ? 'yes' : 'no'],
        ['Size', megabytes(bytes)],
        ['Tables', summary.header.tables.length],
        ['Rows', summary.totalRows],
        ['SHA-256 of content', summary.sha256],
      ]),
    );
  }
  if (!passphrase) {
    io.note(
      `Note: this archive is not encrypted and does not contain the master key. Copy ${masterKeyPath(dataDirOf(config))} (or REDRESS_MASTER_KEY) separately and keep it safe: without it, TOTP secrets and encrypted documents cannot be read after a restore. The archive holds privileged data: store it encrypted.`,
    );
  } else if (!hasMasterKey) {
    io.note(
      'Note: there is no master key yet (no server has run on this data directory), so the archive carries none.',
    );
  }
};

const restoreAction = (io: CliIo) => async (fileArg: string, flags: RestoreFlags) => {
  const file = resolve(fileArg);
  if (!existsSync(file)) throw new CliError(`${file} does not exist`);
  const passphrase = await readPassphrase(io, flags, 'decrypt');
  const { BackupError, migrate, openBackup, prepareRestoreTarget, restoreBackup } = await import('@redress/db');
  const { auditOperatorEvent, dataDirOf, loadConfig, withDatabase } = await import('../support/environment.js');
  const { applyMasterKeyPlan, planMasterKey } = await import('../support/master-key.js');
  const config = loadConfig(io, { REDRESS_DATA_DIR: flags.dataDir });
  const archive = await openBackup(createReadStream(file), { passphrase }).catch((e: unknown) => {
    if (e instanceof BackupError && e.code === 'passphrase_required') {
      throw new UsageError(
        'This archive is encrypted: give its passphrase with --passphrase-env <var> or --passphrase-stdin',
      );
    }
    throw e;
  });
  let isArchiveHandedOver = false;
  try {
    const dataDir = dataDirOf(config);
    // Decided before the database is touched: a conflicting key refuses the restore up front.
    const keyPlan = planMasterKey(config, dataDir, archive.masterKey, {
      replace: Boolean(flags.replaceMasterKey),
      now: new Date(),
    });
    const result = await withDatabase(config, async (database) => {
      await prepareRestoreTarget(database, archive.header, {
        onApplied: (m) => io.note(`Applied migration ${m.version}_${m.name}`),
      });
      const progress = rowProgress(io, 'Restoring');
      let undoKey: (() => void) | null = null;
      isArchiveHandedOver = true;
      try {
        const summary = await restoreBackup(database, archive, {
          allowBrokenAuditChain: Boolean(flags.allowBrokenAuditChain),
          onProgress: (p) => progress.update(p.rowsDone, p.rowsTotal, p.table),
          // The key goes in place before COMMIT, so restored secrets are never committed without the
          // key that opens them. If the commit then fails, the key is taken back out.
          beforeCommit: () => {
            undoKey = applyMasterKeyPlan(keyPlan);
          },
        });
        progress.stop();
        const after = await migrate(database, {
          onApplied: (m) => io.note(`Applied migration ${m.version}_${m.name}`),
        });
        // After the restored chain (which was verified before COMMIT): the restore itself is on record.
        await auditOperatorEvent(config, database, 'restore', {
          action: 'backup.restored',
          entityType: 'database',
          entityId: null,
          details: {
            archiveCreatedAt: archive.header.createdAt,
            sourceEngine: archive.header.sourceEngine,
            isEncrypted: archive.isEncrypted,
            rows: summary.totalRows,
            masterKey: keyPlan.action === 'none' ? keyPlan.reason : keyPlan.action,
          },
        }).catch((e: unknown) =>
          io.note(`Warning: restored, but the restore could not be recorded in the audit log: ${(e as Error).message}`),
        );
        return { summary, migratedAfter: after.applied, location: database.location, engine: database.engine };
      } catch (e) {
        progress.stop();
        (undoKey as (() => void) | null)?.();
        throw e;
      }
    });
    const { summary } = result;
    const chain = summary.auditChain;
    if (flags.format === 'json') {
      io.out(
        json({
          file,
          engine: result.engine,
          location: result.location,
          rowCounts: summary.rowCounts,
          sequences: summary.sequences,
          auditChain: chain,
          masterKey: keyPlan.action === 'none' ? keyPlan.reason : keyPlan.action === 'write' ? 'written' : 'replaced',
          migratedAfterRestore: result.migratedAfter,
        }),
      );
    } else {
      io.out(`Restored ${file} into ${result.location}`);
      io.out(
        renderFields([
          ['Made', `${archive.header.createdAt} on ${archive.header.sourceEngine}`],
          ['Tables', Object.keys(summary.rowCounts).length],
          ['Rows', summary.totalRows],
          [
            'Audit chain',
            chain === null
              ? 'none'
              : chain.ok
                ? `intact (${chain.checked} entries)`
                : `BROKEN at seq ${chain.firstBreak.seq}: ${chain.firstBreak.message}`,
          ],
          ...(result.migratedAfter.length > 0
            ? [['Migrated after restore', result.migratedAfter.join(', ')] as const]
            : []),
        ]),
      );
    }
    if (keyPlan.action === 'write') io.note(`Wrote the archive's master key to ${keyPlan.path}.`);
    if (keyPlan.action === 'replace') {
      io.note(
        `Replaced ${keyPlan.path} with the archive's master key; the previous key is in ${keyPlan.previousPath}.`,
      );
    }
    if (!archive.masterKey) {
      io.note(
        `Note: this archive carries no master key. Put the old server's master.key in ${dataDir} (or set REDRESS_MASTER_KEY) before starting, or TOTP secrets and encrypted documents cannot be read.`,
      );
    }
  } finally {
    if (!isArchiveHandedOver) archive.close();
  }
};

export const registerBackupCommands = (program: Command, io: CliIo) => {
  const backup = program
    .command('backup')
    .description('Write a consistent backup of the whole database to a file')
    .argument('<file>', 'archive to write (refused if it exists, unless --force)')
    .option('--force', 'overwrite an existing file')
    .addOption(dataDirOption())
    .addOption(formatOption())
    .addHelpText('after', BACKUP_HELP);
  for (const option of passphraseOptions()) backup.addOption(option);
  backup.action(backupAction(io));

  const restore = program
    .command('restore')
    .description('Restore a backup into an empty database (all or nothing)')
    .argument('<file>', 'archive to read')
    .option('--replace-master-key', "replace a different master.key with the archive's (the old one is kept)")
    .option('--allow-broken-audit-chain', 'restore even if the archive’s audit chain does not verify')
    .addOption(dataDirOption())
    .addOption(formatOption())
    .addHelpText('after', RESTORE_HELP);
  for (const option of passphraseOptions()) restore.addOption(option);
  restore.action(restoreAction(io));
};
