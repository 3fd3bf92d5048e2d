import { appendAudit } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, type Client, createHarness, expectError, type Harness, signInAs } from './support/harness.js';
import { createPerson, expectStatus, openMatterFor } from './support/people-fixtures.js';

let h: Harness;
let attorney: Client;
let attorneyId: string;
beforeAll(async () => {
  h = await createHarness();
  const signedIn = await signInAs(h, 'attorney');
  attorney = signedIn.client;
  attorneyId = signedIn.user.id;
});
afterAll(() => h.close());

const TODAY = '2026-03-02';

const addEvent = (convictionId: string, body: Record<string, unknown>) =>
  attorney.request('POST', `/api/v1/convictions/${convictionId}/sentence-events`, body);

type Mark = { kind: string; date: string; label: string; byline: string | null };

describe('the stories the case file must tell', () => {
  it('a death-row client: death by gas chamber in 1985, method switched back and forth, stayed, reinstated, stayed again', async () => {
    const { person } = await createPerson(attorney, {
      legalName: 'Ernest Lee Calloway',
      dateOfBirth: '1958-03-14',
      identifiers: [{ system: 'cdcr', value: 'c-56789' }],
      preferredLanguage: 'English',
    });
    await openMatterFor(h, person.id, [{ userId: attorneyId, matterRole: 'lead_attorney' }]);
    await expectStatus(
      attorney.request('POST', `/api/v1/people/${person.id}/placements`, {
        facilityName: 'Los Angeles County Men’s Central Jail',
        fromDate: '1983-08-24',
        toDate: '1985-06-03',
        learnedFrom: 'court',
      }),
      201,
    );
    await expectStatus(
      attorney.request('POST', `/api/v1/people/${person.id}/placements`, {
        facilityName: 'San Quentin State Prison',
        housing: 'Condemned / East Block',
        fromDate: '1985-06-03',
        learnedFrom: 'court',
      }),
      201,
    );
    const conviction = await expectStatus(
      attorney.request('POST', `/api/v1/people/${person.id}/convictions`, {
        caseNumber: 'A-772311',
        court: 'Los Angeles County Superior Court',
        county: 'Los Angeles',
        jurisdiction: 'CA',
        offenseStart: '1983-08-20',
        convictionDate: '1985-02-19',
        disposition: 'jury',
        counts: [
          { statute: 'PC 187(a)', description: 'Murder', degree: 'first' },
          { statute: 'PC 211', description: 'Robbery', degree: 'second' },
        ],
        specialCircumstances: ['PC 190.2(a)(17) murder in the commission of robbery'],
        parties: [
          { role: 'victim', name: 'Harold Fictional', notify: true },
          { role: 'co_defendant', name: 'Leon Fictional' },
        ],
        prosecutor: 'Deputy District Attorney (fictional)',
        judge: 'Hon. A. Fictional',
      }),
      201,
    );
    expect(conviction.counts.map((c: { position: number; statute: string }) => [c.position, c.statute])).toEqual([
      [1, 'PC 187(a)'],
      [2, 'PC 211'],
    ]);
    const story = [
      {
        kind: 'imposed',
        date: '1985-05-15',
        authority: 'court',
        term: { type: 'death' },
        executionMethod: 'gas_chamber',
      },
      {
        kind: 'execution_method_set',
        date: '1992-01-01',
        authority: 'other',
        authorityName: 'California Legislature',
        executionMethod: 'lethal_injection',
      },
      { kind: 'stayed', date: '2004-02-09', authority: 'court', authorityName: 'U.S. District Court, N.D. Cal.' },
      { kind: 'reinstated', date: '2004-06-01', authority: 'court', authorityName: 'Ninth Circuit Court of Appeals' },
      { kind: 'execution_method_set', date: '2006-02-21', authority: 'court', executionMethod: 'gas_chamber' },
      {
        kind: 'execution_method_set',
        date: '2010-09-01',
        authority: 'corrections',
        executionMethod: 'lethal_injection',
      },
      {
        kind: 'stayed',
        date: '2019-03-13',
        authority: 'governor',
        authorityName: 'Governor Gavin Newsom',
        note: 'Executive Order N-09-19: moratorium',
      },
    ];
    let last: { currentSentence: unknown } | null = null;
    for (const event of story) last = await expectStatus(addEvent(conviction.id, event), 201);
    const expected = {
      term: { type: 'death' },
      status: 'stayed',
      executionMethod: 'lethal_injection',
      since: '2019-03-13',
      commutedFrom: null,
      label: 'Death by lethal injection, stayed since 2019-03-13',
    };
    expect(last?.currentSentence).toEqual(expected);

    const read = await expectStatus(attorney.request('GET', `/api/v1/people/${person.id}`), 200);
    expect(read.identifiers).toEqual([expect.objectContaining({ system: 'cdcr', value: 'C56789' })]);
    expect(read.placements[0]).toMatchObject({
      facilityName: 'San Quentin State Prison',
      housing: 'Condemned / East Block',
      isCurrent: true,
    });
    expect(read.mailHold).toBeNull();
    const [c] = read.convictions;
    expect(c.currentSentence).toEqual(expected);
    expect(c.sentenceIssues).toEqual([]);
    expect(c.sentenceEvents.map((e: { label: string }) => e.label)).toEqual([
      'Sentence imposed: Death by gas chamber',
      'Execution method: Lethal injection',
      'Stayed',
      'Reinstated',
      'Execution method: Gas chamber',
      'Execution method: Lethal injection',
      'Stayed',
    ]);
    expect(c.parties.map((p: { role: string }) => p.role).sort()).toEqual(['co_defendant', 'victim']);

    const timeline = await expectStatus(attorney.request('GET', `/api/v1/people/${person.id}/timeline`), 200);
    expect(timeline.today).toBe(TODAY);
    expect(timeline.range).toEqual({ from: '1983-08-24', to: TODAY });
    expect(timeline.bands).toEqual([
      expect.objectContaining({
        label: 'Los Angeles County Men’s Central Jail',
        from: '1983-08-24',
        to: '1985-06-03',
        isOpen: false,
      }),
      expect.objectContaining({
        label: 'San Quentin State Prison, Condemned / East Block',
        from: '1985-06-03',
        to: TODAY,
        isOpen: true,
      }),
    ]);
    expect(timeline.tracks).toHaveLength(1);
    const [track] = timeline.tracks;
    expect(track.label).toBe('A-772311, Los Angeles County Superior Court');
    expect(track.marks.map((m: Mark) => [m.date, m.kind, m.label, m.byline])).toEqual([
      ['1985-02-19', 'convicted', 'Convicted', 'Los Angeles County Superior Court'],
      ['1985-05-15', 'imposed', 'Sentence imposed: Death by gas chamber', 'Court'],
      ['1992-01-01', 'execution_method_set', 'Execution method: Lethal injection', 'California Legislature'],
      ['2004-02-09', 'stayed', 'Stayed', 'U.S. District Court, N.D. Cal.'],
      ['2004-06-01', 'reinstated', 'Reinstated', 'Ninth Circuit Court of Appeals'],
      ['2006-02-21', 'execution_method_set', 'Execution method: Gas chamber', 'Court'],
      ['2010-09-01', 'execution_method_set', 'Execution method: Lethal injection', 'Corrections'],
      ['2019-03-13', 'stayed', 'Stayed', 'Governor Gavin Newsom'],
    ]);
    expect(track.marks.at(-1).note).toBe('Executive Order N-09-19: moratorium');
    expect(track.currentSentence).toEqual(expected);
    expect(JSON.stringify(timeline).includes('Harold Fictional')).toBe(false);
  });

  it('a federal client serving life, commuted by the President and released', async () => {
    const { person } = await createPerson(attorney, {
      legalName: 'Darnell Whitfield',
      dateOfBirth: '1968-09-02',
      identifiers: [{ system: 'bop', value: '04521017' }],
    });
    const id = person.id;
    await expectStatus(
      attorney.request('POST', `/api/v1/people/${id}/placements`, {
        facilityName: 'USP Leavenworth',
        fromDate: '1997-02-01',
      }),
      201,
    );
    const transfer = await expectStatus(
      attorney.request('POST', `/api/v1/people/${id}/placements`, {
        facilityName: 'FCI Terre Haute',
        fromDate: '2008-05-01',
        learnedFrom: 'locator',
      }),
      201,
    );
    expect(transfer.mailHold).toEqual({ since: TODAY, reason: 'Transferred: confirm the new address' });
    await expectStatus(
      attorney.request('POST', `/api/v1/people/${id}/mail-hold/release`, { confirmedOn: '2008-05-20' }),
      200,
    );

    const conviction = await expectStatus(
      attorney.request('POST', `/api/v1/people/${id}/convictions`, {
        caseNumber: '4:96-cr-00123',
        court: 'U.S. District Court for the Western District of Missouri',
        jurisdiction: 'US',
        offenseStart: '1994-01-01',
        offenseEnd: '1995-12-31',
        convictionDate: '1996-06-10',
        disposition: 'jury',
        counts: [{ statute: '21 U.S.C. 846' }, { statute: '21 U.S.C. 841(b)(1)(A)' }],
      }),
      201,
    );
    await expectStatus(
      addEvent(conviction.id, { kind: 'imposed', date: '1996-10-01', authority: 'court', term: { type: 'life' } }),
      201,
    );
    await expectStatus(
      addEvent(conviction.id, {
        kind: 'commuted',
        date: '2016-08-03',
        authority: 'president',
        authorityName: 'President Barack Obama',
        term: { type: 'determinate', months: 240 },
      }),
      201,
    );
    const released = await expectStatus(
      addEvent(conviction.id, {
        kind: 'released',
        date: '2016-12-01',
        authority: 'corrections',
        authorityName: 'Federal Bureau of Prisons',
      }),
      201,
    );
    const expected = {
      term: { type: 'determinate', months: 240 },
      status: 'released',
      executionMethod: null,
      since: '2016-12-01',
      commutedFrom: { type: 'life' },
      label: '20 years (commuted from Life), released on 2016-12-01',
    };
    expect(released.currentSentence).toEqual(expected);
    // The walk out: the last placement ends, the person is released.
    await expectStatus(
      attorney.request('PATCH', `/api/v1/people/${id}/placements/${transfer.placement.id}`, { toDate: '2016-12-01' }),
      200,
    );
    await expectStatus(attorney.request('PATCH', `/api/v1/people/${id}`, { status: 'released' }), 200);

    const read = await expectStatus(attorney.request('GET', `/api/v1/people/${id}`), 200);
    expect(read).toMatchObject({ status: 'released', mailHold: null });
    expect(read.identifiers).toEqual([expect.objectContaining({ system: 'bop', value: '04521-017' })]);
    expect(read.placements.every((p: { isCurrent: boolean }) => !p.isCurrent)).toBe(true);
    expect(read.convictions[0].currentSentence).toEqual(expected);

    const timeline = await expectStatus(attorney.request('GET', `/api/v1/people/${id}/timeline`), 200);
    expect(
      timeline.bands.map((b: { label: string; from: string; to: string; isOpen: boolean }) => [
        b.label,
        b.from,
        b.to,
        b.isOpen,
      ]),
    ).toEqual([
      ['USP Leavenworth', '1997-02-01', '2008-05-01', false],
      ['FCI Terre Haute', '2008-05-01', '2016-12-01', false],
    ]);
    expect(timeline.tracks[0].marks.map((m: Mark) => [m.date, m.label, m.byline])).toEqual([
      ['1996-06-10', 'Convicted', 'U.S. District Court for the Western District of Missouri'],
      ['1996-10-01', 'Sentence imposed: Life', 'Court'],
      ['2016-08-03', 'Commuted to 20 years', 'President Barack Obama'],
      ['2016-12-01', 'Released', 'Federal Bureau of Prisons'],
    ]);
    expect(timeline.tracks[0].currentSentence).toEqual(expected);
    expect(timeline.range).toEqual({ from: '1996-06-10', to: TODAY });

    const list = await expectStatus(
      attorney.request('GET', '/api/v1/people?identifier=04521-017&status=released'),
      200,
    );
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([id]);
  });
});

