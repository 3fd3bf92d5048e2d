import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendAudit,
  type BackupArchive,
  BackupError,
  type Database,
  dropTemplate,
  insertApiToken,
  insertOrganisation,
  insertSession,
  insertSignInLink,
  insertUser,
  migrate,
  openBackup,
  openDatabase,
  openTestDatabase,
  prepareRestoreTarget,
  prepareTemplate,
  readCatalog,
  replaceRecoveryCodes,
  restoreBackup,
  type TemplateRef,
  type TestDatabase,
  verifyAuditChain,
  type WriteBackupOptions,
  writeBackup,
} from '@redress/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

type EngineName = 'pglite' | 'postgres';

// Provided by global-setup.ts.
const template = inject('dbTemplate' as never) as TemplateRef;
let postgresTemplate: TemplateRef | null = template.engine === 'postgres' ? template : null;

/** PGlite is always available; PostgreSQL when the run is on it or DATABASE_URL is set. */
const hasPostgres = template.engine === 'postgres' || Boolean(process.env.DATABASE_URL);
const runEngine: EngineName = template.engine;
const otherEngine: EngineName = runEngine === 'pglite' ? 'postgres' : 'pglite';

/** A fresh, migrated database of either engine, whichever the run's template is. */
const openFresh = async (engine: EngineName): Promise<TestDatabase> => {
  if (engine === template.engine) return openTestDatabase(template);
  if (engine === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    await migrate(db);
    return db;
  }
  if (!postgresTemplate) {
    postgresTemplate = await prepareTemplate('postgres', join(tmpdir(), 'unused.tar'));
  }
  return openTestDatabase(postgresTemplate);
};

const dropExtraTemplates = async () => {
  if (postgresTemplate && postgresTemplate !== template) await dropTemplate(postgresTemplate);
};

const tempDir = () => mkdtempSync(join(tmpdir(), 'redress-backup-test-'));

const NOW = new Date('2026-03-02T09:00:00.123Z');

/** Users, sessions, tokens, links, recovery codes and a hash-chained audit log, with awkward text. */
const seed = async (database: Database, options: { users?: number; auditEntries?: number } = {}) => {
  const users = options.users ?? 4;
  const auditEntries = options.auditEntries ?? 40;
  await database.db.transaction().execute(async (tx) => {
    await insertOrganisation(tx, 'Freedom Project — “Ünïcode” ⚖️', NOW);
    const ids: string[] = [];
    for (let i = 0; i < users; i++) {
      const user = await insertUser(tx, {
        id: crypto.randomUUID(),
        email: `person${i}@example.org`,
        name: i === 0 ? 'O\'Brien "Quotes" \\ back\\slash 日本語' : `Person ${i}`,
        role: i === 0 ? 'administrator' : 'attorney',
        passwordHash: i % 2 === 0 ? `$argon2id$fake${i}` : null,
        now: NOW,
      });
      ids.push(user.id);
      await insertSession(tx, {
        id: crypto.randomUUID(),
        tokenHash: randomBytes(32).toString('hex'),
        userId: user.id,
        csrfToken: randomBytes(16).toString('hex'),
        isSecondFactorPending: i === 1,
        ip: '203.0.113.7',
        userAgent: 'Mozilla/5.0 (test)\ttab',
        now: new Date(NOW.getTime() + i),
      });
      await insertApiToken(tx, {
        id: crypto.randomUUID(),
        userId: user.id,
        name: `token ${i}`,
        tokenHash: randomBytes(32).toString('hex'),
        prefix: 'rdr_abcdef',
        scopes: i === 0 ? ['read', 'write', 'admin'] : ['read'],
        expiresAt: i === 2 ? null : new Date(NOW.getTime() + 86_400_000),
        now: NOW,
      });
      await insertSignInLink(tx, {
        id: crypto.randomUUID(),
        userId: user.id,
        tokenHash: randomBytes(32).toString('hex'),
        purpose: 'invite',
        createdBy: ids[0] ?? null,
        expiresAt: new Date(NOW.getTime() + 7 * 86_400_000),
        now: NOW,
      });
      await replaceRecoveryCodes(tx, user.id, [
        { id: crypto.randomUUID(), codeHash: randomBytes(16).toString('hex') },
        { id: crypto.randomUUID(), codeHash: randomBytes(16).toString('hex') },
      ]);
    }
    for (let i = 0; i < auditEntries; i++) {
      await appendAudit(
        tx,
        {
          actorId: ids[i % ids.length] ?? null,
          actorLabel: 'Tester <t@example.org>',
          ip: null,
          userAgent: null,
          requestId: `r${i}`,
        },
        {
          action: 'test.event',
          entityType: 'user',
          entityId: ids[0] ?? null,
          details: { i, nested: { emoji: '⚖️🔒', quote: '"\n\u2028', max: Number.MAX_SAFE_INTEGER } },
        },
        new Date(NOW.getTime() + i * 1000),
      );
    }
  });
};

