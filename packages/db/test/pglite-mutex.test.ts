import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openTestDatabase, type TemplateRef, type TestDatabase } from '../src/testing.js';

/**
 * PGlite is one connection. Without the ConnectionMutex, a statement from elsewhere in the app (a
 * pg-boss poll, a backup, another request) would run inside whatever transaction happened to be open
 * and be committed or rolled back with it.
 */
const template = inject('dbTemplate') as TemplateRef;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A promise plus a flag saying whether it has settled yet. */
const watch = <T>(promise: Promise<T>) => {
  const state = { isSettled: false, promise };
  promise.then(
    () => {
      state.isSettled = true;
    },
    () => {
      state.isSettled = true;
    },
  );
  return state;
};
/** Opens a transaction that inserts `id`, then waits for `release()` and rolls back. */
const openTransaction = (database: TestDatabase, id: number) => {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let signalInside: () => void = () => {};
  const inside = new Promise<void>((resolve) => {
    signalInside = resolve;
  });
  const rollback = new Error('roll back');
  const done = database.db
    .transaction()
    .execute(async (tx) => {
      await sql`INSERT INTO mutex_probe (id, source) VALUES (${id}, 'transaction')`.execute(tx);
      signalInside();
      await released;
      throw rollback;
    })
    .catch((e: unknown) => {
      if (e !== rollback) throw e;
    });
  return { inside, release, done };
};
const ids = async (database: TestDatabase) =>
  (await database.executeSql('SELECT id FROM mutex_probe ORDER BY id')).rows.map((r) => r.id);

let database: TestDatabase;

describe.skipIf(template.engine !== 'pglite')('PGlite connection mutex', () => {
  beforeAll(async () => {
    database = await openTestDatabase(template);
    await database.executeSql('CREATE TABLE mutex_probe (n serial PRIMARY KEY, id integer NOT NULL, source text)');
  });
  beforeEach(async () => {
    await database.executeSql('DELETE FROM mutex_probe');
  });
  afterAll(() => database.close());

  it('keeps executeSql out of an open Kysely transaction: it waits, and survives the rollback', async () => {
    const tx = openTransaction(database, 1);
    await tx.inside;
    const raw = watch(database.executeSql("INSERT INTO mutex_probe (id, source) VALUES (2, 'executeSql')"));
    const probe = watch(database.executeSql('SELECT pg_current_xact_id_if_assigned() IS NULL AS is_outside'));
    await sleep(50);
    expect(raw.isSettled).toBe(false);
    tx.release();
    await tx.done;
    await raw.promise;
    expect((await probe.promise).rows).toEqual([{ is_outside: true }]);
    expect(await ids(database)).toEqual([2]);
  });

  it('keeps withConnection and plain Kysely queries out of an open transaction, unable to see its rows', async () => {
    const tx = openTransaction(database, 1);
    await tx.inside;
    const seen = watch(
      database.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .execute(),
    );
    const read = watch(sql<{ id: number }>`SELECT id FROM mutex_probe`.execute(database.db));
    const written = watch(
      database.withConnection(async (run) => {
        await run("INSERT INTO mutex_probe (id, source) VALUES (3, 'withConnection')");
        return run('SELECT pg_current_xact_id_if_assigned() IS NULL AS is_outside');
      }),
    );
    await sleep(50);
    expect([seen.isSettled, read.isSettled, written.isSettled]).toEqual([false, false, false]);
    tx.release();
    await tx.done;
    expect((await read.promise).rows).toEqual([]);
    expect((await written.promise).rows).toEqual([{ is_outside: true }]);
    await seen.promise;
    expect(await ids(database)).toEqual([3]);
  });

  it('never interleaves statements into transactions under concurrent load', async () => {
    const work = Array.from({ length: 10 }, (_, t) => [
      database.db.transaction().execute(async (tx) => {
        for (let i = 0; i < 3; i++) {
          await sql`INSERT INTO mutex_probe (id, source) VALUES (${t}, 'transaction')`.execute(tx);
        }
        if (t % 3 === 0) throw new Error('rolled back on purpose');
      }),
      database.executeSql("INSERT INTO mutex_probe (id, source) VALUES (100, 'executeSql')"),
    ]).flat();
    await Promise.allSettled(work);
    const rows = (await database.executeSql('SELECT id, source FROM mutex_probe ORDER BY n')).rows as Array<{
      id: number;
      source: string;
    }>;
    // Every committed transaction's three rows sit together; rolled-back ones left nothing; every raw
    // insert is there.
    const fromTransactions = rows.filter((r) => r.source === 'transaction').map((r) => r.id);
    expect(fromTransactions).toEqual([1, 2, 4, 5, 7, 8].flatMap((t) => [t, t, t]).sort((a, b) => a - b));
    const runs = rows.map((r) => r.id).filter((id, i, all) => id !== 100 && all[i - 1] !== id);
    expect(runs).toEqual([1, 2, 4, 5, 7, 8]);
    expect(rows.filter((r) => r.source === 'executeSql')).toHaveLength(10);
  });

  it('leaves the connection outside any transaction after one fails on an SQL error', async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await sql`INSERT INTO mutex_probe (id, source) VALUES (1, 'transaction')`.execute(tx);
        await sql`SELECT * FROM no_such_table`.execute(tx);
      }),
    ).rejects.toThrow('no_such_table');
    expect((await database.executeSql('SELECT pg_current_xact_id_if_assigned() IS NULL AS is_outside')).rows).toEqual([
      { is_outside: true },
    ]);
    await database.executeSql("INSERT INTO mutex_probe (id, source) VALUES (2, 'executeSql')");
    expect(await ids(database)).toEqual([2]);
  });
});
