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

let h: Harness;
let attorney: Client;
let attorneyId: string;
let volunteer: Client;
let volunteerId: string;
let personId: string;
let convictionId: string;

/** A man sentenced to 15 years to life in 2004, born 1970: elderly parole (PC 3055) from 2024-03-15. */
beforeAll(async () => {
  h = await createHarness();
  const a = await signInAs(h, 'attorney');
  attorney = a.client;
  attorneyId = a.user.id;
  const v = await signInAs(h, 'volunteer');
  volunteer = v.client;
  volunteerId = v.user.id;
  const { person } = await createPerson(attorney, {
    legalName: 'Rolando Fictional Vega',
    dateOfBirth: '1970-03-15',
    identifiers: [{ system: 'cdcr', value: 'F12345' }],
  });
  personId = person.id;
  await openMatterFor(h, personId, [{ userId: attorneyId, matterRole: 'lead_attorney' }]);
  await expectStatus(
    attorney.request('POST', `/api/v1/people/${personId}/placements`, {
      facilityName: 'California State Prison, Solano',
      fromDate: '2004-03-15',
      learnedFrom: 'court',
    }),
    201,
  );
  const conviction = await expectStatus(
    attorney.request('POST', `/api/v1/people/${personId}/convictions`, {
      caseNumber: 'BA-100200',
      court: 'Los Angeles County Superior Court',
      jurisdiction: 'CA',
      offenseStart: '2004-03-01',
      convictionDate: '2005-06-10',
      disposition: 'jury',
      counts: [{ statute: 'PC 187(a)', description: 'Murder', degree: 'second' }],
    }),
    201,
  );
  convictionId = conviction.id;
  await expectStatus(
    attorney.request('POST', `/api/v1/convictions/${convictionId}/sentence-events`, {
      kind: 'imposed',
      date: '2005-08-01',
      authority: 'court',
      term: { type: 'indeterminate', minYears: 15 },
    }),
    201,
  );
});
afterAll(() => h.close());

type Result = { pathway: string; status: string; eligible_from: string | null; trace?: unknown[] };

describe('screening a person of the case file', () => {
  it('screens every California pathway as of a date, explained, naming what would settle the open questions', async () => {
    const body = await expectStatus(
      attorney.request('GET', `/api/v1/people/${personId}/screening?asOf=2026-07-01`),
      200,
    );
    expect(body).toMatchObject({ personId, asOf: '2026-07-01', jurisdiction: 'CA', unavailableReason: null });
    expect(body.ruleBookVersion).toEqual(expect.any(String));
    const elderly = (body.results as Result[]).find((r) => r.pathway === 'CA_ELDERLY_PAROLE_3055');
    // Three Strikes is not recorded: unknown, never false.
    expect(elderly).toMatchObject({ status: 'needs_record_review', eligible_from: '2024-03-15' });
    expect(elderly?.trace?.length).toBeGreaterThan(0);
    expect(body.missingFacts).toContainEqual(
      expect.objectContaining({ field: 'sentencing_schemes', where: 'screening_facts' }),
    );
    expect(body.pathways.map((p: { id: string }) => p.id)).toContain('CA_ELDERLY_PAROLE_3055');
    expect(body.pathways.every((p: { jurisdiction: string }) => p.jurisdiction === 'CA')).toBe(true);
  });

  it('round-trips the screening facts, audited, and the facts change the result', async () => {
    expect(await expectStatus(attorney.request('GET', `/api/v1/people/${personId}/screening-facts`), 200)).toEqual({});
    const facts = {
      sentencing_schemes: [],
      custody_continuous: true,
      convictions: { [convictionId]: { theory_of_liability: 'actual_killer' } },
    };
    expect(
      await expectStatus(attorney.request('PUT', `/api/v1/people/${personId}/screening-facts`, facts), 200),
    ).toEqual(facts);
    expect(await expectStatus(attorney.request('GET', `/api/v1/people/${personId}/screening-facts`), 200)).toEqual(
      facts,
    );
    const entry = (await auditRows(h)).filter((r) => r.action === 'person.screening_facts_saved').at(-1);
    expect(entry?.entity_id).toBe(personId);
    expect(entry?.details).toMatchObject({ changed: ['convictions', 'custody_continuous', 'sentencing_schemes'] });

    const body = await expectStatus(
      attorney.request('GET', `/api/v1/people/${personId}/screening?asOf=2026-07-01`),
      200,
    );
    const elderly = (body.results as Result[]).find((r) => r.pathway === 'CA_ELDERLY_PAROLE_3055');
    expect(elderly).toMatchObject({ status: 'eligible', eligible_from: '2024-03-15' });
    const early = await expectStatus(
      attorney.request('GET', `/api/v1/people/${personId}/screening?asOf=2024-03-14`),
      200,
    );
    expect((early.results as Result[]).find((r) => r.pathway === 'CA_ELDERLY_PAROLE_3055')).toMatchObject({
      status: 'eligible_from',
      eligible_from: '2024-03-15',
    });
  });

  it('opens a matter of the pathway type from a result, titled for the pathway, its first note citing the result', async () => {
    const opened = await expectStatus(
      attorney.request('POST', `/api/v1/people/${personId}/screening/matters`, {
        pathway: 'CA_ELDERLY_PAROLE_3055',
        asOf: '2026-07-01',
      }),
      201,
    );
    expect(opened).toMatchObject({ type: 'parole_hearing', title: 'Elderly parole (PC 3055): Rolando Fictional Vega' });
    const matter = await expectStatus(attorney.request('GET', `/api/v1/matters/${opened.matterId}`), 200);
    expect(matter).toMatchObject({ type: 'parole_hearing', title: opened.title });
    const notes = await expectStatus(attorney.request('GET', `/api/v1/matters/${opened.matterId}/notes`), 200);
    const body: string = notes.items[0].body;
    expect(body).toContain('Opened from relief screening as of 2026-07-01');
    expect(body).toContain('eligible from 2024-03-15');
    expect(body).toContain('PC 3055(a)');
    const actions = (await auditRows(h)).map((r) => r.action);
    expect(actions).toContain('matter.opened');
    expect(actions).toContain('note.created');
  });

  it('refuses a pathway of another jurisdiction with 422 and an unknown one with 400', async () => {
    expectError(
      await attorney.request('POST', `/api/v1/people/${personId}/screening/matters`, { pathway: 'US_PARDON' }),
      422,
      'screening.pathway_not_applicable',
    );
    const bad = expectError(
      await attorney.request('POST', `/api/v1/people/${personId}/screening/matters`, { pathway: 'CA_MAGIC_DOOR' }),
      400,
      'request.invalid',
    );
    expect(bad.details).toHaveProperty('pathway');
  });
});

