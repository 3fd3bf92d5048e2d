import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, bearerClient, createHarness, createToken, expectError, type Harness } from './support/harness.js';
import { addToTeam, insertPerson, type Member, member, openMatter } from './support/matters-fixtures.js';

// Who may see and change a matter and the records inside it: the rules of the access policy, proved
// through the API. Not allowed to see is the same 404 as not there.

let h: Harness;
let lead: Member;
let paralegalOnTeam: Member;
let volunteerOnTeam: Member;
let adminOffTeam: Member;
let paralegalOffTeam: Member;
let matterId: string;
let taskId: string;
let plainNoteId: string;
let privilegedNoteId: string;

beforeAll(async () => {
  h = await createHarness();
  lead = await member(h, 'attorney', 'Lead Attorney');
  paralegalOnTeam = await member(h, 'paralegal', 'Para On');
  volunteerOnTeam = await member(h, 'volunteer', 'Vol On');
  adminOffTeam = await member(h, 'administrator', 'Admin Off');
  paralegalOffTeam = await member(h, 'paralegal', 'Para Off');

  const personId = await insertPerson(h, 'Privileged Client');
  matterId = (await openMatter(lead.client, personId, 'innocence_investigation')).id;
  await addToTeam(lead.client, matterId, paralegalOnTeam.id);
  await addToTeam(lead.client, matterId, volunteerOnTeam.id);
  taskId = (
    await lead.client.request('POST', `/api/v1/matters/${matterId}/tasks`, { title: 'Find the trial file' })
  ).json().id;
  plainNoteId = (
    await lead.client.request('POST', `/api/v1/matters/${matterId}/notes`, { body: 'Letter received from client.' })
  ).json().id;
  privilegedNoteId = (
    await lead.client.request('POST', `/api/v1/matters/${matterId}/notes`, {
      body: '**Work product**: theory of the alternate suspect.',
      isPrivileged: true,
      mentions: [paralegalOnTeam.id],
    })
  ).json().id;
});
afterAll(() => h.close());

const noteIds = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((n) => n.id);

describe('an administrator not on the team', () => {
  it('reads the matter, its tasks, non-privileged notes, parties and activity', async () => {
    const c = adminOffTeam.client;
    const matter = await c.request('GET', `/api/v1/matters/${matterId}`);
    expect(matter.statusCode).toBe(200);
    expect(matter.json().viewer).toEqual({ membership: 'none', canWrite: false, canManageTeam: true });
    expect((await c.request('GET', `/api/v1/matters/${matterId}/tasks`)).json().items).toHaveLength(1);
    expect(noteIds(await c.request('GET', `/api/v1/matters/${matterId}/notes`))).toEqual([plainNoteId]);
    expect((await c.request('GET', `/api/v1/matters/${matterId}/parties`)).statusCode).toBe(200);
    expect((await c.request('GET', `/api/v1/matters/${matterId}/activity`)).statusCode).toBe(200);
  });

  it('cannot write: 403 on every change', async () => {
    const c = adminOffTeam.client;
    const attempts = [
      c.request('PATCH', `/api/v1/matters/${matterId}`, { title: 'Renamed by admin' }),
      c.request('POST', `/api/v1/matters/${matterId}/stage`, { stage: 'Investigation' }),
      c.request('POST', `/api/v1/matters/${matterId}/tasks`, { title: 'Admin task' }),
      c.request('PATCH', `/api/v1/tasks/${taskId}`, { status: 'done' }),
      c.request('POST', `/api/v1/matters/${matterId}/notes`, { body: 'Admin note' }),
      c.request('PATCH', `/api/v1/notes/${plainNoteId}`, { body: 'Edited by admin' }),
      c.request('DELETE', `/api/v1/notes/${plainNoteId}`),
      c.request('POST', `/api/v1/matters/${matterId}/parties`, { role: 'witness', name: 'A Witness' }),
    ];
    for (const res of await Promise.all(attempts)) expectError(res, 403, 'access.denied');
  });

  it('does not see past privilege either', async () => {
    expectError(await adminOffTeam.client.request('GET', `/api/v1/notes/${privilegedNoteId}`), 404, 'note.not_found');
  });
});