/** Every table's rows as PostgreSQL's JSON text, in primary-key order, timestamps in UTC. */
const snapshotTables = (database: Database): Promise<Record<string, string[]>> =>
  database.withConnection(async (run) => {
    await run('BEGIN');
    try {
      await run(`SET LOCAL TIME ZONE 'UTC'`);
      const catalog = await readCatalog(run);
      const out: Record<string, string[]> = {};
      for (const t of catalog.tables) {
        const order = t.primaryKey.length > 0 ? t.primaryKey.map((c) => `"${c}"`).join(', ') : '1';
        const { rows } = await run(`SELECT to_jsonb(t)::text AS j FROM public."${t.name}" t ORDER BY ${order}`);
        out[t.name] = rows.map((r) => String(r.j));
      }
      for (const s of catalog.sequences) {
        const { rows } = await run(`SELECT last_value::text AS v, is_called FROM public."${s}"`);
        out[`sequence:${s}`] = [`${rows[0]?.v}/${rows[0]?.is_called}`];
      }
      return out;
    } finally {
      await run('ROLLBACK');
    }
  });

const backupToFile = async (database: Database, path: string, options: WriteBackupOptions = {}) => {
  const out = createWriteStream(path, { mode: 0o600 });
  return writeBackup(database, out, options);
};

const openFile = (path: string, passphrase?: string): Promise<BackupArchive> =>
  openBackup(createReadStream(path), passphrase === undefined ? {} : { passphrase });

const countAllRows = async (database: Database): Promise<number> => {
  const snapshot = await snapshotTables(database);
  return Object.entries(snapshot)
    .filter(([k]) => !k.startsWith('sequence:'))
    .reduce((n, [, rows]) => n + rows.length, 0);
};

const PASSPHRASE = 'correct horse battery staple';

afterAll(() => dropExtraTemplates());

/** Backs up `source`, restores into a fresh database of `targetEngine`, and checks both are equal. */
const roundTrip = async (source: Database, targetEngine: EngineName, passphrase?: string) => {
  const file = join(tempDir(), 'backup.redress');
  const masterKey = passphrase ? randomBytes(32) : null;
  const written = await backupToFile(source, file, passphrase ? { passphrase, masterKey } : {});
  const target = await openFresh(targetEngine);
  try {
    const archive = await openFile(file, passphrase);
    expect(archive.header).toMatchObject({ format: 'redress-backup', formatVersion: 1, sourceEngine: source.engine });
    expect(archive.isEncrypted).toBe(Boolean(passphrase));
    expect(archive.masterKey?.equals(masterKey ?? Buffer.alloc(0)) ?? null).toBe(passphrase ? true : null);
    const restored = await restoreBackup(target, archive, { batchRows: 7 });
    expect(restored.rowCounts).toEqual(written.rowCounts);
    expect(restored.auditChain).toMatchObject({ ok: true });
    expect(await snapshotTables(target)).toEqual(await snapshotTables(source));
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true, checked: written.rowCounts.audit_log });
    return written;
  } finally {
    await target.close();
  }
};

