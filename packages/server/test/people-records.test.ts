import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, type Client, createHarness, expectError, type Harness, signInAs } from './support/harness.js';
import { createPerson, expectStatus } from './support/people-fixtures.js';

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await createHarness();
  admin = (await signInAs(h, 'administrator')).client;
});
afterAll(() => h.close());

describe('recording a person', () => {
  it('stores the person with aliases and normalised identifiers, and audits it in the same transaction', async () => {
    const before = (await auditRows(h)).length;
    const { person, possibleDuplicates } = await createPerson(admin, {
      legalName: 'Ramírez, José Luis',
      aliases: [{ name: 'Joe Ramirez' }, { name: 'José L. Ramires', kind: 'spelling' }],
      dateOfBirth: '1961-07-04',
      gender: 'male',
      preferredLanguage: 'Spanish',
      identifiers: [
        { system: 'cdcr', value: 'c-98556' },
        { system: 'county_booking', value: ' 8812-334 ', issuer: 'Los Angeles County' },
      ],
      mailingAddress: 'San Quentin State Prison\nSan Quentin, CA 94974',
      notes: 'Wrote to us in 2019.',
    });
    expect(person).toMatchObject({
      legalName: 'Ramírez, José Luis',
      dateOfBirth: '1961-07-04',
      status: 'in_custody',
      mailHold: null,
      placements: [],
      convictions: [],
      matters: [],
      viewer: { canWrite: true, canReadRestricted: false, canWriteRestricted: false },
    });
    expect((person.aliases as { name: string; kind: string }[]).map((a) => [a.name, a.kind])).toEqual([
      ['Joe Ramirez', 'alias'],
      ['José L. Ramires', 'spelling'],
    ]);
    expect((person.identifiers as { system: string; value: string }[]).map((i) => [i.system, i.value])).toEqual([
      ['cdcr', 'C98556'],
      ['county_booking', '8812-334'],
    ]);
    expect(possibleDuplicates).toEqual([]);
    const row = await h.database.db
      .selectFrom('people')
      .select('name_search')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.name_search).toBe('jose luis ramirez');
    const entries = (await auditRows(h)).slice(before);
    expect(entries.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([
      ['person.created', 'person', person.id],
    ]);
    expect(entries[0]?.details).toMatchObject({
      personId: person.id,
      identifiers: [
        { system: 'cdcr', value: 'C98556' },
        { system: 'county_booking', value: '8812-334' },
      ],
    });
  });

  it('keeps HTML and script in names and notes as plain text', async () => {
    const name = '<img src=x onerror="alert(1)"> Doe';
    const notes = '<script>fetch("//evil")</script>\n**bold**';
    const { person } = await createPerson(admin, { legalName: name, notes, aliases: [{ name: '<b>Jd</b>' }] });
    const read = await expectStatus(admin.request('GET', `/api/v1/people/${person.id}`), 200);
    expect(read.legalName).toBe(name);
    expect(read.notes).toBe(notes);
    expect(read.aliases[0].name).toBe('<b>Jd</b>');
  });

  it.each([
    ['an impossible date of birth', { legalName: 'A B', dateOfBirth: '2023-02-30' }, 'dateOfBirth'],
    ['a date of birth in the wrong format', { legalName: 'A B', dateOfBirth: '04/07/1961' }, 'dateOfBirth'],
    ['a missing name', { dateOfBirth: '1961-07-04' }, 'legalName'],
    ['a blank name', { legalName: '   ' }, 'legalName'],
    ['a name with control characters', { legalName: 'A\u0000B' }, 'legalName'],
    ['an unknown status', { legalName: 'A B', status: 'escaped' }, 'status'],
    [
      'an unknown identifier system',
      { legalName: 'A B', identifiers: [{ system: 'ssn', value: '1' }] },
      'identifiers.0.system',
    ],
    [
      'a malformed CDCR number',
      { legalName: 'A B', identifiers: [{ system: 'cdcr', value: '98556' }] },
      'identifiers.0.value',
    ],
    [
      'a malformed BOP register number',
      { legalName: 'A B', identifiers: [{ system: 'bop', value: '1234-5678' }] },
      'identifiers.0.value',
    ],
    [
      'the same identifier twice',
      {
        legalName: 'A B',
        identifiers: [
          { system: 'bop', value: '12345-678' },
          { system: 'bop', value: '12345678' },
        ],
      },
      'identifiers.1.value',
    ],
    ['an unknown alias kind', { legalName: 'A B', aliases: [{ name: 'C', kind: 'nickname' }] }, 'aliases.0.kind'],
    ['an unknown field', { legalName: 'A B', isVip: true }, 'isVip'],
    ['a malformed email', { legalName: 'A B', email: 'not-an-email' }, 'email'],
  ])('refuses %s with a message on the field', async (_why, body, field) => {
    const error = expectError(await admin.request('POST', '/api/v1/people', body), 400, 'request.invalid');
    expect(Object.keys(error.details ?? {})).toContain(field);
  });

  it('refuses a date of birth in the future', async () => {
    const error = expectError(
      await admin.request('POST', '/api/v1/people', { legalName: 'Not Born Yet', dateOfBirth: '2026-03-03' }),
      400,
      'request.invalid',
    );
    expect(error.details).toEqual({ dateOfBirth: 'In the future' });
  });

  it('refuses an identifier another person holds in the same system (409), writing nothing', async () => {
    const { person } = await createPerson(admin, {
      legalName: 'Original Holder',
      identifiers: [{ system: 'bop', value: '55501-112' }],
    });
    const before = (await auditRows(h)).length;
    const error = expectError(
      await admin.request('POST', '/api/v1/people', {
        legalName: 'Second Claimant',
        identifiers: [
          { system: 'cdcr', value: 'K12345' },
          { system: 'bop', value: '55501112' },
        ],
      }),
      409,
      'person.identifier_taken',
    );
    expect(error.details).toEqual({ 'identifiers.1.value': `Already recorded for Original Holder (${person.id})` });
    expect((await auditRows(h)).length).toBe(before);
    const none = await h.database.db
      .selectFrom('people')
      .select('id')
      .where('legal_name', '=', 'Second Claimant')
      .execute();
    expect(none).toEqual([]);
  });

  it('lists possible duplicates: similar name or alias, same birth date, same identifier elsewhere', async () => {
    const { person: original } = await createPerson(admin, {
      legalName: 'Marcus Wellington Hayes',
      aliases: [{ name: 'Big Marc Hayes' }],
      dateOfBirth: '1970-01-15',
      identifiers: [{ system: 'fbi', value: '445566AB7' }],
    });
    const { person: sameBirthday } = await createPerson(admin, {
      legalName: 'Totally Different',
      dateOfBirth: '1958-11-30',
    });

    const byName = await createPerson(admin, { legalName: 'Marcus W. Hayes' });
    expect(byName.possibleDuplicates).toEqual([
      expect.objectContaining({
        id: original.id,
        legalName: 'Marcus Wellington Hayes',
        reasons: expect.arrayContaining(['name']),
      }),
    ]);
    expect((byName.possibleDuplicates[0] as { similarity: number }).similarity).toBeGreaterThan(0.4);

    const byAlias = await createPerson(admin, { legalName: 'Hayes, Big Marc' });
    expect(byAlias.possibleDuplicates).toContainEqual(
      expect.objectContaining({ id: original.id, reasons: expect.arrayContaining(['alias']) }),
    );

    const byBirth = await createPerson(admin, { legalName: 'Zed Quill', dateOfBirth: '1958-11-30' });
    expect(byBirth.possibleDuplicates).toEqual([
      expect.objectContaining({ id: sameBirthday.id, reasons: ['date_of_birth'], similarity: 0 }),
    ]);

    const byIdentifier = await createPerson(admin, {
      legalName: 'Unrelated Name',
      identifiers: [{ system: 'state_id', value: '445566ab7' }],
    });
    expect(byIdentifier.possibleDuplicates).toEqual([
      expect.objectContaining({ id: original.id, reasons: ['identifier'] }),
    ]);
  });

  it('needs a role that may open matters', async () => {
    const { client: volunteer } = await signInAs(h, 'volunteer');
    expectError(await volunteer.request('POST', '/api/v1/people', { legalName: 'X Y' }), 403, 'access.denied');
    const { client: investigator } = await signInAs(h, 'investigator');
    expectError(await investigator.request('POST', '/api/v1/people', { legalName: 'X Y' }), 403, 'access.denied');
  });
});

