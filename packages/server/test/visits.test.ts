import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearerClient,
  type Client,
  createHarness,
  createToken,
  expectError,
  type Harness,
  signInAs,
} from './support/harness.js';
import { type Member, member } from './support/matters-fixtures.js';
import { createPerson, expectStatus, openMatterFor } from './support/people-fixtures.js';

let h: Harness;
let admin: Client;
let attorney: Member;
let investigator: Member;
let volunteer: Member;
let outsider: Member;

beforeAll(async () => {
  h = await createHarness();
  admin = (await signInAs(h, 'administrator')).client;
  attorney = await member(h, 'attorney', 'Ada Attorney');
  investigator = await member(h, 'investigator', 'Ivan Investigator');
  volunteer = await member(h, 'volunteer', 'Vic Volunteer');
  outsider = await member(h, 'paralegal', 'Otto Outsider');
});
afterAll(() => h.close());

const facilityByCode = async (code: string): Promise<string> => {
  const found = await expectStatus(admin.request('GET', `/api/v1/facilities?q=${code}&limit=50`), 200);
  return found.items.find((f: { code: string }) => f.code === code).id;
};

/** A client at Salinas Valley, on a matter with the attorney, the investigator and the volunteer. */
const client = async (name = 'Marcus Allen Reed') => {
  const { person } = await createPerson(admin, {
    legalName: name,
    dateOfBirth: '1970-01-01',
    identifiers: [{ system: 'cdcr', value: `C${Math.floor(10000 + Math.random() * 89999)}` }],
  });
  await expectStatus(
    admin.request('POST', `/api/v1/people/${person.id}/placements`, {
      facilityId: await facilityByCode('CDCR-SVSP'),
      fromDate: '2020-01-01',
      addressConfirmedAt: '2020-01-02',
    }),
    201,
  );
  const matterId = await openMatterFor(h, person.id, [
    { userId: attorney.id, matterRole: 'lead_attorney' },
    { userId: investigator.id, matterRole: 'investigator' },
    { userId: volunteer.id, matterRole: 'volunteer' },
  ]);
  return { personId: person.id, matterId };
};

const visitors = () => [
  {
    userId: attorney.id,
    barNumber: '123456',
    barInGoodStanding: true,
    dateOfBirth: '1980-04-01',
    idNumber: 'D1234567',
    mailingAddress: '1 Justice Way\nOakland, CA 94612',
  },
  { userId: investigator.id, supervisingAttorneyId: attorney.id, dateOfBirth: '1985-05-05', idNumber: 'E7654321' },
];

const requestVisit = (c: Client, body: Record<string, unknown>) => c.request('POST', '/api/v1/visits', body);