describe('sentence events that would break the history', () => {
  let personId: string;
  beforeAll(async () => {
    personId = (await createPerson(attorney, { legalName: 'Rules Test', dateOfBirth: '1970-01-01' })).person.id;
  });
  const newConviction = async (body: Record<string, unknown> = { convictionDate: '2000-03-01' }) =>
    (await expectStatus(attorney.request('POST', `/api/v1/people/${personId}/convictions`, body), 201)).id as string;
  const eventKeys = (details: Record<string, string> | undefined) =>
    Object.keys(details ?? {}).filter((k) => k.startsWith('events.'));

  it('refuses a first event that is not the imposition, naming the event and its field', async () => {
    const convictionId = await newConviction();
    const before = (await auditRows(h)).length;
    const error = expectError(
      await addEvent(convictionId, { kind: 'stayed', date: '2001-01-01' }),
      422,
      'sentence_event.invalid_history',
    );
    expect(error.details?.kind).toBe('The first event of a sentence must be its imposition');
    expect(eventKeys(error.details)).toEqual([expect.stringMatching(/^events\.[0-9a-f-]{36}\.kind$/)]);
    expect((await auditRows(h)).length).toBe(before);
    const rows = await h.database.db
      .selectFrom('sentence_events')
      .select('id')
      .where('conviction_id', '=', convictionId)
      .execute();
    expect(rows).toEqual([]);
  });

  it.each([
    [
      { kind: 'imposed', date: '2000-02-28', term: { type: 'lwop' } },
      'date',
      'Before the conviction date (2000-03-01)',
    ],
    [{ kind: 'imposed', date: '2000-04-01' }, 'term', 'Give the sentence this event imposes'],
    [
      { kind: 'imposed', date: '2000-04-01', term: { type: 'lwop' }, executionMethod: 'gas_chamber' },
      'executionMethod',
      'An execution method belongs only to a death sentence',
    ],
  ])('refuses %j (422 on %s)', async (body, field, message) => {
    const convictionId = await newConviction();
    const error = expectError(await addEvent(convictionId, body), 422, 'sentence_event.invalid_history');
    expect(error.details?.[field]).toBe(message);
  });

  it('refuses an event before the person was born when the conviction has no date', async () => {
    const convictionId = await newConviction({});
    const error = expectError(
      await addEvent(convictionId, { kind: 'imposed', date: '1969-12-31', term: { type: 'life' } }),
      422,
      'sentence_event.invalid_history',
    );
    expect(error.details?.date).toBe('Before the date of birth (1970-01-01)');
  });

  it.each([
    [{ kind: 'imposed', date: '2023-02-30', term: { type: 'life' } }, 'date'],
    [{ kind: 'beheaded', date: '2001-01-01' }, 'kind'],
    [{ kind: 'execution_method_set', date: '2001-01-01', executionMethod: 'guillotine' }, 'executionMethod'],
    [{ kind: 'imposed', date: '2001-01-01', term: { type: 'forever' } }, 'term.type'],
    [{ kind: 'imposed', date: '2001-01-01', term: { type: 'determinate', months: 0 } }, 'term.months'],
    [{ kind: 'imposed', date: '2001-01-01', term: { type: 'life', months: 5 } }, 'term.months'],
    [{ kind: 'stayed', date: '2001-01-01', authority: 'king' }, 'authority'],
  ])('refuses malformed input %j (400 on %s)', async (body, field) => {
    const convictionId = await newConviction();
    const error = expectError(await addEvent(convictionId, body), 400, 'request.invalid');
    expect(Object.keys(error.details ?? {})).toContain(field);
  });

  it('refuses changes and removals that break the events after them, and accepts those that do not', async () => {
    const convictionId = await newConviction();
    const imposed = (
      await expectStatus(addEvent(convictionId, { kind: 'imposed', date: '2000-04-01', term: { type: 'death' } }), 201)
    ).event;
    const stayed = (await expectStatus(addEvent(convictionId, { kind: 'stayed', date: '2005-01-01' }), 201)).event;
    const url = (eventId: string) => `/api/v1/convictions/${convictionId}/sentence-events/${eventId}`;

    // Moving the stay before the imposition leaves the history without a first imposition.
    const moved = expectError(
      await attorney.request('PATCH', url(stayed.id), { date: '2000-03-15' }),
      422,
      'sentence_event.invalid_history',
    );
    expect(moved.details).toMatchObject({ kind: 'The first event of a sentence must be its imposition' });
    expect(moved.details?.[`events.${stayed.id}.kind`]).toBeDefined();

    // Removing the imposition orphans the stay: refused, naming the stay.
    const removal = expectError(
      await attorney.request('DELETE', url(imposed.id)),
      422,
      'sentence_event.invalid_history',
    );
    expect(removal.details).toEqual({
      [`events.${stayed.id}.kind`]: 'The first event of a sentence must be its imposition',
    });

    // A conviction date after the events is refused too.
    const dated = expectError(
      await attorney.request('PATCH', `/api/v1/people/${personId}/convictions/${convictionId}`, {
        convictionDate: '2001-01-01',
      }),
      422,
      'sentence_event.invalid_history',
    );
    expect(dated.details).toMatchObject({
      convictionDate: 'The sentence history would not fit this date',
      [`events.${imposed.id}.date`]: 'Before the conviction date (2001-01-01)',
    });

    const changed = await expectStatus(
      attorney.request('PATCH', url(stayed.id), { date: '2006-06-06', authority: 'governor', note: 'Reprieve' }),
      200,
    );
    expect(changed.event).toMatchObject({
      date: '2006-06-06',
      authority: 'governor',
      note: 'Reprieve',
      label: 'Stayed',
    });
    expect(changed.currentSentence).toMatchObject({ status: 'stayed', since: '2006-06-06' });

    const removed = await expectStatus(attorney.request('DELETE', url(stayed.id)), 200);
    expect(removed).toMatchObject({ event: null, currentSentence: { status: 'active', since: '2000-04-01' } });
    expect(removed.sentenceEvents.map((e: { id: string }) => e.id)).toEqual([imposed.id]);
    expectError(await attorney.request('DELETE', url(stayed.id)), 404, 'sentence_event.not_found');

    const actions = (await auditRows(h))
      .filter((e) => e.entity_type === 'sentence_event')
      .map((e) => [e.action, e.entity_id]);
    expect(actions.slice(-4)).toEqual([
      ['sentence_event.added', imposed.id],
      ['sentence_event.added', stayed.id],
      ['sentence_event.updated', stayed.id],
      ['sentence_event.removed', stayed.id],
    ]);
  });

  it('refuses impossible conviction dates with field messages', async () => {
    for (const [body, details] of [
      [{ convictionDate: '2023-02-30' }, { convictionDate: 'Not a real calendar date (YYYY-MM-DD)' }],
      [{ offenseStart: '2000-05-05', offenseEnd: '2000-05-04' }, { offenseEnd: 'Before the first day of the offense' }],
      [{ offenseEnd: '2000-05-04' }, { offenseStart: 'Give the first day of the range' }],
      [{ offenseStart: '2000-05-05', convictionDate: '2000-05-01' }, { convictionDate: 'Before the offense' }],
      [{ convictionDate: '1969-05-01' }, { convictionDate: 'Before the date of birth (1970-01-01)' }],
      [{ jurisdiction: 'Mars' }, { jurisdiction: expect.any(String) }],
      [{ counts: [{ statute: '' }] }, { 'counts.0.statute': 'Required' }],
      [{ parties: [{ role: 'witness', name: 'W' }] }, { 'parties.0.role': expect.any(String) }],
    ] as const) {
      const error = expectError(
        await attorney.request('POST', `/api/v1/people/${personId}/convictions`, body),
        400,
        'request.invalid',
      );
      expect(error.details, JSON.stringify(body)).toEqual(details);
    }
  });

  it('changes and deletes a conviction, replacing the counts as a list', async () => {
    const convictionId = await newConviction({ convictionDate: '2000-03-01', counts: [{ statute: 'PC 459' }] });
    const url = `/api/v1/people/${personId}/convictions/${convictionId}`;
    const changed = await expectStatus(
      attorney.request('PATCH', url, {
        caseNumber: 'SC-1',
        counts: [{ statute: 'PC 211', isAttempt: true }, { statute: 'PC 245(a)(1)' }],
      }),
      200,
    );
    expect(changed.caseNumber).toBe('SC-1');
    expect(changed.counts.map((c: { statute: string; isAttempt: boolean }) => [c.statute, c.isAttempt])).toEqual([
      ['PC 211', true],
      ['PC 245(a)(1)', false],
    ]);
    expectError(
      await attorney.request('PATCH', `/api/v1/people/${crypto.randomUUID()}/convictions/${convictionId}`, {
        court: 'X',
      }),
      404,
      'conviction.not_found',
    );
    await expectStatus(attorney.request('DELETE', url), 204);
    expectError(await attorney.request('DELETE', url), 404, 'conviction.not_found');
  });
});

