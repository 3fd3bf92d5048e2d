import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createHarness, expectError, type Harness } from './support/harness.js';
import { addConvictionParties, addMatter, addPerson, type SignedIn, signedIn } from './support/search-fixtures.js';

// Recording what was decided about a conflict check, and reading a check back.

let h: Harness;
let lead: SignedIn; // attorney on the legal team of the matter with the victim
let runner: SignedIn; // paralegal who runs the checks
let otherParalegal: SignedIn;
let reviewer: SignedIn; // attorney off the team
let administrator: SignedIn;
let checkId: string;

const run = async (who: SignedIn, name: string) => {
  const res = await who.client.request('POST', '/api/v1/conflict-checks', { subjectKind: 'contact', name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; matches: { kind: string; name: string | null }[] };
};
const decide = (who: SignedIn, id: string, body: Record<string, unknown>) =>
  who.client.request('POST', `/api/v1/conflict-checks/${id}/decision`, body);

beforeAll(async () => {
  h = await createHarness();
  [lead, runner, otherParalegal, reviewer, administrator] = await Promise.all([
    signedIn(h, 'attorney'),
    signedIn(h, 'paralegal'),
    signedIn(h, 'paralegal'),
    signedIn(h, 'attorney'),
    signedIn(h, 'administrator'),
  ]);
  const person = await addPerson(h, 'Cornelius Abernathy');
  await addMatter(h, person, 'Abernathy resentencing', [{ userId: lead.id, matterRole: 'lead_attorney' }]);
  await addConvictionParties(h, person, [{ role: 'victim', name: 'Philippa Vantongeren' }]);
  checkId = (await run(runner, 'Philippa Van Tongeren')).id;
});
afterAll(() => h.close());

describe('recording a decision', () => {
  it('the user who ran the check records it; it is kept and audited', async () => {
    const before = (await auditRows(h)).length;
    h.clock.advance(60_000);
    const res = await decide(runner, checkId, { decision: 'conflict', note: 'Victim of a current client.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decision).toEqual({
      decision: 'conflict',
      note: 'Victim of a current client.',
      decidedBy: { id: runner.id, name: 'Test paralegal' },
      decidedAt: h.clock.now().toISOString(),
    });
    const row = await h.database.db
      .selectFrom('conflict_checks')
      .selectAll()
      .where('id', '=', checkId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ decision: 'conflict', note: 'Victim of a current client.' });
    expect(row.decided_at?.toISOString()).toBe(h.clock.now().toISOString());
    const entries = (await auditRows(h)).slice(before);
    expect(entries.map((e) => [e.action, e.entity_type, e.entity_id, e.actor_id])).toEqual([
      ['conflict_check.decided', 'conflict_check', checkId, runner.id],
    ]);
    expect(entries[0]?.details).toEqual({ decision: 'conflict', previousDecision: null, hasNote: true });
  });

  it('an attorney may revise it; the audit keeps the decision it replaced', async () => {
    const res = await decide(reviewer, checkId, { decision: 'conflict_waived', note: 'Written consent on file.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decision).toMatchObject({ decision: 'conflict_waived', decidedBy: { id: reviewer.id } });
    const last = (await auditRows(h)).at(-1);
    expect(last?.details).toEqual({ decision: 'conflict_waived', previousDecision: 'conflict', hasNote: true });
  });

  it('an administrator may decide too, without a note when there is no conflict', async () => {
    const res = await decide(administrator, checkId, { decision: 'no_conflict' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decision).toMatchObject({ decision: 'no_conflict', note: null });
  });

  it('another paralegal gets 404, as for a check that does not exist, and a volunteer 403', async () => {
    expectError(await decide(otherParalegal, checkId, { decision: 'no_conflict' }), 404, 'conflict_check.not_found');
    expectError(
      await decide(otherParalegal, crypto.randomUUID(), { decision: 'no_conflict' }),
      404,
      'conflict_check.not_found',
    );
    const volunteer = await signedIn(h, 'volunteer');
    expectError(await decide(volunteer, checkId, { decision: 'no_conflict' }), 403, 'access.denied');
  });

  it.each([
    [{ decision: 'maybe' }, 'decision'],
    [{}, 'decision'],
    [{ decision: 'conflict_waived' }, 'note'],
    [{ decision: 'conflict_waived', note: '   ' }, 'note'],
    [{ decision: 'conflict', note: 'x'.repeat(2001) }, 'note'],
    [{ decision: 'conflict', note: 'bad \u0007 bell' }, 'note'],
    [{ decision: 'conflict', by: 'me' }, 'by'],
  ])('400 for %j, naming %s', async (body, field) => {
    expect(expectError(await decide(runner, checkId, body), 400, 'request.invalid').details).toHaveProperty([field]);
  });

  it('a malformed id is 404', async () => {
    expectError(await decide(runner, 'not-a-uuid', { decision: 'no_conflict' }), 404, 'request.not_found');
  });
});

describe('reading a check back', () => {
  it('the runner reads it, still without the victim’s name', async () => {
    const res = await runner.client.request('GET', `/api/v1/conflict-checks/${checkId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: checkId,
      subjectKind: 'contact',
      subjectName: 'Philippa Van Tongeren',
      checkedBy: { id: runner.id, name: 'Test paralegal' },
    });
    expect(body.matches).toHaveLength(1);
    expect(body.matches[0]).toMatchObject({ kind: 'victim', name: null, isNameWithheld: true });
  });

  it('an attorney on the legal team reading the same check sees the name', async () => {
    const res = await lead.client.request('GET', `/api/v1/conflict-checks/${checkId}`);
    expect(res.json().matches[0]).toMatchObject({ kind: 'victim', name: 'Philippa Vantongeren' });
  });

  it('other users get 404', async () => {
    expectError(
      await otherParalegal.client.request('GET', `/api/v1/conflict-checks/${checkId}`),
      404,
      'conflict_check.not_found',
    );
  });

  it('an undecided check has no decision', async () => {
    const fresh = await run(otherParalegal, 'Nobody In Particular');
    const res = await otherParalegal.client.request('GET', `/api/v1/conflict-checks/${fresh.id}`);
    expect(res.json()).toMatchObject({ matches: [], decision: null });
  });
});
