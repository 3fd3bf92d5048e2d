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
import { createPerson, expectStatus, openMatterFor } from './support/people-fixtures.js';

// GET /api/v1/people/:id/contacts: the contacts linked to a person, for whoever may see the person.

let h: Harness;
let teamParalegal: Client;
let outsideParalegal: Client;
let outsideAttorney: Client;
let teamParalegalId: string;
let personId: string;
let otherPersonId: string;
let matterId: string;
let motherLinkId: string;
let attorneyContactId: string;

type Item = { linkId: string; relationship: string; contact: Record<string, unknown> & { id: string; name: string } };

const contactsOf = async (client: Client, id: string) =>
  (await expectStatus(client.request('GET', `/api/v1/people/${id}/contacts`), 200)) as { items: Item[] };

const addContact = async (body: Record<string, unknown>) =>
  (await expectStatus(teamParalegal.request('POST', '/api/v1/contacts', body), 201)) as { id: string };

const link = async (contactId: string, target: { personId?: string; matterId?: string }, relationship: string) =>
  (
    (await expectStatus(
      teamParalegal.request('POST', `/api/v1/contacts/${contactId}/links`, { ...target, relationship }),
      201,
    )) as { id: string }
  ).id;

beforeAll(async () => {
  h = await createHarness();
  const team = await signInAs(h, 'paralegal');
  teamParalegal = team.client;
  teamParalegalId = team.user.id;
  outsideParalegal = (await signInAs(h, 'paralegal')).client;
  outsideAttorney = (await signInAs(h, 'attorney')).client;
  const admin = (await signInAs(h, 'administrator')).client;

  personId = (await createPerson(admin, { legalName: 'Linked Contacts Client' })).person.id;
  otherPersonId = (await createPerson(admin, { legalName: 'Someone Else Entirely' })).person.id;
  matterId = await openMatterFor(h, personId, [{ userId: teamParalegalId, matterRole: 'paralegal' }]);
  await openMatterFor(h, otherPersonId, [{ userId: teamParalegalId, matterRole: 'paralegal' }]);

  const mother = await addContact({
    kind: 'family',
    name: 'Rosa Linked',
    phone: '+1 555 0100',
    email: 'Rosa@Example.org',
    address: '12 Elm St',
  });
  const attorney = await addContact({
    kind: 'attorney',
    name: 'Ada Trialcounsel',
    organisation: 'Public Defender',
    title: 'Deputy Public Defender',
  });
  attorneyContactId = attorney.id;
  const lab = await addContact({ kind: 'laboratory', name: 'Bode Technology' });
  const neighbour = await addContact({ kind: 'supporter', name: 'Nora Neighbour' });

  motherLinkId = await link(mother.id, { personId }, 'mother');
  await link(attorney.id, { personId }, 'trial attorney');
  // Linked to the person's matter, and to another person: neither is a contact of this person.
  await link(lab.id, { matterId }, 'testing laboratory');
  await link(neighbour.id, { personId: otherPersonId }, 'neighbour');
});
afterAll(() => h.close());

describe('the contacts of a person', () => {
  it("lists the person's linked contacts by name, with the link, the relationship and the contact's details", async () => {
    const { items } = await contactsOf(teamParalegal, personId);
    expect(items.map((i) => [i.contact.name, i.relationship])).toEqual([
      ['Ada Trialcounsel', 'trial attorney'],
      ['Rosa Linked', 'mother'],
    ]);
    expect(items[0]).toMatchObject({
      relationship: 'trial attorney',
      contact: {
        id: attorneyContactId,
        kind: 'attorney',
        name: 'Ada Trialcounsel',
        organisation: 'Public Defender',
        title: 'Deputy Public Defender',
        email: null,
        phone: null,
      },
    });
    expect(items[1]).toMatchObject({
      linkId: motherLinkId,
      contact: { kind: 'family', email: 'rosa@example.org', phone: '+1 555 0100', organisation: null },
    });
  });

  it('is seen by an org-wide reader off the team, and through a read token', async () => {
    expect((await contactsOf(outsideAttorney, personId)).items).toHaveLength(2);
    const { token } = await createToken(teamParalegal, ['read']);
    const res = await bearerClient(h, token).request('GET', `/api/v1/people/${personId}/contacts`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toHaveLength(2);
  });

  it('is empty for a person without linked contacts', async () => {
    const lonely = (await createPerson(teamParalegal, { legalName: 'No Contacts Yet' })).person.id;
    expect(await contactsOf(teamParalegal, lonely)).toEqual({ items: [] });
  });

  it('drops a contact once it is unlinked', async () => {
    const cousin = await addContact({ kind: 'family', name: 'Carl Cousin' });
    const linkId = await link(cousin.id, { personId }, 'cousin');
    expect((await contactsOf(teamParalegal, personId)).items.map((i) => i.linkId)).toContain(linkId);
    await expectStatus(teamParalegal.request('DELETE', `/api/v1/contacts/${cousin.id}/links/${linkId}`), 204);
    expect((await contactsOf(teamParalegal, personId)).items.map((i) => i.linkId)).not.toContain(linkId);
  });
});

describe('who may ask', () => {
  it('answers 404 for a person who does not exist', async () => {
    expectError(
      await teamParalegal.request('GET', `/api/v1/people/${crypto.randomUUID()}/contacts`),
      404,
      'person.not_found',
    );
  });

  it('answers 404, as for no such person, to someone who may not see the person', async () => {
    expectError(await outsideParalegal.request('GET', `/api/v1/people/${personId}/contacts`), 404, 'person.not_found');
  });

  it('answers 401 without a session or token', async () => {
    expectError(
      await h.app.inject({ method: 'GET', url: `/api/v1/people/${personId}/contacts` }),
      401,
      'auth.required',
    );
  });

  it('answers a malformed id as for any record not found (the house rule for ids in the path)', async () => {
    expectError(await teamParalegal.request('GET', '/api/v1/people/not-a-uuid/contacts'), 404, 'request.not_found');
  });
});
