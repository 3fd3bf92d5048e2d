import { DEFAULT_STAGES } from '@redress/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createHarness, expectError, type Harness } from './support/harness.js';
import { addToTeam, insertPerson, type Member, member, openMatter } from './support/matters-fixtures.js';

let h: Harness;
let attorney: Member;
let paralegal: Member;
let advocate: Member;
let admin: Member;
let volunteer: Member;
let investigator: Member;

beforeAll(async () => {
  h = await createHarness();
  attorney = await member(h, 'attorney', 'Ada Attorney');
  paralegal = await member(h, 'paralegal', 'Pat Paralegal');
  advocate = await member(h, 'advocate', 'Avery Advocate');
  admin = await member(h, 'administrator', 'Addy Admin');
  volunteer = await member(h, 'volunteer', 'Val Volunteer');
  investigator = await member(h, 'investigator', 'Ivy Investigator');
});
afterAll(() => h.close());

describe('opening a matter', () => {
  it('starts at the first stage with the default decision-maker, the opener on the team', async () => {
    const personId = await insertPerson(h, 'Kevin Cooper');
    const res = await attorney.client.request('POST', '/api/v1/matters', { personId, type: 'state_commutation' });
    expect(res.statusCode, res.body).toBe(201);
    const matter = res.json();
    expect(matter).toMatchObject({
      personId,
      personName: 'Kevin Cooper',
      type: 'state_commutation',
      title: 'State commutation: Kevin Cooper',
      stage: 'Screening',
      decisionMaker: 'The Governor of California',
      openedOn: '2026-03-02',
      closedOn: null,
      outcome: 'pending',
      releaseDate: null,
      openTasks: 0,
      stages: [...DEFAULT_STAGES.state_commutation],
      viewer: { membership: 'legal_team', canWrite: true, canManageTeam: true },
    });
    expect(matter.team).toEqual([
      expect.objectContaining({
        userId: attorney.id,
        name: 'Ada Attorney',
        role: 'attorney',
        matterRole: 'lead_attorney',
      }),
    ]);
    expect(matter.stageHistory).toEqual([
      {
        fromStage: null,
        toStage: 'Screening',
        changedBy: { id: attorney.id, name: 'Ada Attorney' },
        changedAt: expect.any(String),
      },
    ]);
    const entry = (await auditRows(h)).at(-1);
    expect(entry).toMatchObject({
      action: 'matter.opened',
      entity_type: 'matter',
      entity_id: matter.id,
      actor_id: attorney.id,
    });
    expect(entry?.details).toMatchObject({ personId, type: 'state_commutation', stage: 'Screening' });
  });

  it.each([
    ['paralegal', 'paralegal'],
    ['advocate', 'advocate'],
    ['administrator', 'volunteer'],
  ] as const)('an opener whose role is %s joins as %s', async (role, matterRole) => {
    const opener = { paralegal, advocate, administrator: admin }[role];
    const personId = await insertPerson(h, `Client of ${role}`, { createdBy: opener.id });
    const matter = await openMatter(opener.client, personId, 'habeas');
    expect(matter.team).toEqual([expect.objectContaining({ userId: opener.id, matterRole })]);
    expect(matter.stage).toBe('Investigation');
    expect(matter.decisionMaker).toBeNull();
  });

  it('takes an explicit title, stage, decision-maker and opening date', async () => {
    const personId = await insertPerson(h, 'Rodney Reed');
    const matter = await openMatter(attorney.client, personId, 'habeas', {
      title: 'Reed habeas (state)',
      stage: 'Filed',
      decisionMaker: 'Texas Court of Criminal Appeals',
      openedOn: '2019-11-15',
    });
    expect(matter).toMatchObject({
      title: 'Reed habeas (state)',
      stage: 'Filed',
      decisionMaker: 'Texas Court of Criminal Appeals',
      openedOn: '2019-11-15',
    });
  });

  it('is 404 for a person that does not exist or that the opener cannot see', async () => {
    const hidden = await insertPerson(h, 'Someone Else', { createdBy: attorney.id });
    expectError(
      await paralegal.client.request('POST', '/api/v1/matters', { personId: hidden, type: 'pardon' }),
      404,
      'person.not_found',
    );
    expectError(
      await attorney.client.request('POST', '/api/v1/matters', { personId: crypto.randomUUID(), type: 'pardon' }),
      404,
      'person.not_found',
    );
  });

  it('refuses roles that may not open matters', async () => {
    const personId = await insertPerson(h, 'Anyone', { createdBy: volunteer.id });
    for (const who of [volunteer, investigator]) {
      expectError(
        await who.client.request('POST', '/api/v1/matters', { personId, type: 'pardon' }),
        403,
        'access.denied',
      );
    }
  });

  it('refuses bad input with field details and a stage off the pipeline with 422', async () => {
    const personId = await insertPerson(h, 'Input Tester');
    const bad = expectError(
      await attorney.client.request('POST', '/api/v1/matters', {
        personId,
        type: 'divorce',
        openedOn: '2023-02-29',
        title: 'x'.repeat(201),
        extra: 1,
      }),
      400,
      'request.invalid',
    );
    expect(Object.keys(bad.details ?? {}).sort()).toEqual(['extra', 'openedOn', 'title', 'type']);
    const off = expectError(
      await attorney.client.request('POST', '/api/v1/matters', { personId, type: 'pardon', stage: 'Hearing' }),
      422,
      'matter.stage_not_in_pipeline',
    );
    expect(off.details?.stage).toContain('Screening');
    expect(await h.database.db.selectFrom('matters').select('id').where('person_id', '=', personId).execute()).toEqual(
      [],
    );
  });
});