describe('backup and restore', () => {
  let source: TestDatabase;
  beforeAll(async () => {
    source = await openFresh(runEngine);
    await seed(source, { auditEntries: 120 });
  });
  afterAll(() => source.close());

  it(`round-trips every table on the same engine (${runEngine})`, async () => {
    const written = await roundTrip(source, runEngine);
    expect(written.header.tables.indexOf('users')).toBeLessThan(written.header.tables.indexOf('sessions'));
    expect(written.header.tables).not.toContain('schema_migrations');
    expect(written.rowCounts).toMatchObject({
      users: 4,
      sessions: 4,
      api_tokens: 4,
      recovery_codes: 8,
      audit_log: 120,
    });
  });

  it('round-trips an encrypted archive carrying the master key', async () => {
    const written = await roundTrip(source, runEngine, PASSPHRASE);
    expect(written).toMatchObject({ isEncrypted: true, hasMasterKey: true });
  });

  it.skipIf(!hasPostgres)(`round-trips across engines, ${runEngine} -> ${otherEngine} and back`, async () => {
    await roundTrip(source, otherEngine);
    const other = await openFresh(otherEngine);
    try {
      await seed(other);
      await roundTrip(other, runEngine);
    } finally {
      await other.close();
    }
  });
  if (!hasPostgres) {
    it.skip('cross-engine round trip: skipped because DATABASE_URL is not set (no PostgreSQL to restore into)', () => {});
  }

  it('restores into a brand-new database, applying exactly the archive’s migrations first', async () => {
    const file = join(tempDir(), 'backup.redress');
    await backupToFile(source, file);
    const archive = await openFile(file);
    // A new database with no schema at all: on PostgreSQL an empty database, on PGlite a new one.
    const target: TestDatabase =
      runEngine === 'pglite'
        ? await openDatabase({ dataDir: 'memory://' })
        : await openFresh('postgres').then(async (db) => {
            await db.executeSql('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
            return db;
          });
    try {
      const prepared = await prepareRestoreTarget(target, archive.header);
      expect(prepared.applied).toEqual(archive.header.migrations);
      await restoreBackup(target, archive);
      expect(await snapshotTables(target)).toEqual(await snapshotTables(source));
      // A database already past the archive is refused, and so is an archive from a newer Redress.
      await expect(prepareRestoreTarget(target, { migrations: archive.header.migrations.slice(0, 1) })).rejects.toThrow(
        /already migrated past the archive/,
      );
      await expect(prepareRestoreTarget(target, { migrations: ['0001', '9999'] })).rejects.toThrow(
        /newer version of Redress \(migrations 9999/,
      );
    } finally {
      await target.close();
    }
  });

  it('keeps unusual types exactly: big numbers, arrays, bytea, generated and identity columns, sequences', async () => {
    const ddl = `
      CREATE TABLE z_parent (id serial PRIMARY KEY, big bigint, exact numeric(60, 20), ratio double precision,
        blob bytea, tags text[], doc jsonb, day date, moment timestamptz, local_time timestamp, span interval,
        flag boolean, doubled bigint GENERATED ALWAYS AS (big * 2) STORED);
      CREATE TABLE a_child (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        parent_id integer NOT NULL REFERENCES z_parent (id), note text);`;
    const probe = await openFresh(runEngine);
    const target = await openFresh(runEngine);
    try {
      for (const db of [probe, target]) await db.executeSql(ddl);
      await probe.executeSql(
        `INSERT INTO z_parent (big, exact, ratio, blob, tags, doc, day, moment, local_time, span, flag) VALUES
          (9007199254740993, 12345678901234567890123456789.01234567890123456789, 0.1, '\\x00ff10', '{a,"b c",NULL}',
           '{"n": 123456789012345678901234567890, "s": "x\\ny"}', '2024-02-29', '2026-03-02 09:00:00.123456+05:30',
           '1999-12-31 23:59:59.999999', '1 year 2 mons 3 days 04:05:06.789', true),
          (NULL, NULL, 'NaN', NULL, '{}', 'null', NULL, NULL, NULL, NULL, NULL)`,
      );
      await probe.executeSql(`INSERT INTO a_child (parent_id, note) SELECT id, 'child of ' || id FROM z_parent`);
      const file = join(tempDir(), 'types.redress');
      const written = await backupToFile(probe, file, { pageSize: 1 });
      expect(written.header.tables.indexOf('z_parent')).toBeLessThan(written.header.tables.indexOf('a_child'));
      expect(written.header.sequences).toEqual(['a_child_id_seq', 'z_parent_id_seq']);
      await restoreBackup(target, await openFile(file));
      expect(await snapshotTables(target)).toEqual(await snapshotTables(probe));
      const { rows } = await target.executeSql(
        'SELECT big::text AS big, exact::text AS exact, doubled::text AS doubled FROM z_parent ORDER BY id LIMIT 1',
      );
      expect(rows[0]).toEqual({
        big: '9007199254740993',
        exact: '12345678901234567890123456789.01234567890123456789',
        doubled: '18014398509481986',
      });
      // The sequences continue where the source's were: new rows do not collide.
      await target.executeSql(`INSERT INTO z_parent (big) VALUES (1)`);
      await target.executeSql(`INSERT INTO a_child (parent_id) VALUES (3)`);
    } finally {
      await probe.close();
      await target.close();
    }
  });
});

// One seeded source and one empty target shared by the refusals: every refusal must leave the target
// empty, which is what the next test relies on (and checks).
describe('restore refuses', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let plainFile: string;
  let encryptedFile: string;
  beforeAll(async () => {
    [source, target] = await Promise.all([openFresh(runEngine), openFresh(runEngine)]);
    await seed(source, { auditEntries: 400 });
    plainFile = join(tempDir(), 'plain.redress');
    encryptedFile = join(tempDir(), 'encrypted.redress');
    await backupToFile(source, plainFile);
    await backupToFile(source, encryptedFile, { passphrase: PASSPHRASE });
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  const expectTargetEmpty = async () => expect(await countAllRows(target)).toBe(0);

  it('a wrong passphrase, and a missing one', async () => {
    await expect(openFile(encryptedFile, 'not the passphrase at all')).rejects.toThrow(
      'wrong passphrase or damaged archive',
    );
    await expect(openFile(encryptedFile)).rejects.toMatchObject({ code: 'passphrase_required' });
  });

  it('a file that is not a backup', async () => {
    const file = join(tempDir(), 'not-a-backup');
    writeFileSync(file, 'hello, world\n');
    await expect(openFile(file)).rejects.toMatchObject({ code: 'not_a_backup' });
  });

  for (const isEncrypted of [false, true]) {
    it(`a tampered ${isEncrypted ? 'encrypted' : 'plain'} archive (one byte flipped), writing nothing`, async () => {
      const bytes = readFileSync(isEncrypted ? encryptedFile : plainFile);
      for (const at of [Math.floor(bytes.length / 2), bytes.length - 10]) {
        const copy = Buffer.from(bytes);
        copy[at] = (copy[at] ?? 0) ^ 0x01;
        const tampered = join(tempDir(), 'tampered.redress');
        writeFileSync(tampered, copy);
        const error = await openFile(tampered, isEncrypted ? PASSPHRASE : undefined)
          .then((archive) => restoreBackup(target, archive, { batchRows: 5 }))
          .then(
            () => null,
            (e: unknown) => e,
          );
        expect(error).toBeInstanceOf(BackupError);
        if (isEncrypted) expect((error as Error).message).toBe('wrong passphrase or damaged archive');
        await expectTargetEmpty();
      }
    });
  }

  it('a database that is not empty', async () => {
    await expect(restoreBackup(source, await openFile(plainFile))).rejects.toThrow(/target database is not empty/);
  });

  it('an archive whose migrations differ from the target, either way', async () => {
    const addFuture = (db: Database) =>
      db.executeSql(`INSERT INTO schema_migrations (version, name, checksum) VALUES ('9999', 'future', 'x')`);
    const removeFuture = (db: Database) => db.executeSql(`DELETE FROM schema_migrations WHERE version = '9999'`);
    await addFuture(target);
    try {
      await expect(restoreBackup(target, await openFile(plainFile))).rejects.toThrow(
        /target database has migrations the archive lacks \(9999\)/,
      );
    } finally {
      await removeFuture(target);
    }
    await expectTargetEmpty();
    const future = join(tempDir(), 'future.redress');
    await addFuture(source);
    try {
      await backupToFile(source, future);
    } finally {
      await removeFuture(source);
    }
    await expect(restoreBackup(target, await openFile(future))).rejects.toThrow(
      /archive was made with migrations the target database lacks \(9999\)/,
    );
    await expectTargetEmpty();
  });

  it('and leaves the target empty when it fails midway (truncated archive, failing step, failing hook)', async () => {
    const bytes = readFileSync(plainFile);
    const truncated = join(tempDir(), 'truncated.redress');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    let inserted = 0;
    const error = await restoreBackup(target, await openFile(truncated), {
      batchRows: 10,
      onProgress: (p) => {
        inserted = p.rowsDone;
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect(inserted).toBeGreaterThan(0);
    await expectTargetEmpty();
    await expect(
      restoreBackup(target, await openFile(plainFile), {
        batchRows: 10,
        onProgress: (p) => {
          if (p.rowsDone > 50) throw new Error('disk on fire');
        },
      }),
    ).rejects.toThrow('disk on fire');
    await expectTargetEmpty();
    await expect(
      restoreBackup(target, await openFile(encryptedFile, PASSPHRASE), {
        beforeCommit: () => {
          throw new Error('master key could not be written');
        },
      }),
    ).rejects.toThrow('master key could not be written');
    await expectTargetEmpty();
  });

  it('to put a master key in a plain archive', async () => {
    await expect(
      backupToFile(source, join(tempDir(), 'x.redress'), { masterKey: randomBytes(32) }),
    ).rejects.toMatchObject({ code: 'invalid_option' });
  });

  // Last: it finally restores into the shared target.
  it('an archive whose audit chain is broken, unless told to accept it', async () => {
    const broken = await openFresh(runEngine);
    try {
      await seed(broken, { auditEntries: 5 });
      await broken.executeSql(
        `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
         UPDATE audit_log SET action = 'rewritten' WHERE seq = 3;
         ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`,
      );
      const file = join(tempDir(), 'broken.redress');
      await backupToFile(broken, file);
      await expect(restoreBackup(target, await openFile(file))).rejects.toThrow(/audit chain is broken at seq 3/);
      await expectTargetEmpty();
      const summary = await restoreBackup(target, await openFile(file), { allowBrokenAuditChain: true });
      expect(summary.auditChain).toMatchObject({ ok: false, firstBreak: { seq: 3 } });
      expect(await snapshotTables(target)).toEqual(await snapshotTables(broken));
    } finally {
      await broken.close();
    }
  });
});
