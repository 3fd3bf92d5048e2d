import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createHarness, expectError, type Harness } from './support/harness.js';
import { addToTeam, insertPerson, type Member, member, openMatter } from './support/matters-fixtures.js';

// The work inside a matter: tasks, notes with mentions, parties, and the activity feed they make.

let h: Harness;
let lead: Member;
let paralegal: Member;
let volunteer: Member;
let outsider: Member;
let matterId: string;
let otherMatterId: string;

beforeAll(async () => {
  h = await createHarness();
  lead = await member(h, 'attorney', 'Lena Lead');
  paralegal = await member(h, 'paralegal', 'Paolo Para');
  volunteer = await member(h, 'volunteer', 'Vera Vol');
  outsider = await member(h, 'advocate', 'Otto Outside');
  const personId = await insertPerson(h, 'Work Client');
  matterId = (await openMatter(lead.client, personId, 'dna_testing')).id;
  otherMatterId = (await openMatter(lead.client, personId, 'habeas')).id;
  await addToTeam(lead.client, matterId, paralegal.id);
  await addToTeam(lead.client, matterId, volunteer.id);
});
afterAll(() => h.close());

describe('tasks', () => {
  it('are created with an assignee on the team and a due date, and audited', async () => {
    const res = await lead.client.request('POST', `/api/v1/matters/${matterId}/tasks`, {
      title: 'Locate the rape kit',
      assigneeId: paralegal.id,
      dueOn: '2026-03-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      matterId,
      title: 'Locate the rape kit',
      assignee: { id: paralegal.id, name: 'Paolo Para' },
      dueOn: '2026-03-20',
      status: 'open',
      completedAt: null,
    });
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'task.created',
      entity_type: 'matter',
      entity_id: matterId,
      details: { taskId: res.json().id, assigneeId: paralegal.id },
    });
  });

  it('refuse an assignee who is not on the team, and bad dates', async () => {
    const bad = expectError(
      await lead.client.request('POST', `/api/v1/matters/${matterId}/tasks`, { title: 'x', assigneeId: outsider.id }),
      400,
      'task.assignee_not_on_team',
    );
    expect(bad.details).toEqual({ assigneeId: "Not on this matter's team" });
    const invalid = expectError(
      await lead.client.request('POST', `/api/v1/matters/${matterId}/tasks`, { title: '', dueOn: '2026-13-01' }),
      400,
      'request.invalid',
    );
    expect(Object.keys(invalid.details ?? {}).sort()).toEqual(['dueOn', 'title']);
  });

  it('change status, assignee and due date; done sets the completion time', async () => {
    const task = (
      await lead.client.request('POST', `/api/v1/matters/${matterId}/tasks`, { title: 'Write to the lab' })
    ).json();
    const assigned = await volunteer.client.request('PATCH', `/api/v1/tasks/${task.id}`, {
      assigneeId: volunteer.id,
      dueOn: '2026-04-01',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ assignee: { id: volunteer.id }, dueOn: '2026-04-01' });
    const done = (await volunteer.client.request('PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' })).json();
    expect(done).toMatchObject({ status: 'done', completedAt: h.clock.now().toISOString() });
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'task.updated',
      details: { taskId: task.id, status: { from: 'open', to: 'done' } },
    });
    const reopened = (
      await volunteer.client.request('PATCH', `/api/v1/tasks/${task.id}`, { status: 'open', dueOn: null })
    ).json();
    expect(reopened).toMatchObject({ status: 'open', completedAt: null, dueOn: null });
    expectError(
      await lead.client.request('PATCH', `/api/v1/tasks/${task.id}`, { assigneeId: outsider.id }),
      400,
      'task.assignee_not_on_team',
    );
    expectError(
      await lead.client.request('PATCH', `/api/v1/tasks/${task.id}`, { status: 'later' }),
      400,
      'request.invalid',
    );
    expectError(
      await lead.client.request('PATCH', `/api/v1/tasks/${crypto.randomUUID()}`, { status: 'done' }),
      404,
      'task.not_found',
    );
  });

  it('list per matter (open first, soonest due) and as "my tasks" across matters', async () => {
    const add = (m: string, title: string, dueOn: string | null) => {
      h.clock.advance(1000);
      return lead.client.request('POST', `/api/v1/matters/${m}/tasks`, { title, assigneeId: lead.id, dueOn });
    };
    await add(matterId, 'Mine later', '2026-05-01');
    await add(otherMatterId, 'Mine sooner', '2026-03-10');
    await add(matterId, 'Mine undated', null);
    const list = (await lead.client.request('GET', `/api/v1/matters/${matterId}/tasks?status=open`)).json().items;
    expect(list.map((t: { title: string }) => t.title)).toEqual([
      'Locate the rape kit',
      'Mine later',
      'Write to the lab',
      'Mine undated',
    ]);

    const mine = (await lead.client.request('GET', '/api/v1/tasks?assignee=me&status=open')).json();
    expect(mine.items.map((t: { title: string; matterTitle: string }) => [t.title, t.matterTitle])).toEqual([
      ['Mine sooner', 'Habeas corpus: Work Client'],
      ['Mine later', 'Post-conviction DNA testing: Work Client'],
      ['Mine undated', 'Post-conviction DNA testing: Work Client'],
    ]);
    const first = (await lead.client.request('GET', '/api/v1/tasks?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const rest = (await lead.client.request('GET', `/api/v1/tasks?limit=2&cursor=${first.nextCursor}`)).json();
    expect(rest.items.map((t: { title: string }) => t.title)).toEqual(['Mine undated']);
    expect(rest.nextCursor).toBeNull();

    // Someone else's tasks, seen through the matters the caller can see: the paralegal is not on the habeas.
    const seen = (await paralegal.client.request('GET', `/api/v1/tasks?assignee=${lead.id}`)).json();
    expect(seen.items.map((t: { title: string }) => t.title)).toEqual(['Mine later', 'Mine undated']);
  });
});