describe('reading a matter', () => {
  it('is 404 for a malformed or unknown id', async () => {
    expectError(await attorney.client.request('GET', '/api/v1/matters/not-an-id'), 404, 'request.not_found');
    expectError(
      await attorney.client.request('GET', `/api/v1/matters/${crypto.randomUUID()}`),
      404,
      'matter.not_found',
    );
  });

  it('shows the stage history and open tasks count', async () => {
    const personId = await insertPerson(h, 'History Person');
    const matter = await openMatter(attorney.client, personId, 'pardon');
    h.clock.advance(1000);
    await attorney.client.request('POST', `/api/v1/matters/${matter.id}/stage`, { stage: 'Filed' });
    h.clock.advance(1000);
    await attorney.client.request('POST', `/api/v1/matters/${matter.id}/stage`, { stage: 'Gathering records' });
    await attorney.client.request('POST', `/api/v1/matters/${matter.id}/tasks`, { title: 'Request C-file' });
    await attorney.client.request('POST', `/api/v1/matters/${matter.id}/tasks`, { title: 'Call DA' });
    const detail = (await attorney.client.request('GET', `/api/v1/matters/${matter.id}`)).json();
    expect(detail.stage).toBe('Gathering records');
    expect(detail.openTasks).toBe(2);
    expect(
      detail.stageHistory.map((s: { fromStage: string | null; toStage: string }) => [s.fromStage, s.toStage]),
    ).toEqual([
      [null, 'Screening'],
      ['Screening', 'Filed'],
      ['Filed', 'Gathering records'],
    ]);
  });
});