describe('reading and changing a person', () => {
  it('answers 404 for an unknown or malformed id', async () => {
    expectError(await admin.request('GET', `/api/v1/people/${crypto.randomUUID()}`), 404, 'person.not_found');
    expectError(await admin.request('GET', '/api/v1/people/not-a-uuid'), 404, 'request.not_found');
    expectError(
      await admin.request('PATCH', `/api/v1/people/${crypto.randomUUID()}`, { gender: 'x' }),
      404,
      'person.not_found',
    );
  });

  it('changes the details and audits the old and new values', async () => {
    const { person } = await createPerson(admin, { legalName: 'Anna Karenin', dateOfBirth: '1980-02-02' });
    const updated = await expectStatus(
      admin.request('PATCH', `/api/v1/people/${person.id}`, {
        legalName: 'Anna Karenina',
        status: 'released',
        notes: 'Released 2025',
        dateOfBirth: null,
      }),
      200,
    );
    expect(updated).toMatchObject({
      legalName: 'Anna Karenina',
      status: 'released',
      notes: 'Released 2025',
      dateOfBirth: null,
    });
    const entry = (await auditRows(h)).at(-1);
    expect(entry).toMatchObject({ action: 'person.updated', entity_id: person.id });
    expect(entry?.details).toEqual({
      personId: person.id,
      changes: {
        legalName: { from: 'Anna Karenin', to: 'Anna Karenina' },
        status: { from: 'in_custody', to: 'released' },
        dateOfBirth: { from: '1980-02-02', to: null },
        notes: 'changed',
      },
    });
  });

  it('refuses an empty change, an unknown status and a birth date after the first placement', async () => {
    const { person } = await createPerson(admin, { legalName: 'Late Birth', dateOfBirth: '1970-01-01' });
    expectError(await admin.request('PATCH', `/api/v1/people/${person.id}`, {}), 400, 'request.invalid');
    const unknown = expectError(
      await admin.request('PATCH', `/api/v1/people/${person.id}`, { status: 'free' }),
      400,
      'request.invalid',
    );
    expect(Object.keys(unknown.details ?? {})).toEqual(['status']);
    await expectStatus(
      admin.request('POST', `/api/v1/people/${person.id}/placements`, {
        facilityName: 'CSP Corcoran',
        fromDate: '1990-05-01',
      }),
      201,
    );
    const error = expectError(
      await admin.request('PATCH', `/api/v1/people/${person.id}`, { dateOfBirth: '1991-01-01' }),
      400,
      'request.invalid',
    );
    expect(error.details).toEqual({ dateOfBirth: 'After the start of a custody placement (1990-05-01)' });
  });
});