describe('a volunteer on the team', () => {
  it('does not see privileged notes: not in the list, 404 when asked for', async () => {
    const c = volunteerOnTeam.client;
    expect(noteIds(await c.request('GET', `/api/v1/matters/${matterId}/notes`))).toEqual([plainNoteId]);
    expectError(await c.request('GET', `/api/v1/notes/${privilegedNoteId}`), 404, 'note.not_found');
    expectError(await c.request('PATCH', `/api/v1/notes/${privilegedNoteId}`, { body: 'x' }), 404, 'note.not_found');
    expectError(await c.request('DELETE', `/api/v1/notes/${privilegedNoteId}`), 404, 'note.not_found');
    expect((await c.request('GET', `/api/v1/notes/${plainNoteId}`)).statusCode).toBe(200);
  });

  it('writes ordinary records but no privileged note, and cannot be mentioned in one', async () => {
    const c = volunteerOnTeam.client;
    expect(
      (await c.request('POST', `/api/v1/matters/${matterId}/notes`, { body: 'Called the family' })).statusCode,
    ).toBe(201);
    expectError(
      await c.request('POST', `/api/v1/matters/${matterId}/notes`, { body: 'Secret', isPrivileged: true }),
      403,
      'access.denied',
    );
    const mention = expectError(
      await lead.client.request('POST', `/api/v1/matters/${matterId}/notes`, {
        body: 'For the legal team',
        isPrivileged: true,
        mentions: [volunteerOnTeam.id],
      }),
      400,
      'note.mention_not_allowed',
    );
    expect(mention.details).toEqual({
      'mentions.0': 'Outside the legal team: cannot be mentioned in a privileged note',
    });
  });

  it("cannot edit someone else's note, but may edit their own", async () => {
    const c = volunteerOnTeam.client;
    expectError(await c.request('PATCH', `/api/v1/notes/${plainNoteId}`, { body: 'Changed' }), 403, 'access.denied');
    const own = (await c.request('POST', `/api/v1/matters/${matterId}/notes`, { body: 'Mine' })).json().id;
    expect((await c.request('PATCH', `/api/v1/notes/${own}`, { body: 'Mine, edited' })).json().body).toBe(
      'Mine, edited',
    );
    // The legal team may tidy anyone's notes.
    expect((await paralegalOnTeam.client.request('DELETE', `/api/v1/notes/${own}`)).statusCode).toBe(204);
  });

  it('sees no activity about privileged notes', async () => {
    const actions = (await volunteerOnTeam.client.request('GET', `/api/v1/matters/${matterId}/activity?limit=200`))
      .json()
      .items.map((e: { action: string; details: { noteId?: string } }) => [e.action, e.details.noteId]);
    expect(actions).toContainEqual(['note.created', plainNoteId]);
    expect(actions).not.toContainEqual(['note.created', privilegedNoteId]);
    const legal = (
      await paralegalOnTeam.client.request('GET', `/api/v1/matters/${matterId}/activity?limit=200`)
    ).json();
    expect(legal.items.map((e: { details: { noteId?: string } }) => e.details.noteId)).toContain(privilegedNoteId);
  });
});

describe('the legal team', () => {
  it('reads privileged notes, and each read is audited as note.privileged_read', async () => {
    const c = paralegalOnTeam.client;
    const list = await c.request('GET', `/api/v1/matters/${matterId}/notes`);
    expect(noteIds(list)).toContain(privilegedNoteId);
    const entry = (await auditRows(h)).at(-1);
    expect(entry).toMatchObject({ action: 'note.privileged_read', actor_id: paralegalOnTeam.id, entity_id: matterId });
    expect(entry?.details).toMatchObject({ noteIds: [privilegedNoteId] });

    const one = await c.request('GET', `/api/v1/notes/${privilegedNoteId}`);
    expect(one.json()).toMatchObject({
      isPrivileged: true,
      body: '**Work product**: theory of the alternate suspect.',
      author: { id: lead.id, name: 'Lead Attorney' },
      mentions: [{ id: paralegalOnTeam.id, name: 'Para On' }],
    });
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'note.privileged_read',
      details: { noteIds: [privilegedNoteId] },
    });
  });

  it('a list without privileged notes writes no audit entry', async () => {
    const before = (await auditRows(h)).length;
    await volunteerOnTeam.client.request('GET', `/api/v1/matters/${matterId}/notes`);
    expect((await auditRows(h)).length).toBe(before);
  });

  it('the audit log never holds a note body', async () => {
    expect(JSON.stringify(await auditRows(h))).not.toContain('alternate suspect');
  });
});