describe('notes', () => {
  it('store Markdown as written, with mentions of team members, and audit without the text', async () => {
    const body = '# Lab call\n\nThe kit is at **DOJ Richmond**. <script>alert(1)</script> @Paolo';
    const res = await lead.client.request('POST', `/api/v1/matters/${matterId}/notes`, {
      body,
      mentions: [paralegal.id, volunteer.id, paralegal.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      matterId,
      body,
      isPrivileged: false,
      author: { id: lead.id, name: 'Lena Lead' },
      mentions: [
        { id: paralegal.id, name: 'Paolo Para' },
        { id: volunteer.id, name: 'Vera Vol' },
      ],
    });
    const rows = await h.database.db
      .selectFrom('note_mentions')
      .selectAll()
      .where('note_id', '=', res.json().id)
      .execute();
    expect(rows).toHaveLength(2);
    const entry = (await auditRows(h)).at(-1);
    expect(entry).toMatchObject({ action: 'note.created', details: { noteId: res.json().id, isPrivileged: false } });
    expect(JSON.stringify(entry)).not.toContain('Richmond');
  });

  it('refuse mentions of people off the team, with the field that is wrong', async () => {
    const bad = expectError(
      await lead.client.request('POST', `/api/v1/matters/${matterId}/notes`, {
        body: 'hello',
        mentions: [paralegal.id, outsider.id, crypto.randomUUID()],
      }),
      400,
      'note.mention_not_allowed',
    );
    expect(bad.details).toEqual({
      'mentions.1': "Not on this matter's team",
      'mentions.2': "Not on this matter's team",
    });
    expectError(
      await lead.client.request('POST', `/api/v1/matters/${matterId}/notes`, { body: 'x', mentions: ['paolo'] }),
      400,
      'request.invalid',
    );
  });

  it('refuse empty bodies, control characters and oversized text', async () => {
    for (const body of ['', '   \n ', 'nul \u0000 byte', 'x'.repeat(100_001)]) {
      expectError(
        await lead.client.request('POST', `/api/v1/matters/${matterId}/notes`, { body }),
        400,
        'request.invalid',
      );
    }
  });

  it('page newest first', async () => {
    const fresh = (await openMatter(lead.client, await insertPerson(h, 'Notes Pager'), 'pardon')).id;
    for (const n of [1, 2, 3]) {
      h.clock.advance(1000);
      await lead.client.request('POST', `/api/v1/matters/${fresh}/notes`, { body: `note ${n}` });
    }
    const first = (await lead.client.request('GET', `/api/v1/matters/${fresh}/notes?limit=2`)).json();
    expect(first.items.map((n: { body: string }) => n.body)).toEqual(['note 3', 'note 2']);
    const second = (
      await lead.client.request('GET', `/api/v1/matters/${fresh}/notes?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second).toEqual({ items: [expect.objectContaining({ body: 'note 1' })], nextCursor: null });
  });

  it('made privileged later must not keep mentions outside the legal team', async () => {
    const note = (
      await volunteer.client.request('POST', `/api/v1/matters/${matterId}/notes`, {
        body: 'Visit notes',
        mentions: [volunteer.id],
      })
    ).json();
    expectError(
      await lead.client.request('PATCH', `/api/v1/notes/${note.id}`, { isPrivileged: true }),
      400,
      'note.mention_not_allowed',
    );
    const res = await lead.client.request('PATCH', `/api/v1/notes/${note.id}`, { isPrivileged: true, mentions: [] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isPrivileged: true, mentions: [] });
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'note.updated',
      details: { noteId: note.id, privilege: { from: false, to: true }, isPrivileged: true },
    });
    // Its own author, a volunteer, can no longer see it.
    expectError(await volunteer.client.request('GET', `/api/v1/notes/${note.id}`), 404, 'note.not_found');
  });

  it('deleting is audited', async () => {
    const note = (await lead.client.request('POST', `/api/v1/matters/${matterId}/notes`, { body: 'Draft' })).json();
    expect((await lead.client.request('DELETE', `/api/v1/notes/${note.id}`)).statusCode).toBe(204);
    expect((await auditRows(h)).at(-1)).toMatchObject({ action: 'note.deleted', details: { noteId: note.id } });
    expectError(await lead.client.request('GET', `/api/v1/notes/${note.id}`), 404, 'note.not_found');
  });
});

describe('parties', () => {
  it('are added, listed and removed by the team, with audit entries', async () => {
    const res = await paralegal.client.request('POST', `/api/v1/matters/${matterId}/parties`, {
      role: 'adverse_party',
      name: 'County of San Bernardino',
    });
    expect(res.statusCode, res.body).toBe(201);
    const party = res.json();
    expect(party).toEqual({
      id: expect.any(String),
      matterId,
      role: 'adverse_party',
      name: 'County of San Bernardino',
    });
    const row = await h.database.db
      .selectFrom('matter_parties')
      .select('name_search')
      .where('id', '=', party.id)
      .executeTakeFirst();
    expect(row?.name_search).toBe('county of san bernardino');
    expect((await lead.client.request('GET', `/api/v1/matters/${matterId}/parties`)).json().items).toEqual([party]);
    expectError(
      await lead.client.request('POST', `/api/v1/matters/${matterId}/parties`, { role: 'victim', name: 'x' }),
      400,
      'request.invalid',
    );
    expect((await lead.client.request('DELETE', `/api/v1/matters/${matterId}/parties/${party.id}`)).statusCode).toBe(
      204,
    );
    expectError(
      await lead.client.request('DELETE', `/api/v1/matters/${matterId}/parties/${party.id}`),
      404,
      'party.not_found',
    );
    expect((await auditRows(h)).at(-1)).toMatchObject({ action: 'party.removed', entity_id: matterId });
  });
});

describe('the activity feed', () => {
  it('tells the story of the matter from the audit trail, newest first, a page at a time', async () => {
    const fresh = (await openMatter(lead.client, await insertPerson(h, 'Feed Client'), 'habeas')).id;
    await lead.client.request('POST', `/api/v1/matters/${fresh}/stage`, { stage: 'Petition drafted' });
    await addToTeam(lead.client, fresh, paralegal.id);
    await paralegal.client.request('POST', `/api/v1/matters/${fresh}/tasks`, { title: 'Cite check' });
    await lead.client.request('POST', `/api/v1/matters/${fresh}/notes`, { body: 'Privileged', isPrivileged: true });
    await paralegal.client.request('GET', `/api/v1/matters/${fresh}/notes`);

    const res = await lead.client.request('GET', `/api/v1/matters/${fresh}/activity`);
    expect(res.statusCode, res.body).toBe(200);
    const feed = res.json();
    // Reads (note.privileged_read) stay in the audit log, out of the feed.
    expect(feed.items.map((e: { action: string }) => e.action)).toEqual([
      'note.created',
      'task.created',
      'team.member_added',
      'matter.stage_changed',
      'matter.opened',
    ]);
    expect(feed.items[3]).toMatchObject({
      actorId: lead.id,
      actorLabel: expect.stringContaining('Lena Lead'),
      details: { from: 'Investigation', to: 'Petition drafted' },
    });
    const page = (await lead.client.request('GET', `/api/v1/matters/${fresh}/activity?limit=2`)).json();
    const next = (
      await lead.client.request('GET', `/api/v1/matters/${fresh}/activity?limit=2&cursor=${page.nextCursor}`)
    ).json();
    expect(next.items.map((e: { action: string }) => e.action)).toEqual(['team.member_added', 'matter.stage_changed']);
    expectError(
      await lead.client.request('GET', `/api/v1/matters/${fresh}/activity?cursor=abc`),
      400,
      'request.invalid',
    );
  });
});
