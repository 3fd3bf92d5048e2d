import { chainInput } from '@redress/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type AuditActor,
  type AuditEvent,
  appendAudit,
  findAuditEntries,
  sha256Hex,
  toChainedEntry,
  verifyAuditChain,
} from '../src/audit-log.js';
import type { Database } from '../src/open-database.js';
import { openTestDatabase, type TemplateRef, type TestDatabase } from '../src/testing.js';

const template = inject('dbTemplate') as TemplateRef;

const actor: AuditActor = {
  actorId: null,
  actorLabel: 'audit test',
  ip: '192.0.2.10',
  userAgent: 'vitest',
  requestId: 'req-1',
};
const event = (action: string, details?: Record<string, unknown>): AuditEvent => ({
  action,
  entityType: 'test',
  entityId: null,
  ...(details ? { details } : {}),
});
const NOW = new Date('2026-03-01T09:30:15.123Z');

const append = (database: Database, e: AuditEvent, who: AuditActor = actor) =>
  database.db.transaction().execute((tx) => appendAudit(tx, who, e, NOW));
const lastSeq = async (database: Database): Promise<number> =>
  (await database.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst())?.seq ??
  0;
const allSeqs = async (database: Database): Promise<number[]> =>
  (await database.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => r.seq);
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

let database: TestDatabase;

