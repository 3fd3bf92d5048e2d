import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RequestContext, systemContext } from '../src/context.js';
import { runStagedImport } from '../src/use-cases/imports/run-import.js';
import { auditRows, type Client, createHarness, expectError, type Harness, signInAs } from './support/harness.js';
import { csvText, run, stage } from './support/spreadsheets.js';

let h: Harness;
let paralegal: Client;
/** The paralegal, for calling the use case directly as the routes do. */
let asParalegal: RequestContext;
beforeAll(async () => {
  h = await createHarness();
  const signedIn = await signInAs(h, 'paralegal');
  paralegal = signedIn.client;
  const { id, name, email, role } = signedIn.user;
  asParalegal = {
    actor: { userId: id, name, email, role, sessionId: null, scopes: null },
    ip: null,
    userAgent: null,
    requestId: null,
  };
});
afterAll(() => h.close());

const tenPeople = (prefix: string) =>
  csvText([
    ['external_id', 'legal_name'],
    ...Array.from({ length: 10 }, (_, i) => [`${prefix}-${i + 1}`, `Person ${prefix} ${i + 1}`]),
  ]);

const countPeople = async (prefix: string) =>
  Number(
    (
      await h.database.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('external_id', 'like', `${prefix}-%`)
        .executeTakeFirst()
    )?.n,
  );

const importRow = (id: string) =>
  h.database.db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('batches and progress', () => {
  it('writes batch by batch, one audit entry each, and reports progress as it goes', async () => {
    const staged = await stage(paralegal, 'people', tenPeople('PB'));
    const before = (await auditRows(h)).length;
    const progress: { rowsDone: number; rowsTotal: number }[] = [];
    const view = await runStagedImport(h.deps, systemContext('test'), staged.id, {
      batchSize: 3,
      onProgress: (p) => progress.push(p),
    });
    expect(view).toMatchObject({ status: 'done', progress: { rowsDone: 10, rowsTotal: 10 }, report: { created: 10 } });
    expect(progress).toEqual([
      { rowsDone: 0, rowsTotal: 10 },
      { rowsDone: 3, rowsTotal: 10 },
      { rowsDone: 6, rowsTotal: 10 },
      { rowsDone: 9, rowsTotal: 10 },
      { rowsDone: 10, rowsTotal: 10 },
    ]);
    const batches = (await auditRows(h)).slice(before).filter((e) => e.action === 'import.batch');
    expect(batches.map((b) => [b.details.firstLine, b.details.lastLine, b.details.created])).toEqual([
      [2, 4, 3],
      [5, 7, 3],
      [8, 10, 3],
      [11, 11, 1],
    ]);
    expect(batches.every((b) => b.actor_label === 'test')).toBe(true);
  });
});

describe('a run that stops part-way', () => {
  it('keeps what was written and continues from there when run again', async () => {
    const staged = await stage(paralegal, 'people', tenPeople('PR'));
    // The process "dies" after the second batch has committed.
    let batches = 0;
    await expect(
      runStagedImport(h.deps, asParalegal, staged.id, {
        batchSize: 3,
        onProgress: (p) => {
          if (p.rowsDone > 0 && ++batches === 2) throw new Error('connection lost');
        },
      }),
    ).rejects.toThrow('connection lost');
    const stopped = await importRow(staged.id);
    expect(stopped).toMatchObject({ status: 'failed', rows_done: 6 });
    expect(await countPeople('PR')).toBe(6);
    const view = await paralegal.request('GET', `/api/v1/imports/${staged.id}`);
    expect(view.json()).toMatchObject({
      status: 'failed',
      progress: { rowsDone: 6, rowsTotal: 10 },
      report: { created: 6 },
    });

    // Running again continues after the last line written: the report adds up, nothing is doubled.
    const report = await run(paralegal, staged.id);
    expect(report).toMatchObject({ created: 10, updated: 0, unchanged: 0, failed: 0 });
    expect(await countPeople('PR')).toBe(10);

    // A finished import run again starts over, and finds every record already there.
    expect(await run(paralegal, staged.id)).toMatchObject({ created: 0, unchanged: 10 });
    expect(await countPeople('PR')).toBe(10);
  });

  it('refuses a second run while one is running, and takes over a run that went quiet', async () => {
    const staged = await stage(paralegal, 'people', tenPeople('PQ'));
    await h.database.db
      .updateTable('imports')
      .set({ status: 'importing', updated_at: h.clock.now() })
      .where('id', '=', staged.id)
      .execute();
    expectError(await paralegal.request('POST', `/api/v1/imports/${staged.id}/run`), 409, 'import.running');
    expectError(await paralegal.request('POST', `/api/v1/imports/${staged.id}/dry-run`), 409, 'import.running');
    expectError(
      await paralegal.request('PUT', `/api/v1/imports/${staged.id}/mapping`, {
        mapping: { external_id: 'external_id', legal_name: 'legal_name' },
      }),
      409,
      'import.running',
    );
    h.clock.advance(3 * 60_000);
    expect(await run(paralegal, staged.id)).toMatchObject({ created: 10 });
  });
});

describe('a row the database refuses', () => {
  it('fails that row alone: the rest of its batch is written', async () => {
    await h.database.executeSql(`
      CREATE FUNCTION test_refuse_explode() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.legal_name = 'Explode' THEN RAISE EXCEPTION 'refused' USING ERRCODE = 'check_violation'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_refuse_explode BEFORE INSERT OR UPDATE ON people
        FOR EACH ROW EXECUTE FUNCTION test_refuse_explode();
    `);
    try {
      const before = (await auditRows(h)).length;
      const text = csvText([
        ['external_id', 'legal_name'],
        ['TX-1', 'Fine'],
        ['TX-2', 'Explode'],
        ['TX-3', 'Also fine'],
      ]);
      const report = await run(paralegal, (await stage(paralegal, 'people', text)).id);
      expect(report).toMatchObject({ created: 2, failed: 1 });
      expect(report.errors).toEqual([
        { line: 3, field: null, message: 'The database refused this row as inconsistent' },
      ]);
      expect(await countPeople('TX')).toBe(2);
      const batches = (await auditRows(h)).slice(before).filter((e) => e.action === 'import.batch');
      expect(batches).toHaveLength(1);
      expect(batches[0]?.details).toMatchObject({ created: 2, failed: 1 });
    } finally {
      await h.database.executeSql('DROP TRIGGER test_refuse_explode ON people; DROP FUNCTION test_refuse_explode();');
    }
  });
});
