import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit-log.js';
import { migrate, migrationStatus } from '../src/migrate.js';
import { openDatabase } from '../src/open-database.js';
import { testEngine } from '../src/testing.js';
import { killFixtures, spawnFixture } from './fixtures/child-process.js';

/**
 * "A process killed at any moment leaves a database that opens, with every acknowledged write
 * present." A child writes (audit entries, users, and both in one transaction) and prints each write
 * once its commit has returned; it is killed with SIGKILL at a random moment, over and over in one
 * data directory, and after each kill this process opens the directory and checks everything.
 */

/** mulberry32: a small seeded generator, so a failing run can be repeated with CRASH_SEED. */
const randomFrom = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

type Acknowledged = { auditSeqs: Set<number>; userIds: Set<string>; userAuditSeqs: Map<string, number> };

const collect = (lines: readonly string[], into: Acknowledged) => {
  for (const line of lines) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'audit') into.auditSeqs.add(Number(a));
    else if (kind === 'user' && a) into.userIds.add(a);
    else if (kind === 'user+audit' && a) {
      into.userIds.add(a);
      into.userAuditSeqs.set(a, Number(b));
      into.auditSeqs.add(Number(b));
    } else if (kind !== 'ready') throw new Error(`unexpected line from the writer: ${line}`);
  }
};

let root: string;

describe.skipIf(testEngine() === 'postgres')('crash durability (PGlite)', { timeout: 180_000 }, () => {
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'redress-crash-test-'));
  });
  afterEach(killFixtures);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('keeps every acknowledged write, and opens, after SIGKILL at random moments, crash after crash', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const random = randomFrom(seed);
    const context = `CRASH_SEED=${seed}`;
    const dir = join(root, 'data');
    const acked: Acknowledged = { auditSeqs: new Set(), userIds: new Set(), userAuditSeqs: new Map() };
    const crashes: string[] = [];

    for (let round = 0; round < 4; round++) {
      const writer = spawnFixture('crash-writer.ts', [dir]);
      // Mostly mid-write (counted from `ready`); every third round from the spawn instead, which can land
      // in startup, crash recovery of the previous kill, or the migration check.
      const isFromSpawn = round % 3 === 2;
      const delayMs = Math.round((isFromSpawn ? 300 : 100) + random() * 900);
      if (!isFromSpawn) expect(await writer.nextLine(), context).toBe('ready');
      await new Promise((r) => setTimeout(r, delayMs));
      expect(await writer.kill(), context).toEqual({ code: null, signal: 'SIGKILL' });
      const before = acked.auditSeqs.size + acked.userIds.size;
      collect(writer.lines, acked);
      crashes.push(
        `round ${round}: killed ${delayMs} ms after ${isFromSpawn ? 'spawn' : 'ready'}, acknowledged ${acked.auditSeqs.size + acked.userIds.size - before}`,
      );
      const where = `${context}; ${crashes.join('; ')}`;

      const database = await openDatabase({ dataDir: dir });
      try {
        expect(JSON.parse(readFileSync(join(dir, 'redress.lock'), 'utf8')).pid, where).toBe(process.pid);
        await migrate(database);
        expect((await migrationStatus(database)).pending, where).toEqual([]);

        const auditSeqs = new Set(
          (await database.db.selectFrom('audit_log').select('seq').execute()).map((r) => r.seq),
        );
        const users = await database.db.selectFrom('users').select(['id', 'name']).execute();
        const userIds = new Set(users.map((u) => u.id));
        expect(
          [...acked.auditSeqs].filter((s) => !auditSeqs.has(s)),
          `${where}: lost audit entries`,
        ).toEqual([]);
        expect(
          [...acked.userIds].filter((id) => !userIds.has(id)),
          `${where}: lost users`,
        ).toEqual([]);

        const chain = await verifyAuditChain(database.db);
        expect(chain, where).toMatchObject({ ok: true, checked: auditSeqs.size });

        // Atomic across the crash: a user written with its audit entry never appears without it.
        const created = await database.db
          .selectFrom('audit_log')
          .select(['seq', 'entity_id'])
          .where('action', '=', 'user.created')
          .execute();
        const auditedUsers = new Map(created.map((r) => [r.entity_id, r.seq]));
        const withAudit = users.filter((u) => u.name === 'with-audit');
        expect(
          withAudit.filter((u) => !auditedUsers.has(u.id)),
          `${where}: users without their audit entry`,
        ).toEqual([]);
        expect(
          [...auditedUsers.keys()].filter((id) => !id || !userIds.has(id)),
          `${where}: orphan entries`,
        ).toEqual([]);
        for (const [id, seq] of acked.userAuditSeqs) expect(auditedUsers.get(id), where).toBe(seq);
      } finally {
        await database.close();
      }
      // No stale lock, guard or half-made cluster left behind.
      expect(readdirSync(dir), where).toEqual(['pglite']);
    }
    // The kills did land mid-write: something was acknowledged and something had to survive.
    expect(acked.auditSeqs.size, crashes.join('; ')).toBeGreaterThan(0);
    expect(acked.userIds.size, crashes.join('; ')).toBeGreaterThan(0);
  });

  it('opens a data directory whose first start was killed just as PGlite wrote PG_VERSION', async () => {
    const dir = join(root, 'first-start');
    const child = spawnFixture('die-in-first-start.ts', [dir]);
    expect(await child.nextLine()).toMatch(/^died-at .*\/PG_VERSION$/);
    expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(existsSync(join(dir, 'pglite', 'PG_VERSION'))).toBe(false);

    const database = await openDatabase({ dataDir: dir });
    try {
      await migrate(database);
      await sql`INSERT INTO organisation (name) VALUES ('Innocence Clinic')`.execute(database.db);
      expect(await database.db.selectFrom('organisation').select('name').execute()).toEqual([
        { name: 'Innocence Clinic' },
      ]);
    } finally {
      await database.close();
    }
    expect(readdirSync(dir).sort()).toEqual(['pglite']);
  });
});