describe(`audit log (${template.engine})`, () => {
  beforeAll(async () => {
    database = await openTestDatabase(template);
  });
  afterAll(() => database.close());

  it('leaves no entry and no gap when the transaction rolls back', async () => {
    const before = await lastSeq(database);
    expect(await append(database, event('test.kept'))).toBe(before + 1);

    const failure = new Error('the change failed after its audit entry was written');
    await expect(
      database.db.transaction().execute(async (tx) => {
        expect(await appendAudit(tx, actor, event('test.rolled_back'), NOW)).toBe(before + 2);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await database.db.selectFrom('audit_log').where('action', '=', 'test.rolled_back').execute()).toEqual([]);

    expect(await append(database, event('test.after'))).toBe(before + 2);
    expect(await allSeqs(database)).toEqual(upTo(before + 2));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: before + 2 });
  });

  it('keeps seq contiguous and the chain valid under 20 concurrent transactions', async () => {
    const before = await lastSeq(database);
    // On PostgreSQL these run on a pool of connections and meet at the advisory lock; each also does
    // other work after its append, so the transactions overlap.
    const seqs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database.db.transaction().execute(async (tx) => {
          const seq = await appendAudit(tx, actor, event('test.concurrent', { i }), NOW);
          await tx.selectFrom('audit_log').select('seq').where('seq', '=', seq).execute();
          return seq;
        }),
      ),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual(upTo(before + 20).slice(before));
    expect(await allSeqs(database)).toEqual(upTo(before + 20));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: before + 20 });
  });

  it.each([
    ['UPDATE', "UPDATE audit_log SET actor_label = 'someone else'"],
    ['DELETE', 'DELETE FROM audit_log'],
    ['TRUNCATE', 'TRUNCATE audit_log'],
  ])('refuses %s on audit_log', async (operation, statement) => {
    await append(database, event('test.protected'));
    const before = await database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    await expect(database.executeSql(statement)).rejects.toThrow(`audit_log is append-only (${operation} refused)`);
    expect(await database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).toEqual(before);
  });

  it('refuses a change made through Kysely too, inside a transaction, and the transaction rolls back', async () => {
    const seq = await append(database, event('test.protected'));
    await expect(
      database.db.transaction().execute(async (tx) => {
        await appendAudit(tx, actor, event('test.same_transaction'), NOW);
        await tx.updateTable('audit_log').set({ action: 'test.rewritten' }).where('seq', '=', seq).execute();
      }),
    ).rejects.toThrow('append-only');
    expect(await database.db.selectFrom('audit_log').where('action', '=', 'test.same_transaction').execute()).toEqual(
      [],
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('verifies details holding a Date, nested objects and awkward values after the round trip', async () => {
    const details = {
      when: new Date('2024-02-29T23:59:59.999Z'),
      nested: { zebra: [1, { b: null, a: 'x' }, []], alpha: { deeper: { deepest: true } } },
      'key with "quotes" and \\ backslash': 'é 🙂 \u200b',
      numbers: { big: 1e21, fraction: 0.1 + 0.2, negativeZero: -0, large: 2 ** 60, tiny: 5e-324 },
      dropped: undefined,
      holes: [undefined, Number.NaN],
      empty: {},
    };
    const seq = await append(database, event('test.details', details));
    const [stored] = await findAuditEntries(database.db, { limit: 1, beforeSeq: seq + 1 });
    expect(stored?.details).toEqual(JSON.parse(JSON.stringify(details)));
    expect(stored?.details.when).toBe('2024-02-29T23:59:59.999Z');
    expect(stored?.at).toBe(NOW.toISOString());
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('verifies text holding a lone UTF-16 surrogate, which UTF-8 cannot store as it is', async () => {
    // A JSON body can carry "\ud800"; the database stores U+FFFD in its place.
    const seq = await append(database, event('test.surrogate', { name: 'a\ud800b', 'k\udc00': ['\udbff'] }), {
      ...actor,
      actorLabel: 'Ana \ud83d',
      userAgent: '\udc00agent',
    });
    const [stored] = await findAuditEntries(database.db, { limit: 1, beforeSeq: seq + 1 });
    expect(stored).toMatchObject({
      actorLabel: 'Ana \ufffd',
      userAgent: '\ufffdagent',
      details: { name: 'a\ufffdb', 'k\ufffd': ['\ufffd'] },
    });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('fails the whole transaction, rather than store an altered entry, on text the database refuses (NUL)', async () => {
    const before = await lastSeq(database);
    await expect(append(database, event('test.nul', { text: 'a\u0000b' }))).rejects.toThrow();
    await expect(append(database, event('test.nul'), { ...actor, actorLabel: 'a\u0000b' })).rejects.toThrow();
    expect(await lastSeq(database)).toBe(before);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: before });
  });
});

describe(`audit log tampering (${template.engine})`, () => {
  let tampered: TestDatabase;
  beforeAll(async () => {
    tampered = await openTestDatabase(template);
    for (let i = 1; i <= 5; i++) await append(tampered, event('test.entry', { i }));
    // Whoever has the database's owner role can drop the guard; the chain still tells.
    await tampered.executeSql('DROP TRIGGER audit_log_no_update ON audit_log');
  });
  afterAll(() => tampered.close());

  /** Runs `change` on the stored entries, checks what verification says, then puts the rows back. */
  const expectBreak = async (
    change: () => Promise<unknown>,
    expected: { seq: number; reason: string; message?: string },
  ) => {
    const original = await tampered.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    await change();
    try {
      const result = await verifyAuditChain(tampered.db);
      expect(result).toMatchObject({ ok: false, firstBreak: expected });
    } finally {
      await tampered.executeSql('DELETE FROM audit_log');
      await tampered.db
        .insertInto('audit_log')
        .values(original.map((r) => ({ ...r, details: JSON.stringify(r.details) })))
        .execute();
    }
    expect(await verifyAuditChain(tampered.db)).toMatchObject({ ok: true, checked: 5 });
  };

  it.each([
    ['details', `UPDATE audit_log SET details = '{"i": 99}' WHERE seq = 3`],
    ['the actor', "UPDATE audit_log SET actor_label = 'someone else' WHERE seq = 3"],
    ['the time', "UPDATE audit_log SET at = at - interval '1 day' WHERE seq = 3"],
    ['the action', "UPDATE audit_log SET action = 'test.innocent' WHERE seq = 3"],
  ])('names the entry whose %s was altered', async (_, change) => {
    await expectBreak(() => tampered.executeSql(change), {
      seq: 3,
      reason: 'hash_mismatch',
      message: 'entry 3 was altered after it was written',
    });
  });

  it('names the entry after one that was altered and given a correctly recomputed hash', async () => {
    await expectBreak(
      async () => {
        const row = await tampered.db
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '=', 3)
          .executeTakeFirstOrThrow();
        const {
          prevHash,
          hash: _,
          ...content
        } = toChainedEntry({ ...row, details: { i: 99 } } as Parameters<typeof toChainedEntry>[0]);
        await tampered.executeSql(`UPDATE audit_log SET details = '{"i": 99}', hash = $1 WHERE seq = 3`, [
          sha256Hex(chainInput(prevHash, content)),
        ]);
      },
      { seq: 4, reason: 'prev_hash_mismatch' },
    );
  });

  it('names the gap an entry deleted from the middle leaves', async () => {
    await expectBreak(() => tampered.executeSql('DELETE FROM audit_log WHERE seq = 2'), {
      seq: 3,
      reason: 'sequence_gap',
    });
  });
});
