import type { Role } from '@redress/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  bearerClient,
  type Client,
  createHarness,
  createToken,
  expectError,
  type Harness,
  signInAs,
} from './support/harness.js';
import { createPerson, expectStatus, openMatterFor } from './support/people-fixtures.js';

/**
 * Who may see and change a person, and who sees victims and survivors:
 * - the team of one of the person's matters reads and writes; its legal team alone sees and writes
 *   victims and survivors (a volunteer on the team does not, whatever the matter role);
 * - administrators and attorneys read every person and may change them, but see no victims unless on
 *   a legal team of the person;
 * - whoever recorded the person reads and writes it;
 * - anyone else gets 404, as for a person who does not exist.
 */
let h: Harness;
const users: Record<string, { id: string; client: Client }> = {};
let personId: string;
let convictionId: string;
let victimId: string;
let coDefendantId: string;

const VICTIM = 'Rosalind Victimname';
const SURVIVOR = 'Theodore Survivorname';

const as = async (key: string, role: Role) => {
  const { user, client } = await signInAs(h, role);
  users[key] = { id: user.id, client };
  return users[key];
};
const client = (key: string) => (users[key] as { client: Client }).client;

beforeAll(async () => {
  h = await createHarness();
  await as('admin', 'administrator');
  await as('leadAttorney', 'attorney');
  await as('teamParalegal', 'paralegal');
  await as('teamInvestigator', 'investigator');
  await as('teamVolunteer', 'volunteer');
  // An advocate placed on the team as a volunteer: on the team, outside privilege.
  await as('advocateAsVolunteer', 'advocate');
  await as('outsideParalegal', 'paralegal');
  await as('outsideAttorney', 'attorney');
  await as('outsideAdvocate', 'advocate');
  await as('outsideVolunteer', 'volunteer');

  personId = (
    await createPerson(client('admin'), {
      legalName: 'Access Test Client',
      dateOfBirth: '1960-01-01',
      identifiers: [{ system: 'cdcr', value: 'D12345' }],
    })
  ).person.id;
  await openMatterFor(h, personId, [
    { userId: users.leadAttorney?.id as string, matterRole: 'lead_attorney' },
    { userId: users.teamParalegal?.id as string, matterRole: 'paralegal' },
    { userId: users.teamInvestigator?.id as string, matterRole: 'investigator' },
    { userId: users.teamVolunteer?.id as string, matterRole: 'volunteer' },
    { userId: users.advocateAsVolunteer?.id as string, matterRole: 'volunteer' },
  ]);
  const conviction = await expectStatus(
    client('leadAttorney').request('POST', `/api/v1/people/${personId}/convictions`, {
      caseNumber: 'BA-0001',
      court: 'Los Angeles County Superior Court',
      convictionDate: '1985-02-19',
      counts: [{ statute: 'PC 187(a)', degree: 'first' }],
      parties: [
        { role: 'victim', name: VICTIM, notify: true, notes: 'Family asked for notice' },
        { role: 'co_defendant', name: 'Carl Codefendant' },
      ],
    }),
    201,
  );
  convictionId = conviction.id;
  victimId = conviction.parties.find((p: { role: string }) => p.role === 'victim').id;
  coDefendantId = conviction.parties.find((p: { role: string }) => p.role === 'co_defendant').id;
});
afterAll(() => h.close());

const partyRoles = (person: { convictions: { parties: { role: string }[] }[] }) =>
  person.convictions.flatMap((c) => c.parties.map((p) => p.role)).sort();