describe('who may see and change screening', () => {
  it('answers 404 to a volunteer off the team, as for a person that does not exist', async () => {
    expectError(await volunteer.request('GET', `/api/v1/people/${personId}/screening`), 404, 'person.not_found');
    expectError(await volunteer.request('GET', `/api/v1/people/${personId}/screening-facts`), 404, 'person.not_found');
    expectError(
      await volunteer.request('PUT', `/api/v1/people/${personId}/screening-facts`, { prior_strikes: 0 }),
      404,
      'person.not_found',
    );
    expectError(
      await volunteer.request('POST', `/api/v1/people/${personId}/screening/matters`, {
        pathway: 'CA_ELDERLY_PAROLE_3055',
      }),
      404,
      'person.not_found',
    );
    expectError(
      await attorney.request('GET', '/api/v1/people/00000000-0000-4000-8000-000000000000/screening'),
      404,
      'person.not_found',
    );
  });

  it('lets whoever may change the convictions change the facts: a volunteer on the team may, a read-only token may not (403)', async () => {
    await openMatterFor(h, personId, [{ userId: volunteerId, matterRole: 'volunteer' }]);
    await expectStatus(volunteer.request('GET', `/api/v1/people/${personId}/screening`), 200);
    const convictionChange = await volunteer.request(
      'PATCH',
      `/api/v1/people/${personId}/convictions/${convictionId}`,
      {
        court: 'Los Angeles County Superior Court',
      },
    );
    const current = await expectStatus(volunteer.request('GET', `/api/v1/people/${personId}/screening-facts`), 200);
    const factsChange = await volunteer.request('PUT', `/api/v1/people/${personId}/screening-facts`, current);
    expect(factsChange.statusCode).toBe(convictionChange.statusCode);
    expect(factsChange.statusCode).toBe(200);

    const { token } = await createToken(attorney, ['read']);
    const reader = bearerClient(h, token);
    await expectStatus(reader.request('GET', `/api/v1/people/${personId}/screening`), 200);
    const readOnlyConviction = await reader.request('PATCH', `/api/v1/people/${personId}/convictions/${convictionId}`, {
      court: 'Another court',
    });
    const readOnlyFacts = await reader.request('PUT', `/api/v1/people/${personId}/screening-facts`, current);
    expect(readOnlyFacts.statusCode).toBe(readOnlyConviction.statusCode);
    expectError(readOnlyFacts, 403, 'access.denied');
  });
});

describe('bad input', () => {
  it('refuses a date that does not exist', async () => {
    const err = expectError(
      await attorney.request('GET', `/api/v1/people/${personId}/screening?asOf=2023-02-30`),
      400,
      'request.invalid',
    );
    expect(err.details?.['query.asOf']).toMatch(/real date/);
  });

  it('refuses facts with an unknown field, a bad value, a bad date or a conviction of someone else, with field messages', async () => {
    const err = expectError(
      await attorney.request('PUT', `/api/v1/people/${personId}/screening-facts`, {
        prior_strikes: -1,
        custody_start: '2023-02-30',
        sentencing_schemes: ['two_strikes'],
        favourite_colour: 'blue',
      }),
      400,
      'request.invalid',
    );
    expect(Object.keys(err.details ?? {})).toEqual(
      expect.arrayContaining(['prior_strikes', 'custody_start', 'sentencing_schemes.0', 'favourite_colour']),
    );
    const other = expectError(
      await attorney.request('PUT', `/api/v1/people/${personId}/screening-facts`, {
        convictions: { '00000000-0000-4000-8000-000000000000': { felony: true } },
      }),
      400,
      'request.invalid',
    );
    expect(other.details).toHaveProperty(['convictions.00000000-0000-4000-8000-000000000000']);
  });

  it('explains why a person without convictions cannot be screened', async () => {
    const { person } = await createPerson(attorney, { legalName: 'Nobody Convicted', dateOfBirth: '1980-01-01' });
    const body = await expectStatus(attorney.request('GET', `/api/v1/people/${person.id}/screening`), 200);
    expect(body).toMatchObject({ jurisdiction: null, results: [], asOf: '2026-03-02' });
    expect(body.unavailableReason).toMatch(/No conviction/);
  });
});
