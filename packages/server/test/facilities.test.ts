import { loadFacilityDirectory, seedFacilityDirectory } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, type Client, createHarness, expectError, type Harness, signInAs } from './support/harness.js';
import { createPerson, expectStatus } from './support/people-fixtures.js';

let h: Harness;
let admin: Client;
let paralegal: Client;
beforeAll(async () => {
  h = await createHarness();
  admin = (await signInAs(h, 'administrator')).client;
  paralegal = (await signInAs(h, 'paralegal')).client;
});
afterAll(() => h.close());

type Facility = { id: string; code: string; name: string; jurisdiction: string } & Record<string, unknown>;
type Page = { items: Facility[]; nextCursor: string | null };

const list = async (client: Client, query = ''): Promise<Page> =>
  expectStatus(client.request('GET', `/api/v1/facilities${query}`), 200);
const byCode = async (code: string): Promise<Facility> => {
  const found = (await list(admin, `?q=${encodeURIComponent(code)}&limit=200`)).items.find((f) => f.code === code);
  if (!found) throw new Error(`no facility ${code}`);
  return found;
};

const directory = loadFacilityDirectory();

describe('the facility directory', () => {
  it('is seeded at bootstrap with every CDCR and BOP entry, once', async () => {
    const codes = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: Page = await list(paralegal, `?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      for (const f of page.items) codes.add(f.code);
      cursor = page.nextCursor;
    } while (cursor);
    for (const entry of directory) expect(codes.has(entry.code), entry.code).toBe(true);
    expect(directory.filter((e) => e.jurisdiction === 'CA').length).toBeGreaterThanOrEqual(31);
    expect(directory.filter((e) => e.jurisdiction === 'US').length).toBeGreaterThanOrEqual(120);

    expect(await seedFacilityDirectory(h.database.db, h.clock.now())).toEqual({ inserted: 0, updated: 0 });
    const seeded = (await auditRows(h)).filter((r) => r.action === 'facility.directory_seeded');
    expect(seeded).toHaveLength(1);
    expect(seeded[0]?.details).toMatchObject({ inserted: directory.length, updated: 0 });
  });

  it('filters by jurisdiction, kind and name, in name order, and pages', async () => {
    const ca = await list(paralegal, '?jurisdiction=CA&limit=200');
    expect(ca.items.length).toBeGreaterThanOrEqual(31);
    expect(ca.items.every((f) => f.jurisdiction === 'CA')).toBe(true);
    const names = ca.items.map((f) => f.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const beaumont = await list(paralegal, '?jurisdiction=US&q=beaumont');
    expect(beaumont.items.map((f) => f.code).sort()).toEqual(['BOP-BML', 'BOP-BMM', 'BOP-BMP', 'BOP-BMX']);
    const complexes = await list(paralegal, '?kind=complex&q=beaumont');
    expect(complexes.items.map((f) => f.code)).toEqual(['BOP-BMX']);
    expect((await list(paralegal, '?q=pelican')).items[0]).toMatchObject({
      code: 'CDCR-PBSP',
      streetAddress: '5905 Lake Earl Drive',
      mailLine1: 'P.O. Box 7500',
      mailCity: 'Crescent City',
    });
    expect((await list(paralegal, '?active=false&jurisdiction=US')).items.map((f) => f.code)).toEqual(
      expect.arrayContaining(['BOP-DUB']),
    );

    const first = await list(paralegal, '?jurisdiction=US&limit=5');
    expect(first.items).toHaveLength(5);
    const second = await list(paralegal, `?jurisdiction=US&limit=5&cursor=${first.nextCursor}`);
    expect(second.items[0]?.name.localeCompare(first.items[4]?.name ?? '')).toBeGreaterThanOrEqual(0);
    expect(second.items.map((f) => f.id)).not.toContain(first.items[0]?.id);
  });

  it('shows one facility with both addresses, and answers 404 for an unknown one', async () => {
    const { id } = await byCode('BOP-BML');
    expect(await expectStatus(paralegal.request('GET', `/api/v1/facilities/${id}`), 200)).toMatchObject({
      name: 'FCI Beaumont Low',
      streetAddress: '5560 Knauth Road',
      zip: '77705',
      mailLine1: 'P.O. Box 26020',
      mailZip: '77720',
      isVerified: true,
      isEdited: false,
    });
    expectError(await paralegal.request('GET', `/api/v1/facilities/${crypto.randomUUID()}`), 404, 'facility.not_found');
    expectError(await paralegal.request('GET', '/api/v1/facilities/not-an-id'), 404, 'request.not_found');
  });

  it('refuses bad filters with field messages', async () => {
    const res = await paralegal.request('GET', '/api/v1/facilities?jurisdiction=XX&limit=0');
    const error = expectError(res, 400, 'request.invalid');
    expect(Object.keys(error.details ?? {}).sort()).toEqual(['query.jurisdiction', 'query.limit']);
  });
});

describe('changing the directory', () => {
  const jail = {
    code: 'cty-sfj',
    name: 'San Francisco County Jail #2',
    jurisdiction: 'county',
    kind: 'jail',
    streetAddress: '425 7th Street',
    city: 'San Francisco',
    state: 'ca',
    zip: '94103',
    mailLine1: '425 7th Street',
    mailCity: 'San Francisco',
    mailState: 'CA',
    mailZip: '94103',
  };

  it('lets an administrator add a facility, audited in the same transaction', async () => {
    const created = await expectStatus(admin.request('POST', '/api/v1/facilities', jail), 201);
    expect(created).toMatchObject({ code: 'CTY-SFJ', state: 'CA', isEdited: true, isActive: true, isVerified: false });
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'facility.created',
      entity_type: 'facility',
      entity_id: created.id,
      details: { code: 'CTY-SFJ', jurisdiction: 'county' },
    });
    expectError(await admin.request('POST', '/api/v1/facilities', jail), 409, 'facility.code_taken');
  });

  it('lets an administrator correct an entry, which the seed then leaves alone', async () => {
    const pbsp = await byCode('CDCR-PBSP');
    const changed = await expectStatus(
      admin.request('PATCH', `/api/v1/facilities/${pbsp.id}`, { mailLine1: 'P.O. Box 7000', isVerified: true }),
      200,
    );
    expect(changed).toMatchObject({ mailLine1: 'P.O. Box 7000', isVerified: true, isEdited: true });
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'facility.updated',
      entity_id: pbsp.id,
      details: { code: 'CDCR-PBSP', changed: ['mail_line1', 'verified'] },
    });

    // A later release's data changes both this entry and an untouched one: only the untouched one moves.
    const next = directory.map((e) =>
      e.code === 'CDCR-PBSP' || e.code === 'CDCR-SVSP' ? { ...e, mailLine1: 'P.O. Box 1' } : e,
    );
    expect(await seedFacilityDirectory(h.database.db, h.clock.now(), { entries: next })).toEqual({
      inserted: 0,
      updated: 1,
    });
    expect((await byCode('CDCR-PBSP')).mailLine1).toBe('P.O. Box 7000');
    expect((await byCode('CDCR-SVSP')).mailLine1).toBe('P.O. Box 1');
    await seedFacilityDirectory(h.database.db, h.clock.now());
    expect((await byCode('CDCR-SVSP')).mailLine1).toBe('P.O. Box 1050');
  });

  it('refuses anyone but an administrator (403)', async () => {
    const pbsp = await byCode('CDCR-PBSP');
    expectError(
      await paralegal.request('POST', '/api/v1/facilities', { ...jail, code: 'CTY-X' }),
      403,
      'access.denied',
    );
    expectError(
      await paralegal.request('PATCH', `/api/v1/facilities/${pbsp.id}`, { name: 'Renamed' }),
      403,
      'access.denied',
    );
    const attorney = (await signInAs(h, 'attorney')).client;
    expectError(
      await attorney.request('PATCH', `/api/v1/facilities/${pbsp.id}`, { phone: '(831) 678-5500' }),
      403,
      'access.denied',
    );
  });

  it('refuses bad input with a message per field', async () => {
    const res = await admin.request('POST', '/api/v1/facilities', {
      code: 'no spaces allowed',
      name: '',
      jurisdiction: 'mars',
      zip: '123',
      mailLine1: 'P.O. Box 5',
      extra: true,
    });
    const error = expectError(res, 400, 'request.invalid');
    expect(error.details).toMatchObject({
      code: expect.stringMatching(/Letters, digits and dashes/),
      name: 'Required',
      jurisdiction: expect.any(String),
      zip: expect.stringMatching(/ZIP/),
      extra: 'Unknown field',
    });

    const pbsp = await byCode('CDCR-PBSP');
    const partial = expectError(
      await admin.request('PATCH', `/api/v1/facilities/${pbsp.id}`, { mailZip: null }),
      400,
      'request.invalid',
    );
    expect(partial.details).toEqual({ mailZip: 'Required with a mailing address' });
    expectError(await admin.request('PATCH', `/api/v1/facilities/${pbsp.id}`, {}), 400, 'request.invalid');
    expectError(
      await admin.request('PATCH', `/api/v1/facilities/${crypto.randomUUID()}`, { name: 'X' }),
      404,
      'facility.not_found',
    );
  });
});

describe('the envelope for a person in custody', () => {
  const personAt = async (
    code: string,
    body: Record<string, unknown>,
    placement: Record<string, unknown> = {},
  ): Promise<string> => {
    const { id: facilityId } = await byCode(code);
    const { person } = await createPerson(admin, { dateOfBirth: '1970-01-01', ...body });
    await expectStatus(
      admin.request('POST', `/api/v1/people/${person.id}/placements`, {
        facilityId,
        fromDate: '2020-01-01',
        addressConfirmedAt: '2020-01-02',
        ...placement,
      }),
      201,
    );
    return person.id;
  };
  const envelope = (client: Client, personId: string) => client.request('GET', `/api/v1/people/${personId}/envelope`);

  it('addresses a CDCR client by name and CDCR number, institution, box and housing', async () => {
    const id = await personAt(
      'CDCR-SVSP',
      { legalName: 'Marcus Allen Reed', identifiers: [{ system: 'cdcr', value: 'C98556' }] },
      { housing: 'D-5-112' },
    );
    expect(await expectStatus(envelope(admin, id), 200)).toMatchObject({
      personId: id,
      jurisdiction: 'CA',
      facility: { code: 'CDCR-SVSP', name: 'Salinas Valley State Prison' },
      identifier: { system: 'cdcr', value: 'C98556' },
      lines: [
        'Marcus Allen Reed, CDCR# C98556',
        'Salinas Valley State Prison',
        'P.O. Box 1050, D-5-112',
        'Soledad, CA 93960-1050',
      ],
      legalMail: { marking: 'CONFIDENTIAL LEGAL MAIL' },
    });
  });

  it('addresses a BOP client by committed name and register number', async () => {
    const id = await personAt('BOP-BML', {
      legalName: 'Roberto Ignacio Salas',
      aliases: [{ name: 'ROBERTO SALAS', kind: 'committed_name' }],
      identifiers: [{ system: 'bop', value: '12345678' }],
    });
    expect(await expectStatus(envelope(admin, id), 200)).toMatchObject({
      jurisdiction: 'US',
      lines: ['ROBERTO SALAS', 'Reg. No. 12345-678', 'FCI Beaumont Low', 'P.O. Box 26020', 'Beaumont, TX 77720'],
      legalMail: { marking: 'SPECIAL MAIL - OPEN ONLY IN THE PRESENCE OF THE INMATE' },
    });
  });

  it('refuses while the mail is on hold, naming the reason and the date', async () => {
    const id = await personAt('CDCR-SVSP', {
      legalName: 'Held Mail',
      identifiers: [{ system: 'cdcr', value: 'AB1234' }],
    });
    const { id: other } = await byCode('CDCR-PBSP');
    await expectStatus(
      admin.request('POST', `/api/v1/people/${id}/placements`, { facilityId: other, fromDate: '2026-02-20' }),
      201,
    );
    const error = expectError(await envelope(admin, id), 409, 'mail.hold');
    expect(error.message).toMatch(/2026-03-02|2026-02-20/);
    expect(error.message).toMatch(/on hold since/);
  });

  it('explains what is missing: identifier, placement, mailing address', async () => {
    const noNumber = await personAt('BOP-BML', { legalName: 'No Number' });
    expectError(await envelope(admin, noNumber), 422, 'envelope.no_identifier');
    const { person } = await createPerson(admin, { legalName: 'Nowhere Yet' });
    expectError(await envelope(admin, person.id), 422, 'envelope.no_placement');
    const byYard = await personAt('CDCR-KVSP', {
      legalName: 'Yard Box',
      identifiers: [{ system: 'cdcr', value: 'K12345' }],
    });
    const error = expectError(await envelope(admin, byYard), 422, 'envelope.no_mailing_address');
    expect(error.message).toMatch(/P\.O\. Box 5101/);
  });

  it('is hidden (404) from whoever may not see the person, and for an unknown person', async () => {
    const id = await personAt('BOP-BML', {
      legalName: 'Hidden Client',
      identifiers: [{ system: 'bop', value: '22222-333' }],
    });
    expectError(await envelope(paralegal, id), 404, 'person.not_found');
    expectError(await envelope(admin, crypto.randomUUID()), 404, 'person.not_found');
  });
});