describe('reading a person', () => {
  it.each(['outsideParalegal', 'outsideAdvocate', 'outsideVolunteer'])(
    'answers 404 to %s, on no team of the person, for every route',
    async (key) => {
      const c = client(key);
      const notFound = [
        await c.request('GET', `/api/v1/people/${personId}`),
        await c.request('GET', `/api/v1/people/${personId}/timeline`),
        await c.request('GET', `/api/v1/people/${personId}/activity`),
        await c.request('PATCH', `/api/v1/people/${personId}`, { gender: 'x' }),
        await c.request('POST', `/api/v1/people/${personId}/aliases`, { name: 'Sneaky' }),
        await c.request('POST', `/api/v1/people/${personId}/placements`, { facilityName: 'X', fromDate: '2000-01-01' }),
        await c.request('POST', `/api/v1/people/${personId}/mail-hold/release`, {}),
        await c.request('POST', `/api/v1/people/${personId}/convictions`, {}),
      ];
      for (const res of notFound) expectError(res, 404, 'person.not_found');
      expectError(
        await c.request('POST', `/api/v1/convictions/${convictionId}/sentence-events`, {
          kind: 'stayed',
          date: '2000-01-01',
        }),
        404,
        'conviction.not_found',
      );
      expectError(
        await c.request('POST', `/api/v1/convictions/${convictionId}/parties`, { role: 'co_defendant', name: 'X' }),
        404,
        'conviction.not_found',
      );
      const list = await expectStatus(c.request('GET', '/api/v1/people?name=Access%20Test%20Client'), 200);
      expect(list.items).toEqual([]);
      expect((await expectStatus(c.request('GET', '/api/v1/people?identifier=D12345'), 200)).items).toEqual([]);
    },
  );

  it.each([
    ['leadAttorney', true],
    ['teamParalegal', true],
    ['teamInvestigator', true],
    ['teamVolunteer', false],
    ['advocateAsVolunteer', false],
    ['outsideAttorney', false],
    ['admin', false],
  ] as const)('shows %s the person, with victims and survivors only for the legal team (%s)', async (key, isLegal) => {
    const person = await expectStatus(client(key).request('GET', `/api/v1/people/${personId}`), 200);
    expect(partyRoles(person)).toEqual(isLegal ? ['co_defendant', 'victim'] : ['co_defendant']);
    expect(person.viewer.canReadRestricted).toBe(isLegal);
    expect(JSON.stringify(person).includes(VICTIM)).toBe(isLegal);
    const list = await expectStatus(client(key).request('GET', '/api/v1/people?identifier=d-12345'), 200);
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([personId]);
  });

  it('audits every read that shows victims or survivors, without their names', async () => {
    const before = (await auditRows(h)).length;
    await expectStatus(client('teamParalegal').request('GET', `/api/v1/people/${personId}`), 200);
    await expectStatus(client('teamVolunteer').request('GET', `/api/v1/people/${personId}`), 200);
    await expectStatus(client('admin').request('GET', `/api/v1/people/${personId}`), 200);
    const entries = (await auditRows(h)).slice(before);
    expect(entries.map((e) => [e.action, e.actor_id])).toEqual([['person.restricted_read', users.teamParalegal?.id]]);
    expect(entries[0]?.details).toEqual({
      personId,
      convictionIds: [convictionId],
      parties: 1,
      restricted: true,
    });
  });
});

