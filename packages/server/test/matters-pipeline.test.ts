import { DEFAULT_STAGES, MATTER_TYPES } from '@redress/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createHarness, expectError, type Harness } from './support/harness.js';
import { addToTeam, insertPerson, type Member, member, openMatter } from './support/matters-fixtures.js';

// Pipelines (editable stages per type), the board, the matters list, and the outcome counts.

let h: Harness;
let admin: Member;
let attorney: Member;
let advocate: Member;

beforeAll(async () => {
  h = await createHarness();
  admin = await member(h, 'administrator', 'Root Two');
  attorney = await member(h, 'attorney', 'Ada Lovelace');
  advocate = await member(h, 'advocate', 'Bree Advocate');
});
afterAll(() => h.close());

type Column = {
  stage: string;
  count: number;
  isInPipeline: boolean;
  cards: { matterId: string; teamInitials: string[] }[];
};

describe('pipelines', () => {
  it('lists every type with its default stages', async () => {
    const res = await advocate.client.request('GET', '/api/v1/pipelines');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((p: { type: string }) => p.type)).toEqual([...MATTER_TYPES]);
    expect(items.find((p: { type: string }) => p.type === 'habeas')).toEqual({
      type: 'habeas',
      label: 'Habeas corpus',
      stages: [...DEFAULT_STAGES.habeas],
      isCustomised: false,
    });
  });

  it('an administrator replaces the stages of a type; new matters start on the new pipeline', async () => {
    const stages = ['Intake', 'Release plan', 'Housing', 'Work', 'Stable'];
    const res = await admin.client.request('PUT', '/api/v1/pipelines/reentry', { stages });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ type: 'reentry', label: 'Re-entry', stages, isCustomised: true });
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'pipeline.updated',
      entity_type: 'pipeline',
      entity_id: 'reentry',
      details: { from: [...DEFAULT_STAGES.reentry], to: stages },
    });
    const personId = await insertPerson(h, 'Reentry Client');
    const matter = await openMatter(attorney.client, personId, 'reentry');
    expect(matter.stage).toBe('Intake');
    expectError(
      await attorney.client.request('POST', `/api/v1/matters/${matter.id}/stage`, { stage: 'Employment' }),
      422,
      'matter.stage_not_in_pipeline',
    );
  });

  it('refuses to drop stages that matters are in, naming them; a rename moves the matters', async () => {
    const personId = await insertPerson(h, 'Parole Client');
    const m1 = await openMatter(attorney.client, personId, 'parole_hearing');
    const m2 = await openMatter(attorney.client, personId, 'parole_hearing', { stage: 'Hearing' });
    const refused = expectError(
      await admin.client.request('PUT', '/api/v1/pipelines/parole_hearing', { stages: ['Getting ready', 'Decision'] }),
      422,
      'pipeline.stage_in_use',
    );
    expect(refused.message).toContain('"Preparation"');
    expect(refused.message).toContain('"Hearing"');
    expect(refused.details).toEqual({ stages: 'In use: Hearing, Preparation' });

    const saved = await admin.client.request('PUT', '/api/v1/pipelines/parole_hearing', {
      stages: ['Getting ready', 'Board hearing', 'Decision'],
      renames: [
        { from: 'Preparation', to: 'Getting ready' },
        { from: 'Hearing', to: 'Board hearing' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await attorney.client.request('GET', `/api/v1/matters/${m1.id}`)).json().stage).toBe('Getting ready');
    expect((await attorney.client.request('GET', `/api/v1/matters/${m2.id}`)).json().stage).toBe('Board hearing');
    expect((await auditRows(h)).at(-1)?.details).toMatchObject({ mattersMoved: 2 });
  });

  it('only administrators edit pipelines; bad pipelines are 400, unknown types 404', async () => {
    expectError(
      await attorney.client.request('PUT', '/api/v1/pipelines/pardon', { stages: ['A'] }),
      403,
      'access.denied',
    );
    const dup = expectError(
      await admin.client.request('PUT', '/api/v1/pipelines/pardon', { stages: ['Filed', 'filed'] }),
      400,
      'pipeline.invalid',
    );
    expect(dup.details).toHaveProperty('stages.1');
    expectError(await admin.client.request('PUT', '/api/v1/pipelines/pardon', { stages: [] }), 400, 'request.invalid');
    expectError(
      await admin.client.request('PUT', '/api/v1/pipelines/divorce', { stages: ['A'] }),
      404,
      'request.not_found',
    );
  });
});