describe('aliases and identifiers', () => {
  it('adds, changes and removes aliases, with audit entries', async () => {
    const { person } = await createPerson(admin, { legalName: 'Lee Chang' });
    const alias = await expectStatus(
      admin.request('POST', `/api/v1/people/${person.id}/aliases`, { name: 'Li Zhang', kind: 'spelling' }),
      201,
    );
    expect(alias).toMatchObject({ name: 'Li Zhang', kind: 'spelling' });
    const changed = await expectStatus(
      admin.request('PATCH', `/api/v1/people/${person.id}/aliases/${alias.id}`, { name: 'Li Chang' }),
      200,
    );
    expect(changed).toEqual({ id: alias.id, name: 'Li Chang', kind: 'spelling' });
    await expectStatus(admin.request('DELETE', `/api/v1/people/${person.id}/aliases/${alias.id}`), 204);
    expectError(
      await admin.request('DELETE', `/api/v1/people/${person.id}/aliases/${alias.id}`),
      404,
      'alias.not_found',
    );
    const actions = (await auditRows(h)).filter((e) => e.entity_id === alias.id).map((e) => e.action);
    expect(actions).toEqual(['alias.added', 'alias.updated', 'alias.removed']);
  });

  it('adds, changes and removes identifiers, checking each against its system and holders', async () => {
    const { person } = await createPerson(admin, { legalName: 'Ivan Ident' });
    const { person: other } = await createPerson(admin, {
      legalName: 'Other Holder',
      identifiers: [{ system: 'cdcr', value: 'AB1234' }],
    });
    const bad = expectError(
      await admin.request('POST', `/api/v1/people/${person.id}/identifiers`, { system: 'bop', value: 'ABC' }),
      400,
      'request.invalid',
    );
    expect(Object.keys(bad.details ?? {})).toEqual(['value']);
    const taken = expectError(
      await admin.request('POST', `/api/v1/people/${person.id}/identifiers`, { system: 'cdcr', value: 'ab 1234' }),
      409,
      'person.identifier_taken',
    );
    expect(taken.details).toEqual({ value: `Already recorded for Other Holder (${other.id})` });

    const added = await expectStatus(
      admin.request('POST', `/api/v1/people/${person.id}/identifiers`, { system: 'bop', value: '98765432' }),
      201,
    );
    expect(added).toMatchObject({ system: 'bop', value: '98765-432', issuer: null });
    expectError(
      await admin.request('POST', `/api/v1/people/${person.id}/identifiers`, { system: 'bop', value: '98765-432' }),
      409,
      'person.identifier_taken',
    );
    // Moving the value to a system whose format it does not fit is refused on the value.
    const wrongFormat = expectError(
      await admin.request('PATCH', `/api/v1/people/${person.id}/identifiers/${added.id}`, { system: 'cdcr' }),
      400,
      'request.invalid',
    );
    expect(Object.keys(wrongFormat.details ?? {})).toEqual(['value']);
    const changed = await expectStatus(
      admin.request('PATCH', `/api/v1/people/${person.id}/identifiers/${added.id}`, { system: 'other', issuer: 'ICE' }),
      200,
    );
    expect(changed).toMatchObject({ system: 'other', value: '98765-432', issuer: 'ICE' });
    await expectStatus(admin.request('DELETE', `/api/v1/people/${person.id}/identifiers/${added.id}`), 204);
    // An identifier of another person is not found through this person.
    const otherIdentifier = (other.identifiers as { id: string }[])[0]?.id;
    expectError(
      await admin.request('DELETE', `/api/v1/people/${person.id}/identifiers/${otherIdentifier}`),
      404,
      'identifier.not_found',
    );
  });
});