describe('the activity of a person', () => {
  it('lists changes to the person and to the matters the reader may see, newest first, in pages', async () => {
    const { user: volunteerUser, client: volunteer } = await signInAs(h, 'volunteer');
    const { person } = await createPerson(attorney, { legalName: 'Activity Person', dateOfBirth: '1965-05-05' });
    const ownMatter = await openMatterFor(h, person.id, [
      { userId: attorneyId, matterRole: 'lead_attorney' },
      { userId: volunteerUser.id, matterRole: 'volunteer' },
    ]);
    const otherMatter = await openMatterFor(h, person.id, [{ userId: attorneyId, matterRole: 'lead_attorney' }]);
    await expectStatus(attorney.request('PATCH', `/api/v1/people/${person.id}`, { gender: 'male' }), 200);
    await expectStatus(
      attorney.request('POST', `/api/v1/people/${person.id}/placements`, {
        facilityName: 'CSP Solano',
        fromDate: '1999-01-01',
      }),
      201,
    );
    const conviction = await expectStatus(attorney.request('POST', `/api/v1/people/${person.id}/convictions`, {}), 201);
    await expectStatus(addEvent(conviction.id, { kind: 'imposed', date: '2000-01-01', term: { type: 'lwop' } }), 201);
    const record = (event: Parameters<typeof appendAudit>[2]) =>
      h.database.db
        .transaction()
        .execute((tx) =>
          appendAudit(
            tx,
            { actorId: attorneyId, actorLabel: 'Test attorney', ip: null, userAgent: null, requestId: null },
            event,
            h.clock.now(),
          ),
        );
    await record({
      action: 'matter.stage_changed',
      entityType: 'matter',
      entityId: ownMatter,
      details: { to: 'Investigation' },
    });
    await record({
      action: 'matter.stage_changed',
      entityType: 'matter',
      entityId: otherMatter,
      details: { to: 'Closed' },
    });
    await record({
      action: 'note.created',
      entityType: 'matter',
      entityId: ownMatter,
      details: { matterId: ownMatter, isPrivileged: true },
    });

    const feed = async (c: Client, query = '?limit=50') =>
      (await expectStatus(c.request('GET', `/api/v1/people/${person.id}/activity${query}`), 200)) as {
        items: { seq: number; action: string; entityId: string }[];
        nextCursor: string | null;
      };
    const forAttorney = await feed(attorney);
    expect(forAttorney.items.map((e) => e.action)).toEqual([
      'note.created',
      'matter.stage_changed',
      'matter.stage_changed',
      'sentence_event.added',
      'conviction.created',
      'placement.added',
      'person.updated',
      'person.created',
    ]);
    expect(forAttorney.nextCursor).toBeNull();

    // The volunteer sees their matter but not the other one, nor the privileged note.
    const forVolunteer = await feed(volunteer);
    expect(forVolunteer.items.map((e) => e.action)).toEqual([
      'matter.stage_changed',
      'sentence_event.added',
      'conviction.created',
      'placement.added',
      'person.updated',
      'person.created',
    ]);
    expect(forVolunteer.items[0]?.entityId).toBe(ownMatter);

    const first = await feed(attorney, '?limit=3');
    expect(first.items).toHaveLength(3);
    const second = await feed(attorney, `?limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((e) => e.action)).toEqual([
      'sentence_event.added',
      'conviction.created',
      'placement.added',
    ]);
    expectError(await attorney.request('GET', `/api/v1/people/${person.id}/activity?cursor=x`), 400, 'request.invalid');
  });
});