describe('the board', () => {
  it('has a column per stage in pipeline order with counts and cards of the matters you can see', async () => {
    const p1 = await insertPerson(h, 'Mary Board');
    const p2 = await insertPerson(h, 'John Board', { createdBy: advocate.id });
    const a = await openMatter(attorney.client, p1, 'compassionate_release', { openedOn: '2025-01-10' });
    const b = await openMatter(attorney.client, p2, 'compassionate_release', { openedOn: '2025-02-10' });
    const c = await openMatter(advocate.client, p2, 'compassionate_release', {
      stage: 'Hearing',
      openedOn: '2025-03-10',
    });
    await addToTeam(attorney.client, a.id, advocate.id);
    const closed = await openMatter(attorney.client, p1, 'compassionate_release', { openedOn: '2024-01-01' });
    await attorney.client.request('PATCH', `/api/v1/matters/${closed.id}`, {
      outcome: 'denied',
      closedOn: '2024-06-01',
    });

    const res = await attorney.client.request('GET', '/api/v1/board/compassionate_release');
    expect(res.statusCode, res.body).toBe(200);
    const columns: Column[] = res.json().columns;
    expect(columns.map((col) => col.stage)).toEqual([...DEFAULT_STAGES.compassionate_release]);
    expect(columns.map((col) => col.count)).toEqual([2, 0, 0, 0, 1, 0]);
    const screening = columns[0];
    expect(screening?.cards).toEqual([
      {
        matterId: a.id,
        title: 'Compassionate release: Mary Board',
        personName: 'Mary Board',
        openedOn: '2025-01-10',
        teamInitials: ['AL', 'BA'],
      },
      expect.objectContaining({ matterId: b.id, teamInitials: ['AL'] }),
    ]);
    expect(columns[4]?.cards.map((card) => card.matterId)).toEqual([c.id]);

    // The advocate sees only the matters whose team they are on.
    const theirs: Column[] = (await advocate.client.request('GET', '/api/v1/board/compassionate_release')).json()
      .columns;
    expect(theirs.flatMap((col) => col.cards.map((card) => card.matterId)).sort()).toEqual([a.id, c.id].sort());

    const all: Column[] = (
      await attorney.client.request('GET', '/api/v1/board/compassionate_release?status=all')
    ).json().columns;
    expect(all[0]?.count).toBe(3);
  });

  it('shows a few cards per column but counts them all', async () => {
    for (const name of ['One', 'Two', 'Three'])
      await openMatter(attorney.client, await insertPerson(h, name), 'resentencing');
    const columns: Column[] = (await attorney.client.request('GET', '/api/v1/board/resentencing?limit=2')).json()
      .columns;
    expect(columns[0]).toMatchObject({ stage: 'Screening', count: 3 });
    expect(columns[0]?.cards).toHaveLength(2);
    expectError(await attorney.client.request('GET', '/api/v1/board/resentencing?limit=0'), 400, 'request.invalid');
    expectError(await attorney.client.request('GET', '/api/v1/board/nothing'), 404, 'request.not_found');
  });
});