describe('the list of people', () => {
  let paralegal: Client;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    // A paralegal on no team sees only the people they recorded: a list of their own to test on.
    paralegal = (await signInAs(h, 'paralegal')).client;
    const people = [
      { key: 'amy', legalName: 'Amy Zephyr', dateOfBirth: '1990-01-01', status: 'in_custody' },
      { key: 'bob', legalName: 'Bob Yardley', dateOfBirth: '1950-06-30', status: 'released' },
      {
        key: 'cal',
        legalName: 'Cal Xavier',
        status: 'in_custody',
        aliases: [{ name: 'Calvin Exavier' }],
        identifiers: [{ system: 'cdcr', value: 'T44556' }],
      },
      { key: 'dee', legalName: 'Dee Whitlock', dateOfBirth: '1975-03-03', status: 'on_parole' },
      { key: 'eve', legalName: 'eve Vance', dateOfBirth: '1975-03-04', status: 'deceased' },
    ];
    for (const { key, ...body } of people) {
      h.clock.advance(1000);
      ids[key] = (await createPerson(paralegal, body)).person.id;
    }
    await expectStatus(
      paralegal.request('POST', `/api/v1/people/${ids.amy}/placements`, {
        facilityName: 'Central California Women’s Facility',
        fromDate: '2015-01-01',
      }),
      201,
    );
    await expectStatus(
      paralegal.request('POST', `/api/v1/people/${ids.cal}/placements`, {
        facilityName: 'San Quentin State Prison',
        housing: 'Condemned / East Block',
        fromDate: '2001-01-01',
      }),
      201,
    );
  });

  const names = async (query: string) => {
    const page = await expectStatus(paralegal.request('GET', `/api/v1/people${query}`), 200);
    return (page.items as { legalName: string }[]).map((p) => p.legalName);
  };

  it('shows only the people the caller may see, sorted by name by default', async () => {
    expect(await names('')).toEqual(['Amy Zephyr', 'Bob Yardley', 'Cal Xavier', 'Dee Whitlock', 'eve Vance']);
  });

  it('sorts by name, creation and birth date, either way (unknown birth dates last)', async () => {
    expect(await names('?sort=-name')).toEqual([
      'eve Vance',
      'Dee Whitlock',
      'Cal Xavier',
      'Bob Yardley',
      'Amy Zephyr',
    ]);
    expect(await names('?sort=-created')).toEqual([
      'eve Vance',
      'Dee Whitlock',
      'Cal Xavier',
      'Bob Yardley',
      'Amy Zephyr',
    ]);
    expect(await names('?sort=dob')).toEqual(['Bob Yardley', 'Dee Whitlock', 'eve Vance', 'Amy Zephyr', 'Cal Xavier']);
    expect(await names('?sort=-dob')).toEqual(['Amy Zephyr', 'eve Vance', 'Dee Whitlock', 'Bob Yardley', 'Cal Xavier']);
  });

  it('filters by status, fuzzy name or alias, identifier as typed, and current facility', async () => {
    expect(await names('?status=in_custody')).toEqual(['Amy Zephyr', 'Cal Xavier']);
    expect(await names('?status=released,deceased')).toEqual(['Bob Yardley', 'eve Vance']);
    expect(await names('?name=Dee%20Whitlok')).toEqual(['Dee Whitlock']);
    expect(await names('?name=Calvin%20Exavier')).toEqual(['Cal Xavier']);
    expect(await names('?name=xav')).toEqual(['Cal Xavier']);
    expect(await names('?identifier=t-44556')).toEqual(['Cal Xavier']);
    expect(await names('?facility=east%20block')).toEqual([]);
    expect(await names('?facility=san%20quentin')).toEqual(['Cal Xavier']);
    expect(await names('?facility=san%20quentin&status=released')).toEqual([]);
  });

  it('shows the current placement, identifiers and mail hold in each row', async () => {
    const page = await expectStatus(paralegal.request('GET', '/api/v1/people?name=Cal%20Xavier'), 200);
    expect(page.items[0]).toEqual({
      id: ids.cal,
      legalName: 'Cal Xavier',
      dateOfBirth: null,
      status: 'in_custody',
      hasMailHold: false,
      currentPlacement: {
        facilityName: 'San Quentin State Prison',
        housing: 'Condemned / East Block',
        fromDate: '2001-01-01',
      },
      identifiers: [{ system: 'cdcr', value: 'T44556' }],
      createdAt: expect.any(String),
    });
  });

  it('pages with a cursor, by any sort, and with an offset', async () => {
    for (const sort of ['name', '-created', 'dob', '-dob']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { legalName: string }[]; nextCursor: string | null } = await expectStatus(
          paralegal.request('GET', `/api/v1/people?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`),
          200,
        );
        seen.push(...page.items.map((p) => p.legalName));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(await names(`?sort=${sort}`));
    }
    expect(await names('?offset=3&limit=1')).toEqual(['Dee Whitlock']);
    const relevance = await expectStatus(paralegal.request('GET', '/api/v1/people?name=vance&limit=1'), 200);
    expect(relevance.items.map((p: { legalName: string }) => p.legalName)).toEqual(['eve Vance']);
  });

  it('refuses bad list queries with field messages', async () => {
    for (const [query, field] of [
      ['?status=escaped', 'query.status'],
      ['?sort=height', 'query.sort'],
      ['?sort=relevance', 'query.sort'],
      ['?cursor=abc', 'query.cursor'],
      ['?limit=0', 'query.limit'],
      ['?offset=-1', 'query.offset'],
      ['?cursor=abc&offset=2', 'query.offset'],
      ['?colour=red', 'query.colour'],
    ] as const) {
      const error = expectError(await paralegal.request('GET', `/api/v1/people${query}`), 400, 'request.invalid');
      expect(Object.keys(error.details ?? {}), query).toContain(field);
    }
    const page = await expectStatus(paralegal.request('GET', '/api/v1/people?sort=name&limit=1'), 200);
    const error = expectError(
      await paralegal.request('GET', `/api/v1/people?sort=dob&cursor=${page.nextCursor}`),
      400,
      'request.invalid',
    );
    expect(error.details).toEqual({ 'query.cursor': 'Not a cursor from this list' });
  });
});

