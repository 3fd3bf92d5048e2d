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

const TODAY = '2026-03-02';
const HOLD_REASON = 'Transferred: confirm the new address';

const newPerson = async (body: Record<string, unknown> = {}) =>
  (await createPerson(admin, { legalName: 'Custody Client', dateOfBirth: '1960-05-05', ...body })).person.id;

const place = (personId: string, body: Record<string, unknown>) =>
  admin.request('POST', `/api/v1/people/${personId}/placements`, body);

const personOf = (personId: string) => expectStatus(admin.request('GET', `/api/v1/people/${personId}`), 200);

describe('custody placements and the mail hold', () => {
  it('closes the open placement when a transfer is recorded and holds mail until the address is confirmed', async () => {
    const id = await newPerson();
    const first = await expectStatus(
      place(id, {
        facilityName: 'San Quentin State Prison',
        housing: 'Condemned / East Block',
        fromDate: '1985-06-01',
        learnedFrom: 'court',
      }),
      201,
    );
    expect(first).toMatchObject({
      placement: { fromDate: '1985-06-01', toDate: null, isCurrent: true, learnedFrom: 'court' },
      closedPlacement: null,
      mailHold: null,
    });

    const before = (await auditRows(h)).length;
    const moved = await expectStatus(
      place(id, { facilityName: 'California Health Care Facility', fromDate: '2024-02-12', learnedFrom: 'locator' }),
      201,
    );
    expect(moved.closedPlacement).toMatchObject({ id: first.placement.id, toDate: '2024-02-12', isCurrent: false });
    expect(moved.placement).toMatchObject({ facilityName: 'California Health Care Facility', isCurrent: true });
    expect(moved.mailHold).toEqual({ since: TODAY, reason: HOLD_REASON });
    const entries = (await auditRows(h)).slice(before);
    expect(entries.map((e) => e.action)).toEqual(['placement.added']);
    expect(entries[0]?.details).toMatchObject({
      personId: id,
      closedPlacementIds: [first.placement.id],
      mailHoldPlaced: true,
    });

    const person = await personOf(id);
    expect(person.mailHold).toEqual({ since: TODAY, reason: HOLD_REASON });
    expect(
      person.placements.map((p: { facilityName: string; toDate: string | null }) => [p.facilityName, p.toDate]),
    ).toEqual([
      ['California Health Care Facility', null],
      ['San Quentin State Prison', '2024-02-12'],
    ]);
    const listed = await expectStatus(admin.request('GET', '/api/v1/people?facility=health%20care'), 200);
    expect(listed.items.find((p: { id: string }) => p.id === id)?.hasMailHold).toBe(true);

    const released = await expectStatus(
      admin.request('POST', `/api/v1/people/${id}/mail-hold/release`, { confirmedOn: '2026-03-01' }),
      200,
    );
    expect(released).toEqual({
      mailHold: null,
      currentPlacement: expect.objectContaining({ id: moved.placement.id, addressConfirmedAt: '2026-03-01' }),
    });
    expect((await personOf(id)).mailHold).toBeNull();
    expect((await auditRows(h)).at(-1)).toMatchObject({ action: 'person.mail_hold_released', entity_id: id });
    expectError(await admin.request('POST', `/api/v1/people/${id}/mail-hold/release`, {}), 422, 'person.no_mail_hold');
  });

  it('releases the hold when the current placement’s address is confirmed', async () => {
    const id = await newPerson();
    await expectStatus(place(id, { facilityName: 'Folsom State Prison', fromDate: '2010-01-01' }), 201);
    const moved = await expectStatus(
      place(id, { facilityName: 'Mule Creek State Prison', fromDate: '2020-01-01' }),
      201,
    );
    expect(moved.mailHold).not.toBeNull();
    const confirmed = await expectStatus(
      admin.request('PATCH', `/api/v1/people/${id}/placements/${moved.placement.id}`, { addressConfirmedAt: TODAY }),
      200,
    );
    expect(confirmed).toMatchObject({ addressConfirmedAt: TODAY, isCurrent: true });
    expect((await personOf(id)).mailHold).toBeNull();
    expect((await auditRows(h)).at(-1)?.details).toMatchObject({ mailHoldReleased: true });
  });

  it('moves within one facility without a mail hold, and recognises a facility by its directory entry', async () => {
    const facilityId = crypto.randomUUID();
    await h.database.db
      .insertInto('facilities')
      .values({
        id: facilityId,
        code: 'SQ',
        name: 'San Quentin Rehabilitation Center',
        jurisdiction: 'CA',
        street_address: null,
        mailing_address: null,
        city: 'San Quentin',
        state: 'CA',
        zip: '94974',
        visiting_info: null,
        source: null,
      })
      .execute();
    const id = await newPerson();
    const first = await expectStatus(place(id, { facilityId, housing: 'East Block', fromDate: '2000-01-01' }), 201);
    expect(first.placement).toMatchObject({ facilityId, facilityName: 'San Quentin Rehabilitation Center' });
    const housing = await expectStatus(
      place(id, {
        facilityId,
        facilityName: 'San Quentin (as the locator writes it)',
        housing: 'North Block',
        fromDate: '2019-05-01',
      }),
      201,
    );
    expect(housing.closedPlacement).toMatchObject({ toDate: '2019-05-01' });
    expect(housing.mailHold).toBeNull();
    // The same name however written, without a directory entry, is the same facility too.
    const other = await newPerson();
    await expectStatus(place(other, { facilityName: 'Folsom State Prison', fromDate: '2000-01-01' }), 201);
    const same = await expectStatus(
      place(other, { facilityName: 'folsom state  prison', housing: 'B', fromDate: '2001-01-01' }),
      201,
    );
    expect(same.mailHold).toBeNull();
    // A transfer whose new address is confirmed when recorded puts no hold.
    const confirmed = await expectStatus(
      place(other, {
        facilityName: 'Pelican Bay State Prison',
        fromDate: '2002-01-01',
        addressConfirmedAt: '2002-01-03',
      }),
      201,
    );
    expect(confirmed.mailHold).toBeNull();
  });

  it('ends a past placement entered without an end where the next one begins, touching nothing else', async () => {
    const id = await newPerson();
    const current = await expectStatus(place(id, { facilityName: 'USP Atwater', fromDate: '2010-01-01' }), 201);
    const past = await expectStatus(place(id, { facilityName: 'FCI Dublin', fromDate: '2001-01-01' }), 201);
    expect(past).toMatchObject({
      placement: { toDate: '2010-01-01', isCurrent: false },
      closedPlacement: null,
      mailHold: null,
    });
    const person = await personOf(id);
    expect(person.placements.find((p: { id: string }) => p.id === current.placement.id)).toMatchObject({
      toDate: null,
      isCurrent: true,
    });
  });

  it.each([
    [{ facilityName: 'CSP Sacramento', fromDate: '1959-12-31' }, { fromDate: 'Before the date of birth (1960-05-05)' }],
    [{ facilityName: 'CSP Sacramento', fromDate: '2023-02-30' }, { fromDate: 'Not a real calendar date (YYYY-MM-DD)' }],
    [
      { facilityName: 'CSP Sacramento', fromDate: '2020-01-02', toDate: '2020-01-01' },
      { toDate: 'Before the start date' },
    ],
    [{ fromDate: '2020-01-01' }, { facilityName: 'Name the facility' }],
    [
      { facilityName: 'CSP Sacramento', fromDate: '2020-01-01', learnedFrom: 'rumour' },
      { learnedFrom: expect.any(String) },
    ],
    [
      { facilityId: '00000000-0000-4000-8000-000000000000', fromDate: '2020-01-01' },
      { facilityId: 'No such facility' },
    ],
  ])('refuses %j with field messages', async (body, details) => {
    const id = await newPerson();
    const error = expectError(await place(id, body), 400, 'request.invalid');
    expect(error.details).toEqual(details);
    expect((await personOf(id)).placements).toEqual([]);
  });

  it('refuses a change that puts a placement before birth or its end before its start', async () => {
    const id = await newPerson();
    const { placement } = await expectStatus(
      place(id, { facilityName: 'CMF Vacaville', fromDate: '1990-01-01', toDate: '1995-01-01' }),
      201,
    );
    const url = `/api/v1/people/${id}/placements/${placement.id}`;
    expect(
      expectError(await admin.request('PATCH', url, { fromDate: '1950-01-01' }), 400, 'request.invalid').details,
    ).toEqual({
      fromDate: 'Before the date of birth (1960-05-05)',
    });
    expect(
      expectError(await admin.request('PATCH', url, { fromDate: '1996-01-01' }), 400, 'request.invalid').details,
    ).toEqual({
      fromDate: 'After the end date (1995-01-01)',
    });
    expect(
      expectError(await admin.request('PATCH', url, { toDate: '1989-01-01' }), 400, 'request.invalid').details,
    ).toEqual({
      toDate: 'Before the start date (1990-01-01)',
    });
    const changed = await expectStatus(admin.request('PATCH', url, { housing: 'Hospice', toDate: null }), 200);
    expect(changed).toMatchObject({ housing: 'Hospice', toDate: null, isCurrent: true });
    await expectStatus(admin.request('DELETE', url), 204);
    expectError(await admin.request('DELETE', url), 404, 'placement.not_found');
    expect((await auditRows(h)).filter((e) => e.entity_id === placement.id).map((e) => e.action)).toEqual([
      'placement.added',
      'placement.updated',
      'placement.removed',
    ]);
  });
});