describe('changing a person', () => {
  it.each(['leadAttorney', 'teamVolunteer', 'outsideAttorney', 'admin'])(
    'lets %s change the ordinary record',
    async (key) => {
      const res = await expectStatus(
        client(key).request('PATCH', `/api/v1/people/${personId}`, { preferredLanguage: `Lang ${key}` }),
        200,
      );
      expect(res.preferredLanguage).toBe(`Lang ${key}`);
    },
  );

  it('lets the person’s creator read and change it, and nobody outside see it', async () => {
    const creator = client('outsideParalegal');
    const { person } = await createPerson(creator, { legalName: 'Intake Before Any Matter' });
    expect(person.viewer).toEqual({ canWrite: true, canReadRestricted: false, canWriteRestricted: false });
    await expectStatus(creator.request('PATCH', `/api/v1/people/${person.id}`, { gender: 'female' }), 200);
    await expectStatus(
      creator.request('POST', `/api/v1/people/${person.id}/convictions`, {
        parties: [{ role: 'co_defendant', name: 'A' }],
      }),
      201,
    );
    // Not even the creator records victims: that needs the legal team of a matter.
    expectError(
      await creator.request('POST', `/api/v1/people/${person.id}/convictions`, {
        parties: [{ role: 'victim', name: 'V' }],
      }),
      403,
      'access.restricted',
    );
    expectError(await client('teamParalegal').request('GET', `/api/v1/people/${person.id}`), 404, 'person.not_found');
    await expectStatus(client('outsideAttorney').request('GET', `/api/v1/people/${person.id}`), 200);
  });

  it('refuses a change through an API token without the write scope', async () => {
    const { token } = await createToken(client('leadAttorney'), ['read']);
    const api = bearerClient(h, token);
    expect((await api.request('GET', `/api/v1/people/${personId}`)).statusCode).toBe(200);
    expectError(await api.request('PATCH', `/api/v1/people/${personId}`, { gender: 'x' }), 403, 'access.denied');
    const { token: writer } = await createToken(client('leadAttorney'), ['read', 'write']);
    const res = await bearerClient(h, writer).request('POST', `/api/v1/convictions/${convictionId}/parties`, {
      role: 'survivor',
      name: SURVIVOR,
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('victims and survivors', () => {
  it.each(['teamVolunteer', 'advocateAsVolunteer', 'outsideAttorney', 'admin'])(
    'refuses %s any write of a victim or survivor, and hides existing ones as not found',
    async (key) => {
      const c = client(key);
      const onCreate = expectError(
        await c.request('POST', `/api/v1/people/${personId}/convictions`, {
          parties: [
            { role: 'co_defendant', name: 'Fine' },
            { role: 'survivor', name: 'Not allowed' },
          ],
        }),
        403,
        'access.restricted',
      );
      expect(onCreate.details).toEqual({ 'parties.1.role': 'Restricted to the legal team' });
      expectError(
        await c.request('POST', `/api/v1/convictions/${convictionId}/parties`, { role: 'victim', name: 'X' }),
        403,
        'access.restricted',
      );
      expectError(
        await c.request('PATCH', `/api/v1/convictions/${convictionId}/parties/${coDefendantId}`, { role: 'victim' }),
        403,
        'access.restricted',
      );
      expectError(
        await c.request('PATCH', `/api/v1/convictions/${convictionId}/parties/${victimId}`, { notify: false }),
        404,
        'conviction_party.not_found',
      );
      expectError(
        await c.request('DELETE', `/api/v1/convictions/${convictionId}/parties/${victimId}`),
        404,
        'conviction_party.not_found',
      );
      // Deleting the conviction would delete its victims too.
      expectError(
        await c.request('DELETE', `/api/v1/people/${personId}/convictions/${convictionId}`),
        403,
        'access.restricted',
      );
    },
  );

  it('lets the legal team add, change and remove them, auditing without names', async () => {
    const c = client('teamInvestigator');
    const added = await expectStatus(
      c.request('POST', `/api/v1/convictions/${convictionId}/parties`, { role: 'survivor', name: 'Temp Survivor' }),
      201,
    );
    const changed = await expectStatus(
      c.request('PATCH', `/api/v1/convictions/${convictionId}/parties/${added.id}`, {
        notify: true,
        notes: 'Call first',
      }),
      200,
    );
    expect(changed).toMatchObject({ role: 'survivor', name: 'Temp Survivor', notify: true, notes: 'Call first' });
    await expectStatus(c.request('DELETE', `/api/v1/convictions/${convictionId}/parties/${added.id}`), 204);
    const entries = (await auditRows(h)).filter((e) => e.entity_id === added.id);
    expect(entries.map((e) => e.action)).toEqual([
      'conviction_party.added',
      'conviction_party.updated',
      'conviction_party.removed',
    ]);
    for (const e of entries) expect(e.details).toMatchObject({ restricted: true, role: 'survivor' });
    // No audit entry anywhere names a victim or survivor, nor their notes.
    const all = JSON.stringify((await auditRows(h)).map((e) => e.details));
    for (const secret of [VICTIM, SURVIVOR, 'Temp Survivor', 'Family asked for notice', 'Call first']) {
      expect(all.includes(secret), secret).toBe(false);
    }
  });

  it('keeps restricted entries out of the activity feed outside the legal team', async () => {
    const actions = async (key: string) =>
      (await expectStatus(client(key).request('GET', `/api/v1/people/${personId}/activity?limit=200`), 200)).items.map(
        (e: { action: string }) => e.action,
      );
    const legal = await actions('leadAttorney');
    const volunteer = await actions('teamVolunteer');
    expect(legal).toContain('conviction_party.added');
    expect(volunteer).not.toContain('conviction_party.added');
    expect(volunteer).toContain('conviction.created');
    // Reads are not activity.
    expect(legal).not.toContain('person.restricted_read');
  });
});