describe('saved views', () => {
  it('keeps each user their own named views of a list', async () => {
    const mine = await expectStatus(
      admin.request('POST', '/api/v1/saved-views', {
        list: 'people',
        name: 'Death row',
        query: { status: 'in_custody', facility: 'San Quentin', limit: 50 },
      }),
      201,
    );
    expect(mine).toMatchObject({ list: 'people', name: 'Death row', query: { status: 'in_custody', limit: 50 } });
    expectError(
      await admin.request('POST', '/api/v1/saved-views', { list: 'people', name: 'Death row', query: {} }),
      409,
      'saved_view.name_taken',
    );
    expectError(
      await admin.request('POST', '/api/v1/saved-views', { list: 'cases', name: 'X', query: {} }),
      400,
      'request.invalid',
    );
    const { client: other } = await signInAs(h, 'attorney');
    expect(await expectStatus(other.request('GET', '/api/v1/saved-views?list=people'), 200)).toEqual({ items: [] });
    expectError(await other.request('DELETE', `/api/v1/saved-views/${mine.id}`), 404, 'saved_view.not_found');
    expect(await expectStatus(admin.request('GET', '/api/v1/saved-views?list=people'), 200)).toEqual({ items: [mine] });
    expect(await expectStatus(admin.request('GET', '/api/v1/saved-views?list=matters'), 200)).toEqual({ items: [] });
    await expectStatus(admin.request('DELETE', `/api/v1/saved-views/${mine.id}`), 204);
    expect(await expectStatus(admin.request('GET', '/api/v1/saved-views?list=people'), 200)).toEqual({ items: [] });
  });
});
