import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './support/run-in-process.js';
import { exitOf, type RunResult, runRedress, spawnRedress, waitForOutput } from './support/run-redress.js';

// The commands run as child processes (or, where the process itself is not what is tested, through
// runCli in this process) on PGlite data directories of their own. Both are migrated at
// once, in the background, while the tests that need no database run: creating a PGlite database is
// the slow part. The restore into a never-migrated database is covered by the db package's tests.
const root = mkdtempSync(join(tmpdir(), 'redress-cli-test-'));
const dataDir = join(root, 'data');
const restoredDir = join(root, 'restored');
const PASSPHRASE = 'a long and varied backup passphrase';

let migrated: Promise<RunResult[]>;
beforeAll(() => {
  migrated = Promise.all([dataDir, restoredDir].map((dir) => runRedress(['migrate', '--data-dir', dir])));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const expectOneErrorLine = (r: RunResult, pattern: RegExp) => {
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^redress: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
};

const usersIn = async (dir: string) => {
  const r = await runInProcess(['user', 'list', '--format', 'json', '--data-dir', dir], { REDRESS_DEMO: 'false' });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { items: { email: string; name: string; role: string; id: string }[] }).items;
};

// Generous: creating a PGlite database is CPU-bound and slows down a lot on a busy machine.
describe('redress', { timeout: 120_000 }, () => {
  it('shows help and exits 0', async () => {
    const [top, userAdd] = await Promise.all([runRedress(['--help']), runRedress(['user', 'add', '--help'])]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Usage: redress/);
    for (const command of ['start', 'migrate', 'user', 'token', 'audit', 'backup', 'restore']) {
      expect(top.stdout).toContain(command);
    }
    expect(userAdd.code).toBe(0);
    expect(userAdd.stdout).toMatch(/--role <role>/);
    expect(userAdd.stdout).toMatch(/locked while\s+`redress start` runs/);
  });

  it('refuses bad input with one readable line, no stack, and a non-zero exit', async () => {
    const [badRole, unknownOption] = await Promise.all([
      runRedress(['user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'king', '--data-dir', dataDir]),
      runRedress(['user', 'list', '--colour']),
    ]);
    expect(badRole.code, badRole.stderr).toBe(2);
    expect(badRole.stdout).toBe('');
    expectOneErrorLine(badRole, /--role: Invalid option: expected one of "administrator"/);
    expect(unknownOption.code, unknownOption.stderr).toBe(2);
    expectOneErrorLine(unknownOption, /unknown option '--colour'/);
  });

  it('adds a user, prints their one-time link, and lists them', async () => {
    for (const r of await migrated) expect(r.code, r.stderr).toBe(0);
    const add = await runRedress([
      'user',
      'add',
      '--email',
      'Ada.Attorney@Example.org',
      '--name',
      'Ada Attorney',
      '--role',
      'attorney',
      '--data-dir',
      dataDir,
    ]);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/Added ada\.attorney@example\.org \(attorney\)/);
    expect(add.stdout).toMatch(/one-time sign-in link .*: http:\/\/localhost:3000\/link\/\S{20,}/);
    const users = await usersIn(dataDir);
    expect(users).toEqual([expect.objectContaining({ email: 'ada.attorney@example.org', role: 'attorney' })]);
  });

  it('verifies the audit chain', async () => {
    const r = await runInProcess(['audit', 'verify', '--format', 'json', '--data-dir', dataDir], {});
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, checked: 1, lastHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('backs up encrypted and restores into a fresh data directory, master key included', async () => {
    // The key a running server would have made (commands that need no secret do not create one).
    writeFileSync(join(dataDir, 'master.key'), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    const file = join(root, 'redress.backup');
    const backup = await runRedress(
      ['backup', file, '--passphrase-env', 'BACKUP_PASSPHRASE', '--format', 'json', '--data-dir', dataDir],
      { BACKUP_PASSPHRASE: PASSPHRASE },
    );
    expect(backup.code, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ isEncrypted: true, hasMasterKey: true });
    // The wrong passphrase is refused before the database is opened, so both can run at once.
    const [wrong, restore] = await Promise.all([
      runRedress(['restore', file, '--passphrase-stdin', '--data-dir', restoredDir], {}, 'not it at all\n'),
      runRedress(['restore', file, '--passphrase-stdin', '--data-dir', restoredDir], {}, `${PASSPHRASE}\n`),
    ]);
    expect(wrong.code).toBe(1);
    expectOneErrorLine(wrong, /wrong passphrase or damaged archive/);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/Audit chain: +intact \(1 entries\)/);
    expect(restore.stderr).toMatch(/Wrote the archive's master key to .*master\.key/);
    expect(readFileSync(join(restoredDir, 'master.key'), 'utf8')).toBe(
      readFileSync(join(dataDir, 'master.key'), 'utf8'),
    );
    expect(await usersIn(restoredDir)).toEqual(await usersIn(dataDir));
    // The restored chain, and the restore recorded at its end, verify.
    const verify = await runInProcess(['audit', 'verify', '--format', 'json'], { REDRESS_DATA_DIR: restoredDir });
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, checked: 2 });
  });

  it('creates, lists and revokes API tokens and manages users, every change audited as the operator', async () => {
    const env = { REDRESS_DATA_DIR: dataDir, REDRESS_DEMO: 'false' };
    const ada = 'ada.attorney@example.org';
    const create = await runInProcess(
      ['token', 'create', '--user', ada, '--name', 'Case export', '--scopes', 'read,write', '--expires-days', '30'],
      { ...env },
    );
    expect(create.code, create.stderr).toBe(0);
    const token = /^(rdr_\S+)$/m.exec(create.stdout)?.[1];
    const id = /^id: +(\S+)$/m.exec(create.stdout)?.[1] ?? '';
    expect(token).toBeDefined();
    // One at a time: in one process, as in two, only one command may hold the data directory.
    const admin = await runInProcess(['token', 'create', '--user', ada, '--name', 'x', '--scopes', 'admin'], env);
    const badScope = await runInProcess(
      ['token', 'create', '--user', ada, '--name', 'x', '--scopes', 'read,root'],
      env,
    );
    const noSuchUser = await runInProcess(['user', 'disable', 'nobody@example.org'], env);
    expect(admin.code).toBe(1);
    expect(admin.stderr).toBe(
      'redress: Only administrators can hold admin-scoped tokens (scopes: The admin scope needs the administrator role)\n',
    );
    expect(badScope.code).toBe(2);
    expectOneErrorLine(badScope, /--scopes: Invalid option: expected one of "read"\|"write"\|"admin"/);
    expect(noSuchUser.code).toBe(1);
    expect(noSuchUser.stderr).toBe('redress: No user with the email nobody@example.org\n');
    expect((await runInProcess(['token', 'revoke', id], env)).code).toBe(0);
    const again = await runInProcess(['token', 'revoke', id], env);
    expect(again.stderr).toBe('redress: No such active token\n');
    const list = await runInProcess(['token', 'list', '--user', ada, '--format', 'json'], env);
    expect(JSON.parse(list.stdout).items).toEqual([
      expect.objectContaining({ id, name: 'Case export', scopes: ['read', 'write'], revokedAt: expect.any(String) }),
    ]);
    const reset = await runInProcess(['user', 'reset-password', 'Ada.Attorney@example.org'], env);
    expect(reset.stdout).toMatch(/one-time link \(valid until \S+, shown only now\): http:\/\/localhost:3000\/link\//);
    expect((await runInProcess(['user', 'disable', ada], env)).code).toBe(0);
    const users = JSON.parse((await runInProcess(['user', 'list', '--format', 'json'], env)).stdout).items;
    expect(users).toEqual([expect.objectContaining({ email: ada, isDisabled: true })]);

    const database = await openDatabase({ dataDir });
    try {
      const { rows } = await database.executeSql('SELECT action, actor_id, actor_label FROM audit_log ORDER BY seq');
      expect(rows.map((r) => r.action)).toEqual([
        'user.created',
        'backup.created',
        'token.created',
        'token.revoked',
        'user.password_reset',
        'user.updated',
      ]);
      for (const r of rows) {
        expect(r.actor_id).toBeNull();
        expect(r.actor_label).toMatch(
          /^redress (user add|backup|token create|token revoke|user reset-password|user disable) \(\S+@\S+\)$/,
        );
      }
    } finally {
      await database.close();
    }
  });

  it('exits 2 and names the first broken link when the audit chain was tampered with', async () => {
    const database = await openDatabase({ dataDir });
    try {
      await database.executeSql(
        `DROP TRIGGER audit_log_no_update ON audit_log; UPDATE audit_log SET action = 'user.deleted' WHERE seq = 1`,
      );
    } finally {
      await database.close();
    }
    const r = await runRedress(['audit', 'verify', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/First broken link: +seq 1/);
    expectOneErrorLine(r, /audit chain broken at seq 1: entry 1 was altered after it was written/);
  });

  it('refuses a second `redress start` on a data directory in use, and stops gracefully on SIGTERM', async () => {
    const server = spawnRedress(['start', '--port', '0', '--data-dir', dataDir], { REDRESS_JOBS: 'false' });
    try {
      const banner = await waitForOutput(server, /Stop with Ctrl\+C\./);
      expect(banner).toMatch(/Redress is running at http:\/\/127\.0\.0\.1:\d+/);
      expect(banner).toMatch(/Database: +PGlite \(embedded\)/);
      expect(banner).toMatch(
        /Sign in as admin@redress\.local with this one-time link \(valid 7 days, shown only now\): http\S+\/link\/\S+/,
      );
      const second = await runRedress(['start', '--port', '0', '--data-dir', dataDir]);
      expect(second.code).toBe(1);
      expectOneErrorLine(second, /is in use by another Redress process/);
      server.kill('SIGTERM');
      expect(await exitOf(server)).toBe(0);
    } finally {
      server.kill('SIGKILL');
    }
  });
});
