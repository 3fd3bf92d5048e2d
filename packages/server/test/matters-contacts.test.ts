import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createHarness, expectError, type Harness } from './support/harness.js';
import { insertPerson, type Member, member, openMatter } from './support/matters-fixtures.js';

// The contacts directory and its links to people and matters.

let h: Harness;
let attorney: Member;
let paralegal: Member;
let otherParalegal: Member;
let admin: Member;
let personId: string;
let matterId: string;

beforeAll(async () => {
  h = await createHarness();
  attorney = await member(h, 'attorney', 'Ana Attorney');
  paralegal = await member(h, 'paralegal', 'Pia Paralegal');
  otherParalegal = await member(h, 'paralegal', 'Olly Other');
  admin = await member(h, 'administrator', 'Ari Admin');
  personId = await insertPerson(h, 'Contact Client', { createdBy: paralegal.id });
  matterId = (await openMatter(paralegal.client, personId, 'dna_testing')).id;
});
afterAll(() => h.close());

const create = async (client: Member['client'], body: Record<string, unknown>) => {
  const res = await client.request('POST', '/api/v1/contacts', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('the directory', () => {
  it('adds a contact with its details, audited', async () => {
    const contact = await create(paralegal.client, {
      kind: 'laboratory',
      name: 'Serological Research Institute',
      organisation: 'SERI',
      title: 'Lab director',
      email: 'Lab@Example.org',
      phone: '+1 (510) 555-0100',
      address: '3053 Research Drive\nRichmond, CA 94806',
    });
    expect(contact).toMatchObject({
      kind: 'laboratory',
      name: 'Serological Research Institute',
      email: 'lab@example.org',
      address: '3053 Research Drive\nRichmond, CA 94806',
      notes: null,
    });
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'contact.created',
      entity_type: 'contact',
      entity_id: contact.id,
      actor_id: paralegal.id,
    });
  });

  it('refuses bad input field by field', async () => {
    const bad = expectError(
      await paralegal.client.request('POST', '/api/v1/contacts', {
        kind: 'friend',
        name: 'Bad\u202eName',
        email: 'not-an-email',
        phone: 'call me',
      }),
      400,
      'request.invalid',
    );
    expect(Object.keys(bad.details ?? {}).sort()).toEqual(['email', 'kind', 'name', 'phone']);
  });

  it('lists by kind and name, close spellings included, a page at a time', async () => {
    await create(attorney.client, { kind: 'official', name: 'Gavin Newsom', title: 'Governor of California' });
    await create(attorney.client, { kind: 'journalist', name: 'Nicholas Kristof' });
    await create(attorney.client, { kind: 'official', name: 'Rob Bonta', title: 'Attorney General' });
    const names = async (query: string) =>
      (await otherParalegal.client.request('GET', `/api/v1/contacts?${query}`))
        .json()
        .items.map((c: { name: string }) => c.name);
    expect(await names('kind=official')).toEqual(['Gavin Newsom', 'Rob Bonta']);
    expect(await names('name=newsom')).toEqual(['Gavin Newsom']);
    expect(await names('name=Nicholas%20Kristoff')).toEqual(['Nicholas Kristof']);
    const first = (await otherParalegal.client.request('GET', '/api/v1/contacts?kind=official&limit=1')).json();
    const second = (
      await otherParalegal.client.request('GET', `/api/v1/contacts?kind=official&limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect([...first.items, ...second.items].map((c: { name: string }) => c.name)).toEqual([
      'Gavin Newsom',
      'Rob Bonta',
    ]);
    expectError(await otherParalegal.client.request('GET', '/api/v1/contacts?kind=friend'), 400, 'request.invalid');
  });

  it('changes a contact and audits which fields changed, not their values', async () => {
    const contact = await create(paralegal.client, { kind: 'family', name: 'Maria Client', phone: '555 0101' });
    const res = await paralegal.client.request('PATCH', `/api/v1/contacts/${contact.id}`, {
      address: '12 Elm St',
      phone: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ address: '12 Elm St', phone: null, name: 'Maria Client' });
    const entry = (await auditRows(h)).at(-1);
    expect(entry).toMatchObject({ action: 'contact.updated', details: { changed: ['address', 'phone'] } });
    expect(JSON.stringify(entry)).not.toContain('Elm');
    expectError(await paralegal.client.request('PATCH', `/api/v1/contacts/${contact.id}`, {}), 400, 'request.invalid');
    expectError(
      await paralegal.client.request('PATCH', `/api/v1/contacts/${crypto.randomUUID()}`, { name: 'x' }),
      404,
      'contact.not_found',
    );
  });

  it('is deleted by whoever added it or an administrator', async () => {
    const contact = await create(paralegal.client, { kind: 'supporter', name: 'Short Lived' });
    expectError(await otherParalegal.client.request('DELETE', `/api/v1/contacts/${contact.id}`), 403, 'access.denied');
    expect((await admin.client.request('DELETE', `/api/v1/contacts/${contact.id}`)).statusCode).toBe(204);
    expect((await auditRows(h)).at(-1)).toMatchObject({ action: 'contact.deleted', entity_id: contact.id });
    expectError(await paralegal.client.request('GET', `/api/v1/contacts/${contact.id}`), 404, 'contact.not_found');
  });
});

describe('links to people and matters', () => {
  it('links a contact to a matter and to a person, shown with the contact and on the matter', async () => {
    const lab = await create(paralegal.client, { kind: 'laboratory', name: 'Bode Technology' });
    const toMatter = await paralegal.client.request('POST', `/api/v1/contacts/${lab.id}/links`, {
      matterId,
      relationship: 'testing laboratory',
    });
    expect(toMatter.statusCode, toMatter.body).toBe(201);
    expect(toMatter.json()).toMatchObject({
      contactId: lab.id,
      relationship: 'testing laboratory',
      matter: { id: matterId, title: 'Post-conviction DNA testing: Contact Client' },
      person: null,
    });
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'contact.linked',
      entity_type: 'matter',
      entity_id: matterId,
      details: { contactId: lab.id, relationship: 'testing laboratory' },
    });
    const mother = await create(paralegal.client, { kind: 'family', name: 'Rosa Client' });
    const toPerson = await paralegal.client.request('POST', `/api/v1/contacts/${mother.id}/links`, {
      personId,
      relationship: 'mother',
    });
    expect(toPerson.statusCode, toPerson.body).toBe(201);
    expect(toPerson.json().person).toEqual({ id: personId, name: 'Contact Client' });

    const detail = (await paralegal.client.request('GET', `/api/v1/contacts/${lab.id}`)).json();
    expect(detail.links).toEqual([toMatter.json()]);
    const onMatter = (await paralegal.client.request('GET', `/api/v1/matters/${matterId}/contacts`)).json();
    expect(onMatter.items).toEqual([
      {
        linkId: toMatter.json().id,
        relationship: 'testing laboratory',
        contact: expect.objectContaining({ name: 'Bode Technology' }),
      },
    ]);
    // The matter's activity shows it.
    const feed = (await paralegal.client.request('GET', `/api/v1/matters/${matterId}/activity`)).json();
    expect(feed.items[0]).toMatchObject({ action: 'contact.linked' });
  });

  it('hides links to records the reader cannot see, and refuses links to them', async () => {
    const lab = await create(paralegal.client, { kind: 'laboratory', name: 'Hidden Link Lab' });
    const link = (
      await paralegal.client.request('POST', `/api/v1/contacts/${lab.id}/links`, { matterId, relationship: 'lab' })
    ).json();
    const seen = (await otherParalegal.client.request('GET', `/api/v1/contacts/${lab.id}`)).json();
    expect(seen.links).toEqual([]);
    expectError(
      await otherParalegal.client.request('POST', `/api/v1/contacts/${lab.id}/links`, {
        matterId,
        relationship: 'lab',
      }),
      404,
      'matter.not_found',
    );
    expectError(
      await otherParalegal.client.request('POST', `/api/v1/contacts/${lab.id}/links`, { personId, relationship: 'x' }),
      404,
      'person.not_found',
    );
    expectError(
      await otherParalegal.client.request('DELETE', `/api/v1/contacts/${lab.id}/links/${link.id}`),
      404,
      'contact_link.not_found',
    );
    // An attorney sees every matter but links to a matter only where they work; a person's record,
    // like any person's, they may change (the person-access rule).
    expectError(
      await attorney.client.request('POST', `/api/v1/contacts/${lab.id}/links`, { matterId, relationship: 'lab' }),
      403,
      'access.denied',
    );
    const personLink = await attorney.client.request('POST', `/api/v1/contacts/${lab.id}/links`, {
      personId,
      relationship: 'x',
    });
    expect(personLink.statusCode).toBe(201);
    expect((await attorney.client.request('GET', `/api/v1/contacts/${lab.id}`)).json().links).toHaveLength(2);
    await attorney.client.request('DELETE', `/api/v1/contacts/${lab.id}/links/${personLink.json().id}`);

    expect((await paralegal.client.request('DELETE', `/api/v1/contacts/${lab.id}/links/${link.id}`)).statusCode).toBe(
      204,
    );
    expect((await auditRows(h)).at(-1)).toMatchObject({ action: 'contact.unlinked', entity_id: matterId });
  });

  it('needs exactly one of person and matter, and a relationship', async () => {
    const c = await create(paralegal.client, { kind: 'other', name: 'Link Rules' });
    for (const body of [
      { relationship: 'x' },
      { personId, matterId, relationship: 'x' },
      { personId, relationship: '' },
    ]) {
      expectError(
        await paralegal.client.request('POST', `/api/v1/contacts/${c.id}/links`, body),
        400,
        'request.invalid',
      );
    }
  });
});