describe('a paralegal not on the team', () => {
  it('gets 404 for the matter and everything inside it', async () => {
    const c = paralegalOffTeam.client;
    const hidden: [string, string, unknown?][] = [
      ['GET', `/api/v1/matters/${matterId}`],
      ['PATCH', `/api/v1/matters/${matterId}`, { title: 'x' }],
      ['POST', `/api/v1/matters/${matterId}/stage`, { stage: 'Investigation' }],
      ['GET', `/api/v1/matters/${matterId}/team`],
      ['GET', `/api/v1/matters/${matterId}/tasks`],
      ['POST', `/api/v1/matters/${matterId}/tasks`, { title: 'x' }],
      ['GET', `/api/v1/matters/${matterId}/notes`],
      ['POST', `/api/v1/matters/${matterId}/notes`, { body: 'x' }],
      ['GET', `/api/v1/matters/${matterId}/activity`],
      ['GET', `/api/v1/matters/${matterId}/parties`],
      ['GET', `/api/v1/matters/${matterId}/contacts`],
    ];
    for (const [method, url, body] of hidden) expectError(await c.request(method, url, body), 404, 'matter.not_found');
    expectError(await c.request('PATCH', `/api/v1/tasks/${taskId}`, { status: 'done' }), 404, 'task.not_found');
    for (const id of [plainNoteId, privilegedNoteId]) {
      expectError(await c.request('GET', `/api/v1/notes/${id}`), 404, 'note.not_found');
      expectError(await c.request('PATCH', `/api/v1/notes/${id}`, { body: 'x' }), 404, 'note.not_found');
      expectError(await c.request('DELETE', `/api/v1/notes/${id}`), 404, 'note.not_found');
    }
  });

  it('does not find it in lists, on the board, in tasks or in the counts', async () => {
    const c = paralegalOffTeam.client;
    expect((await c.request('GET', '/api/v1/matters')).json().items).toEqual([]);
    const board = (await c.request('GET', '/api/v1/board/innocence_investigation')).json();
    expect(board.columns.every((col: { count: number }) => col.count === 0)).toBe(true);
    expect((await c.request('GET', `/api/v1/tasks?assignee=${lead.id}&status=all`)).json().items).toEqual([]);
    expect((await c.request('GET', '/api/v1/stats/outcomes')).json().total).toBe(0);
  });
});

describe('API tokens', () => {
  it('with the read scope read, but cannot write', async () => {
    const { token } = await createToken(lead.client, ['read']);
    const api = bearerClient(h, token);
    expect((await api.request('GET', `/api/v1/matters/${matterId}`)).statusCode).toBe(200);
    expect((await api.request('GET', `/api/v1/matters/${matterId}/notes`)).statusCode).toBe(200);
    const personId = await insertPerson(h, 'Token Person', { createdBy: lead.id });
    const writes = [
      api.request('POST', '/api/v1/matters', { personId, type: 'pardon' }),
      api.request('PATCH', `/api/v1/matters/${matterId}`, { title: 'By token' }),
      api.request('POST', `/api/v1/matters/${matterId}/stage`, { stage: 'Investigation' }),
      api.request('POST', `/api/v1/matters/${matterId}/team`, { userId: paralegalOffTeam.id }),
      api.request('POST', `/api/v1/matters/${matterId}/tasks`, { title: 'By token' }),
      api.request('PATCH', `/api/v1/tasks/${taskId}`, { status: 'done' }),
      api.request('POST', `/api/v1/matters/${matterId}/notes`, { body: 'By token' }),
      api.request('PATCH', `/api/v1/notes/${plainNoteId}`, { body: 'By token' }),
      api.request('POST', `/api/v1/matters/${matterId}/parties`, { role: 'witness', name: 'By Token' }),
      api.request('POST', '/api/v1/contacts', { kind: 'official', name: 'By Token' }),
      api.request('PUT', '/api/v1/pipelines/pardon', { stages: ['Only'] }),
    ];
    for (const res of await Promise.all(writes)) expectError(res, 403, 'access.denied');
  });

  it('with the write scope write as their user', async () => {
    const { token } = await createToken(lead.client, ['read', 'write']);
    const res = await bearerClient(h, token).request('POST', `/api/v1/matters/${matterId}/tasks`, {
      title: 'From the sync',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await auditRows(h)).at(-1)).toMatchObject({ action: 'task.created', actor_id: lead.id });
  });
});