describe('changing a matter', () => {
  it('changes fields and audits each change with before and after', async () => {
    const personId = await insertPerson(h, 'Patch Person');
    const matter = await openMatter(attorney.client, personId, 'pardon');
    const res = await attorney.client.request('PATCH', `/api/v1/matters/${matter.id}`, {
      title: 'Pardon for Patch',
      decisionMaker: null,
      outcome: 'denied',
      closedOn: '2026-03-02',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'Pardon for Patch',
      decisionMaker: null,
      outcome: 'denied',
      closedOn: '2026-03-02',
    });
    const entry = (await auditRows(h)).at(-1);
    expect(entry).toMatchObject({ action: 'matter.updated', entity_id: matter.id });
    expect(entry?.details).toEqual({
      title: { from: 'Pardon: Patch Person', to: 'Pardon for Patch' },
      decisionMaker: { from: 'The Governor of California', to: null },
      outcome: { from: 'pending', to: 'denied' },
      closedOn: { from: null, to: '2026-03-02' },
    });
  });

  it('refuses a closing or release date before the opening date', async () => {
    const personId = await insertPerson(h, 'Date Person');
    const matter = await openMatter(attorney.client, personId, 'pardon', { openedOn: '2024-05-01' });
    const closed = expectError(
      await attorney.client.request('PATCH', `/api/v1/matters/${matter.id}`, { closedOn: '2024-04-30' }),
      400,
      'matter.dates_out_of_order',
    );
    expect(closed.details).toHaveProperty('closedOn');
    const released = expectError(
      await attorney.client.request('PATCH', `/api/v1/matters/${matter.id}`, { releaseDate: '2020-01-01' }),
      400,
      'matter.dates_out_of_order',
    );
    expect(released.details).toHaveProperty('releaseDate');
    await attorney.client.request('PATCH', `/api/v1/matters/${matter.id}`, { closedOn: '2024-06-01' });
    expect(
      expectError(
        await attorney.client.request('PATCH', `/api/v1/matters/${matter.id}`, { openedOn: '2024-07-01' }),
        400,
        'matter.dates_out_of_order',
      ).details,
    ).toHaveProperty('openedOn');
    expectError(await attorney.client.request('PATCH', `/api/v1/matters/${matter.id}`, {}), 400, 'request.invalid');
    expectError(
      await attorney.client.request('PATCH', `/api/v1/matters/${matter.id}`, { stage: 'Filed' }),
      400,
      'request.invalid',
    );
  });

  it('a granted matter with a release date marks the person released, in the same change', async () => {
    const personId = await insertPerson(h, 'Walks Out');
    const matter = await openMatter(attorney.client, personId, 'state_commutation', { openedOn: '2020-01-06' });
    const granted = await attorney.client.request('PATCH', `/api/v1/matters/${matter.id}`, {
      outcome: 'granted',
      closedOn: '2026-02-01',
      releaseDate: '2026-02-20',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const person = await h.database.db
      .selectFrom('people')
      .select('status')
      .where('id', '=', personId)
      .executeTakeFirst();
    expect(person?.status).toBe('released');
    const [updated, released] = (await auditRows(h)).slice(-2);
    expect(updated?.action).toBe('matter.updated');
    expect(released).toMatchObject({ action: 'person.released', entity_type: 'person', entity_id: personId });
    expect(released?.details).toMatchObject({ matterId: matter.id, status: { from: 'in_custody', to: 'released' } });
  });

  it('a release date still ahead does not release anyone yet; other statuses are left alone', async () => {
    const ahead = await insertPerson(h, 'Not Yet Out');
    const m1 = await openMatter(attorney.client, ahead, 'federal_commutation');
    await attorney.client.request('PATCH', `/api/v1/matters/${m1.id}`, {
      outcome: 'granted',
      releaseDate: '2026-06-01',
    });
    const deceased = await insertPerson(h, 'Died Inside', { status: 'deceased' });
    const m2 = await openMatter(attorney.client, deceased, 'pardon');
    await attorney.client.request('PATCH', `/api/v1/matters/${m2.id}`, {
      outcome: 'granted',
      releaseDate: '2026-01-01',
    });
    const statuses = await h.database.db
      .selectFrom('people')
      .select(['id', 'status'])
      .where('id', 'in', [ahead, deceased])
      .execute();
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [ahead]: 'in_custody',
      [deceased]: 'deceased',
    });
  });

  it('a failed change leaves nothing half-written', async () => {
    const personId = await insertPerson(h, 'Atomic Person');
    const matter = await openMatter(attorney.client, personId, 'pardon', { openedOn: '2025-01-01' });
    const before = (await auditRows(h)).length;
    expectError(
      await attorney.client.request('PATCH', `/api/v1/matters/${matter.id}`, {
        outcome: 'granted',
        releaseDate: '2024-01-01',
      }),
      400,
      'matter.dates_out_of_order',
    );
    expect((await auditRows(h)).length).toBe(before);
    const row = await h.database.db
      .selectFrom('matters')
      .select('outcome')
      .where('id', '=', matter.id)
      .executeTakeFirst();
    expect(row?.outcome).toBe('pending');
  });
});