describe('a legal visit from request to record', () => {
  it('is requested, approved, scheduled and held, with a record and follow-up tasks', async () => {
    const { personId, matterId } = await client();
    const visit = await expectStatus(
      requestVisit(attorney.client, {
        personId,
        matterId,
        purpose: 'Review the declaration with the client',
        visitors: visitors(),
        proposedDates: ['2026-03-10', '2026-03-12'],
      }),
      201,
    );
    expect(visit).toMatchObject({
      personId,
      personName: 'Marcus Allen Reed',
      facility: { name: 'Salinas Valley State Prison' },
      matterId,
      status: 'requested',
      requestedOn: '2026-03-02',
      proposedDates: ['2026-03-10', '2026-03-12'],
      record: null,
    });
    expect(visit.visitors).toEqual([
      expect.objectContaining({
        userId: attorney.id,
        capacity: 'attorney',
        supervisingAttorney: null,
        details: expect.objectContaining({ barNumber: '123456', idNumber: 'D1234567', dateOfBirth: '1980-04-01' }),
      }),
      expect.objectContaining({
        userId: investigator.id,
        capacity: 'investigator',
        supervisingAttorney: { id: attorney.id, name: 'Ada Attorney' },
      }),
    ]);

    const patch = (body: Record<string, unknown>) =>
      attorney.client.request('PATCH', `/api/v1/visits/${visit.id}`, body);
    await expectStatus(patch({ status: 'approved' }), 200);
    expectError(await patch({ status: 'held' }), 422, 'visit.bad_transition');
    const noStart = expectError(await patch({ status: 'scheduled' }), 400, 'visit.start_required');
    expect(noStart.details).toHaveProperty('scheduledStart');
    const scheduled = await expectStatus(patch({ status: 'scheduled', scheduledStart: '2026-03-10T17:00:00Z' }), 200);
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      scheduledStart: '2026-03-10T17:00:00.000Z',
      scheduledEnd: '2026-03-10T19:00:00.000Z',
    });
    expectError(await patch({ status: 'held' }), 422, 'visit.record_required');

    const letter = await expectStatus(
      attorney.client.request('POST', `/api/v1/visits/${visit.id}/request-letter`, {}),
      201,
    );
    expect(letter.visit.requestDocumentId).toBe(letter.documentId);
    const log = await expectStatus(attorney.client.request('GET', `/api/v1/correspondence?personId=${personId}`), 200);
    expect(log.items[0]).toMatchObject({
      id: letter.correspondenceId,
      templateKey: 'attorney_visit_request',
      state: 'ready',
    });

    const recorded = await expectStatus(
      attorney.client.request('POST', `/api/v1/visits/${visit.id}/record`, {
        heldStart: '2026-03-10T17:10:00Z',
        heldEnd: '2026-03-10T18:40:00Z',
        attendees: [attorney.id],
        privilegedNotes: 'Client recalls the alibi witness by name.',
        followUpTasks: [
          { title: 'Find the alibi witness', dueOn: '2026-03-20', assigneeId: investigator.id },
          { title: 'Send the declaration draft' },
        ],
      }),
      200,
    );
    expect(recorded.taskIds).toHaveLength(2);
    expect(recorded.visit).toMatchObject({
      status: 'held',
      record: {
        heldStart: '2026-03-10T17:10:00.000Z',
        heldEnd: '2026-03-10T18:40:00.000Z',
        durationMinutes: 90,
        hasPrivilegedNotes: true,
        privilegedNotes: 'Client recalls the alibi witness by name.',
      },
    });
    expect(recorded.visit.visitors.map((v: { attended: boolean }) => v.attended)).toEqual([true, false]);
    const tasks = await expectStatus(attorney.client.request('GET', `/api/v1/matters/${matterId}/tasks`), 200);
    expect(tasks.items.map((t: { title: string }) => t.title).sort()).toEqual([
      'Find the alibi witness',
      'Send the declaration draft',
    ]);

    // Held is the end: no step back.
    expectError(await patch({ status: 'cancelled' }), 422, 'visit.bad_transition');

    // On the person's timeline.
    const timeline = await expectStatus(attorney.client.request('GET', `/api/v1/people/${personId}/timeline`), 200);
    expect(timeline.visits).toEqual([
      expect.objectContaining({
        id: visit.id,
        status: 'held',
        date: '2026-03-10',
        label: expect.stringContaining('1 h 30 min'),
      }),
    ]);
  });

  it('keeps privileged notes and visitor details to the legal team', async () => {
    const { personId, matterId } = await client('Nora Notes');
    const visit = await expectStatus(
      requestVisit(attorney.client, { personId, matterId, purpose: 'Client meeting', visitors: visitors() }),
      201,
    );
    await expectStatus(
      attorney.client.request('PATCH', `/api/v1/visits/${visit.id}`, { scheduledStart: '2026-03-11T16:00:00Z' }),
      200,
    );
    const seenByVolunteer = await expectStatus(volunteer.client.request('GET', `/api/v1/visits/${visit.id}`), 200);
    expect(seenByVolunteer.visitors.map((v: { details: unknown }) => v.details)).toEqual([null, null]);
    expectError(
      await volunteer.client.request('POST', `/api/v1/visits/${visit.id}/request-letter`, {}),
      403,
      'access.restricted',
    );
    expectError(
      await volunteer.client.request('POST', `/api/v1/visits/${visit.id}/record`, {
        heldStart: '2026-03-11T16:00:00Z',
        heldEnd: '2026-03-11T17:00:00Z',
        attendees: [attorney.id],
        privilegedNotes: 'secret',
      }),
      403,
      'access.restricted',
    );
    await expectStatus(
      attorney.client.request('POST', `/api/v1/visits/${visit.id}/record`, {
        heldStart: '2026-03-11T16:00:00Z',
        heldEnd: '2026-03-11T17:00:00Z',
        attendees: [attorney.id, investigator.id],
        privilegedNotes: 'The client named the real perpetrator.',
      }),
      200,
    );
    const forVolunteer = await expectStatus(volunteer.client.request('GET', `/api/v1/visits/${visit.id}`), 200);
    expect(forVolunteer.record).toMatchObject({ hasPrivilegedNotes: true, privilegedNotes: null, durationMinutes: 60 });
    // An administrator sees the person but is not on the legal team.
    const forAdmin = await expectStatus(admin.request('GET', `/api/v1/visits?personId=${personId}`), 200);
    expect(forAdmin.items[0].record.privilegedNotes).toBeNull();
    expect(forAdmin.items[0].visitors[0].details).toBeNull();
    const forInvestigator = await expectStatus(investigator.client.request('GET', `/api/v1/visits/${visit.id}`), 200);
    expect(forInvestigator.record.privilegedNotes).toBe('The client named the real perpetrator.');

    // Someone who may not see the person sees no visit.
    expectError(await outsider.client.request('GET', `/api/v1/visits/${visit.id}`), 404, 'visit.not_found');
    expectError(await outsider.client.request('GET', `/api/v1/visits?personId=${personId}`), 404, 'person.not_found');
    const all = await expectStatus(outsider.client.request('GET', '/api/v1/visits'), 200);
    expect(all.items).toEqual([]);
  });

  it('answers bad input with field messages and refuses follow-up tasks without a matter', async () => {
    const { personId } = await client('Bad Input');
    const bad = expectError(
      await requestVisit(attorney.client, {
        personId,
        purpose: '',
        visitors: [{ userId: investigator.id }],
        proposedDates: ['2026-02-30'],
      }),
      400,
      'request.invalid',
    );
    expect(Object.keys(bad.details ?? {}).sort()).toEqual(['proposedDates.0', 'purpose']);
    const unsponsored = expectError(
      await requestVisit(attorney.client, { personId, purpose: 'Meet', visitors: [{ userId: investigator.id }] }),
      400,
      'visit.bad_visitors',
    );
    expect(unsponsored.details).toEqual({
      'visitors.0.supervisingAttorneyId': "An attorney's representative names the sponsoring attorney",
    });
    const volunteerVisit = expectError(
      await requestVisit(attorney.client, { personId, purpose: 'Meet', visitors: [{ userId: volunteer.id }] }),
      400,
      'request.invalid',
    );
    expect(volunteerVisit.details).toHaveProperty('visitors.0.capacity');

    const visit = await expectStatus(
      requestVisit(attorney.client, {
        personId,
        purpose: 'Meet',
        visitors: visitors(),
        facilityId: await facilityByCode('CDCR-SQ'),
      }),
      201,
    );
    expect(visit.facility.name).toContain('San Quentin');
    await expectStatus(
      attorney.client.request('PATCH', `/api/v1/visits/${visit.id}`, {
        status: 'scheduled',
        scheduledStart: '2026-03-12T16:00:00Z',
      }),
      200,
    );
    const noMatter = expectError(
      await attorney.client.request('POST', `/api/v1/visits/${visit.id}/record`, {
        heldStart: '2026-03-12T16:00:00Z',
        heldEnd: '2026-03-12T17:00:00Z',
        attendees: [attorney.id],
        followUpTasks: [{ title: 'Write it up' }],
      }),
      400,
      'visit.matter_required',
    );
    expect(noMatter.details).toHaveProperty('followUpTasks');
    const stranger = expectError(
      await attorney.client.request('POST', `/api/v1/visits/${visit.id}/record`, {
        heldStart: '2026-03-12T16:00:00Z',
        heldEnd: '2026-03-12T15:00:00Z',
        attendees: [volunteer.id],
      }),
      400,
      'request.invalid',
    );
    expect(stranger.details).toHaveProperty('heldEnd');
    const cancelled = await expectStatus(
      attorney.client.request('PATCH', `/api/v1/visits/${visit.id}`, { status: 'cancelled', reason: 'Lockdown' }),
      200,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', decidedReason: 'Lockdown' });
    expectError(
      await attorney.client.request('PATCH', `/api/v1/visits/${visit.id}`, { status: 'approved' }),
      422,
      'visit.bad_transition',
    );
  });
});