describe('the matters list', () => {
  let people: string[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    people = [await insertPerson(h, 'List Alpha'), await insertPerson(h, 'List Beta')];
    const open = async (key: string, personIndex: number, type: string, extra: Record<string, unknown>) =>
      [key, (await openMatter(attorney.client, people[personIndex] ?? '', type, extra)).id] as const;
    ids = Object.fromEntries([
      await open('a', 0, 'federal_commutation', { title: 'L-a', openedOn: '2021-01-01' }),
      await open('b', 0, 'federal_commutation', { title: 'L-b', openedOn: '2022-01-01', stage: 'Filed with OPA' }),
      await open('c', 1, 'federal_commutation', { title: 'L-c', openedOn: '2023-01-01' }),
      await open('d', 1, 'federal_commutation', { title: 'L-d', openedOn: '2023-01-01' }),
    ]);
    await attorney.client.request('PATCH', `/api/v1/matters/${ids.c}`, { outcome: 'granted', closedOn: '2024-01-01' });
    await addToTeam(attorney.client, ids.d ?? '', advocate.id);
  });

  const titles = async (query: string) => {
    const res = await attorney.client.request('GET', `/api/v1/matters?type=federal_commutation&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((m: { title: string }) => m.title);
  };

  it('filters by stage, outcome, person, team member and open or closed', async () => {
    expect(await titles('stage=Filed%20with%20OPA')).toEqual(['L-b']);
    expect(await titles('outcome=granted')).toEqual(['L-c']);
    expect((await titles(`personId=${people[0]}`)).sort()).toEqual(['L-a', 'L-b']);
    expect(await titles(`teamMember=${advocate.id}`)).toEqual(['L-d']);
    expect((await titles('status=open')).sort()).toEqual(['L-a', 'L-b', 'L-d']);
    expect(await titles('status=closed')).toEqual(['L-c']);
    const mine = (
      await advocate.client.request('GET', '/api/v1/matters?teamMember=me&type=federal_commutation')
    ).json();
    expect(mine.items.map((m: { title: string }) => m.title)).toEqual(['L-d']);
  });

  it('sorts and pages with a cursor, without repeating or skipping', async () => {
    expect(await titles('sort=title')).toEqual(['L-a', 'L-b', 'L-c', 'L-d']);
    expect(await titles('sort=-title')).toEqual(['L-d', 'L-c', 'L-b', 'L-a']);
    expect((await titles('sort=openedOn')).slice(0, 2)).toEqual(['L-a', 'L-b']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await attorney.client.request(
        'GET',
        `/api/v1/matters?type=federal_commutation&sort=-openedOn&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const page = res.json();
      seen.push(...page.items.map((m: { title: string }) => m.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect(seen.slice(2)).toEqual(['L-b', 'L-a']);
  });

  it('refuses bad filters and forged cursors with 400', async () => {
    expectError(await attorney.client.request('GET', '/api/v1/matters?type=divorce'), 400, 'request.invalid');
    expectError(await attorney.client.request('GET', '/api/v1/matters?sort=person'), 400, 'request.invalid');
    expectError(await attorney.client.request('GET', '/api/v1/matters?limit=500'), 400, 'request.invalid');
    const forged = Buffer.from(JSON.stringify(["2020-01-01'; drop table matters", 'x'])).toString('base64url');
    const bad = expectError(
      await attorney.client.request('GET', `/api/v1/matters?cursor=${forged}`),
      400,
      'request.invalid',
    );
    expect(bad.details).toEqual({ 'query.cursor': 'Not a cursor from this list' });
    expectError(await attorney.client.request('GET', '/api/v1/matters?cursor=%%%'), 400, 'request.invalid');
  });
});

describe('outcome counts', () => {
  it('counts outcomes by type and the people freed, each person once, over the matters you can see', async () => {
    // An advocate sees only their own matters, so the counts below are exactly theirs.
    const counsel = await member(h, 'advocate');
    const person = (name: string) => insertPerson(h, name, { createdBy: counsel.id });
    const freedTwice = await person('Freed Twice');
    const freedOnce = await person('Freed Once');
    const inside = await person('Still Inside');
    const grant = async (personId: string, type: string, releaseDate: string | null) => {
      const m = await openMatter(counsel.client, personId, type, { openedOn: '2020-01-01' });
      await counsel.client.request('PATCH', `/api/v1/matters/${m.id}`, { outcome: 'granted', releaseDate });
    };
    await grant(freedTwice, 'state_commutation', '2024-05-01');
    await grant(freedTwice, 'habeas', '2024-05-01');
    await grant(freedOnce, 'pardon', '2025-11-11');
    await grant(inside, 'dna_testing', null);
    const denied = await openMatter(counsel.client, inside, 'habeas');
    await counsel.client.request('PATCH', `/api/v1/matters/${denied.id}`, { outcome: 'denied' });
    await openMatter(counsel.client, inside, 'pardon');

    const res = await counsel.client.request('GET', '/api/v1/stats/outcomes');
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.peopleFreed).toBe(2);
    expect(stats.total).toBe(6);
    expect(stats.byOutcome).toEqual({ pending: 1, granted: 4, denied: 1, withdrawn: 0, moot: 0 });
    expect(stats.byType.find((t: { type: string }) => t.type === 'habeas')).toEqual({
      type: 'habeas',
      total: 2,
      byOutcome: { pending: 0, granted: 1, denied: 1, withdrawn: 0, moot: 0 },
    });
    expect(stats.byType.reduce((n: number, t: { total: number }) => n + t.total, 0)).toBe(6);

    // The org-wide view (an attorney) includes them, and every other matter.
    const all = (await attorney.client.request('GET', '/api/v1/stats/outcomes')).json();
    expect(all.peopleFreed).toBeGreaterThanOrEqual(2);
    expect(all.total).toBeGreaterThan(6);
  });
});