describe('moving stages', () => {
  it('records the move in the history and the audit log; the same stage is no change', async () => {
    const personId = await insertPerson(h, 'Stage Mover');
    const matter = await openMatter(attorney.client, personId, 'dna_testing');
    const moved = await attorney.client.request('POST', `/api/v1/matters/${matter.id}/stage`, { stage: 'At the lab' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().stage).toBe('At the lab');
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'matter.stage_changed',
      details: { from: 'Evidence location', to: 'At the lab' },
    });
    const count = (await auditRows(h)).length;
    const again = await attorney.client.request('POST', `/api/v1/matters/${matter.id}/stage`, { stage: 'At the lab' });
    expect(again.statusCode).toBe(200);
    expect((await auditRows(h)).length).toBe(count);
    expect(again.json().stageHistory).toHaveLength(2);
  });

  it('concurrent moves and a pipeline edit leave one consistent history', async () => {
    const personId = await insertPerson(h, 'Busy Mover');
    const matter = await openMatter(attorney.client, personId, 'resentencing');
    const stages = ['Records', 'Motion drafted', 'Filed', 'Hearing', 'Decision'];
    const results = await Promise.all([
      ...stages.map((stage) => attorney.client.request('POST', `/api/v1/matters/${matter.id}/stage`, { stage })),
      admin.client.request('PUT', '/api/v1/pipelines/resentencing', { stages: [...DEFAULT_STAGES.resentencing] }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    // Each move starts where the one before it ended: no move read a stale stage.
    const moves = await h.database.db
      .selectFrom('matter_stage_history')
      .select(['from_stage', 'to_stage'])
      .where('matter_id', '=', matter.id)
      .execute();
    expect(moves).toHaveLength(6);
    const froms = moves.map((m) => m.from_stage);
    const tos = moves.map((m) => m.to_stage);
    expect(new Set(froms).size).toBe(6);
    for (const from of froms) if (from !== null) expect(tos).toContain(from);
    const last = tos.filter((to) => !froms.includes(to));
    expect(last).toEqual([(await attorney.client.request('GET', `/api/v1/matters/${matter.id}`)).json().stage]);
  });

  it('refuses a stage that is not on the pipeline with 422', async () => {
    const personId = await insertPerson(h, 'Off Pipeline');
    const matter = await openMatter(attorney.client, personId, 'dna_testing');
    expectError(
      await attorney.client.request('POST', `/api/v1/matters/${matter.id}/stage`, { stage: 'Filed with OPA' }),
      422,
      'matter.stage_not_in_pipeline',
    );
    expectError(
      await attorney.client.request('POST', `/api/v1/matters/${matter.id}/stage`, { stage: '' }),
      400,
      'request.invalid',
    );
  });
});

describe('the matter team', () => {
  it('the lead attorney adds, changes and removes members; each change is audited', async () => {
    const personId = await insertPerson(h, 'Team Person');
    const matter = await openMatter(attorney.client, personId, 'habeas');
    const added = await attorney.client.request('POST', `/api/v1/matters/${matter.id}/team`, { userId: paralegal.id });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().items.map((m: { userId: string; matterRole: string }) => [m.userId, m.matterRole])).toEqual([
      [attorney.id, 'lead_attorney'],
      [paralegal.id, 'paralegal'],
    ]);
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'team.member_added',
      entity_id: matter.id,
      details: { userId: paralegal.id, matterRole: 'paralegal' },
    });
    expectError(
      await attorney.client.request('POST', `/api/v1/matters/${matter.id}/team`, { userId: paralegal.id }),
      409,
      'team.already_member',
    );

    const changed = await attorney.client.request('PATCH', `/api/v1/matters/${matter.id}/team/${paralegal.id}`, {
      matterRole: 'investigator',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'team.member_role_changed',
      details: { userId: paralegal.id, matterRole: { from: 'paralegal', to: 'investigator' } },
    });

    const removed = await attorney.client.request('DELETE', `/api/v1/matters/${matter.id}/team/${paralegal.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'team.member_removed',
      details: { userId: paralegal.id },
    });
    expectError(await paralegal.client.request('GET', `/api/v1/matters/${matter.id}`), 404, 'matter.not_found');
  });

  it('keeps counsel roles for attorneys, volunteers as volunteers, and the last member on', async () => {
    const personId = await insertPerson(h, 'Rules Person');
    const matter = await openMatter(attorney.client, personId, 'habeas');
    const counsel = expectError(
      await attorney.client.request('POST', `/api/v1/matters/${matter.id}/team`, {
        userId: paralegal.id,
        matterRole: 'co_counsel',
      }),
      422,
      'team.role_not_allowed',
    );
    expect(counsel.details).toHaveProperty('matterRole');
    expectError(
      await attorney.client.request('POST', `/api/v1/matters/${matter.id}/team`, {
        userId: volunteer.id,
        matterRole: 'paralegal',
      }),
      422,
      'team.role_not_allowed',
    );
    expectError(
      await attorney.client.request('POST', `/api/v1/matters/${matter.id}/team`, { userId: crypto.randomUUID() }),
      400,
      'team.unknown_user',
    );
    expectError(
      await attorney.client.request('DELETE', `/api/v1/matters/${matter.id}/team/${attorney.id}`),
      422,
      'team.last_member',
    );
    expectError(
      await attorney.client.request('DELETE', `/api/v1/matters/${matter.id}/team/${paralegal.id}`),
      404,
      'team.member_not_found',
    );
  });

  it('only administrators and attorneys on the legal team manage the team', async () => {
    const personId = await insertPerson(h, 'Manage Person');
    const matter = await openMatter(attorney.client, personId, 'habeas');
    await addToTeam(attorney.client, matter.id, paralegal.id);
    expectError(
      await paralegal.client.request('POST', `/api/v1/matters/${matter.id}/team`, { userId: advocate.id }),
      403,
      'access.denied',
    );
    const other = await member(h, 'attorney');
    expectError(
      await other.client.request('POST', `/api/v1/matters/${matter.id}/team`, { userId: advocate.id }),
      403,
      'access.denied',
    );
    // The administrator may staff a matter without being on it.
    await addToTeam(admin.client, matter.id, other.id, 'co_counsel');
    await addToTeam(other.client, matter.id, advocate.id);
  });
});