describe('the calendar feed', () => {
  it('serves the visits the caller may see as iCalendar, to an API token', async () => {
    const { personId, matterId } = await client('Cal Endar');
    const visit = await expectStatus(
      requestVisit(attorney.client, { personId, matterId, purpose: 'Private purpose', visitors: visitors() }),
      201,
    );
    await expectStatus(
      attorney.client.request('PATCH', `/api/v1/visits/${visit.id}`, {
        status: 'scheduled',
        scheduledStart: '2026-03-20T16:00:00Z',
        scheduledEnd: '2026-03-20T18:00:00Z',
      }),
      200,
    );
    const { token } = await createToken(attorney.client, ['read']);
    const res = await bearerClient(h, token).request('GET', '/api/v1/calendar/visits.ics');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const ics = res.body.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`UID:${visit.id}@redress`);
    expect(ics).toContain('DTSTART:20260320T160000Z');
    expect(ics).toContain('SUMMARY:Legal visit: Cal Endar (Salinas Valley State Prison)');
    expect(ics).not.toContain('Private purpose');

    const { token: outsiderToken } = await createToken(outsider.client, ['read']);
    const hidden = await bearerClient(h, outsiderToken).request('GET', '/api/v1/calendar/visits.ics');
    expect(hidden.statusCode).toBe(200);
    expect(hidden.body).not.toContain(visit.id);
  });
});
