import { describe, expect, it } from 'vitest';
import {
  type CaseFileConviction,
  type CaseFileForScreening,
  currentCustodyStretch,
  describeMissingFacts,
  type PathwayResult,
  screenCaseFile,
  screeningFactsFromSubject,
  subjectFromCaseFile,
  whereToFill,
} from '../src/index.js';

/** The demo story's death-row client: death by gas, method changed three times, stayed, reinstated, stayed. */
const whitfieldConviction: CaseFileConviction = {
  id: '11111111-1111-4111-8111-111111111111',
  jurisdiction: 'CA',
  offenseStart: '1983-06-04',
  offenseEnd: null,
  convictionDate: '1985-03-28',
  disposition: 'jury',
  enhancements: [],
  specialCircumstances: ['PC 190.2(a)(3) multiple murder'],
  counts: [
    { statute: 'PC 187(a)', degree: 'first', isAttempt: false },
    { statute: 'PC 187(a)', degree: 'first', isAttempt: false },
    { statute: 'PC 664/187(a)', degree: 'first', isAttempt: true },
  ],
  sentenceEvents: [
    {
      id: 'e1',
      kind: 'imposed',
      date: '1985-05-10',
      authority: 'court',
      term: { type: 'death' },
      executionMethod: 'gas_chamber',
    },
    {
      id: 'e2',
      kind: 'execution_method_set',
      date: '1992-11-20',
      authority: 'corrections',
      executionMethod: 'lethal_injection',
    },
    {
      id: 'e3',
      kind: 'execution_method_set',
      date: '1993-04-07',
      authority: 'corrections',
      executionMethod: 'gas_chamber',
    },
    {
      id: 'e4',
      kind: 'execution_method_set',
      date: '1996-03-01',
      authority: 'court',
      executionMethod: 'lethal_injection',
    },
    { id: 'e5', kind: 'stayed', date: '2004-02-09', authority: 'court' },
    { id: 'e6', kind: 'reinstated', date: '2004-11-22', authority: 'court' },
    { id: 'e7', kind: 'stayed', date: '2019-03-13', authority: 'governor' },
  ],
};

const whitfield: CaseFileForScreening = {
  person: { id: 'p-whitfield', legalName: 'Clarence Odell Whitfield', dateOfBirth: '1958-09-02', status: 'in_custody' },
  convictions: [whitfieldConviction],
  placements: [
    { fromDate: '1985-05-20', toDate: '2020-06-29' },
    { fromDate: '2020-06-29', toDate: '2021-02-11' },
    { fromDate: '2021-02-11', toDate: null },
  ],
  facts: null,
};

/** Life for a drug offence, commuted by the President to time served and released the same day. */
const holloway: CaseFileForScreening = {
  person: { id: 'p-holloway', legalName: 'Beatrice Lorraine Holloway', dateOfBirth: '1955-06-30', status: 'released' },
  convictions: [
    {
      id: '22222222-2222-4222-8222-222222222222',
      jurisdiction: 'US',
      offenseStart: '1991-03-01',
      offenseEnd: '1994-11-30',
      convictionDate: '1996-05-14',
      disposition: 'jury',
      enhancements: [],
      specialCircumstances: [],
      counts: [{ statute: '21 U.S.C. 846', degree: null, isAttempt: false }],
      sentenceEvents: [
        { id: 'h1', kind: 'imposed', date: '1996-09-20', authority: 'court', term: { type: 'lwop' } },
        {
          id: 'h2',
          kind: 'commuted',
          date: '2018-06-06',
          authority: 'president',
          term: { type: 'determinate', months: 261 },
        },
        { id: 'h3', kind: 'released', date: '2018-06-06', authority: 'corrections' },
      ],
    },
  ],
  placements: [
    { fromDate: '1996-10-15', toDate: '2013-07-22' },
    { fromDate: '2013-07-22', toDate: '2018-06-06' },
  ],
  facts: null,
};

describe('a person of the case file as a screening subject', () => {
  it('reads the death-row client: one conviction per count, death derived through method changes, stays and reinstatement', () => {
    const { subject, unavailableReason } = subjectFromCaseFile(whitfield);
    expect(unavailableReason).toBeNull();
    expect(subject).toMatchObject({
      id: 'p-whitfield',
      jurisdiction: 'CA',
      person: { dob: '1958-09-02', currently_incarcerated: true, name: 'Clarence Odell Whitfield' },
      custody: { custody_start: '1985-05-20', continuous: true },
      released_on: null,
    });
    expect(subject?.convictions).toHaveLength(3);
    expect(subject?.convictions[0]).toMatchObject({
      statute: 'PC 187(a)',
      degree: 'first',
      offense_date: '1983-06-04',
      conviction_date: '1985-03-28',
      sentencing_date: '1985-05-10',
      disposition: 'jury',
      sentence_type: 'death',
      sentence: 'Death',
      special_circumstances: ['PC 190.2(a)(3) multiple murder'],
      sentence_completed: false,
    });
    expect(subject?.convictions[2]?.statute).toBe('PC 664/187(a)');
  });

  it('excludes the death-row client from elderly parole by his death sentence, though age and time are met', () => {
    const screening = screenCaseFile(whitfield, { asOf: '2026-07-01', pathways: ['CA_ELDERLY_PAROLE_3055'] });
    expect(screening.jurisdiction).toBe('CA');
    expect(screening.results[0]).toMatchObject({ pathway: 'CA_ELDERLY_PAROLE_3055', status: 'excluded' });
    expect(screening.results[0]?.rule_ids).toContain('EP-X-LWOP');
    expect(screening.results[0]?.reasons.join(' ')).toMatch(/death/i);
  });

  it('reads the woman commuted by the President as federal, released on the day of the commutation', () => {
    const { subject } = subjectFromCaseFile(holloway);
    expect(subject).toMatchObject({
      jurisdiction: 'US',
      person: { currently_incarcerated: false },
      custody: { custody_start: '1996-10-15', release_date: '2018-06-06' },
      released_on: '2018-06-06',
    });
    expect(subject?.convictions[0]).toMatchObject({
      statute: '21 U.S.C. 846',
      offense_start: '1991-03-01',
      offense_end: '1994-11-30',
      sentence_type: 'determinate',
      term_months: 261,
    });
  });

  it('lets the screening facts name the law, the custody start and facts of each conviction', () => {
    const { subject } = subjectFromCaseFile({
      ...whitfield,
      facts: {
        jurisdiction: 'CA',
        custody_start: '1983-06-10',
        custody_continuous: true,
        sentencing_schemes: [],
        convictions: {
          [whitfieldConviction.id]: { theory_of_liability: 'actual_killer', victim: { peace_officer: false } },
        },
      },
    });
    expect(subject?.custody?.custody_start).toBe('1983-06-10');
    expect(subject?.sentencing_schemes).toEqual([]);
    expect(subject?.convictions[0]).toMatchObject({
      theory_of_liability: 'actual_killer',
      victim: { peace_officer: false },
    });
  });

  it('marks an attempt recorded only as a flag in the statute text', () => {
    const { subject } = subjectFromCaseFile({
      ...whitfield,
      convictions: [{ ...whitfieldConviction, counts: [{ statute: 'PC 187(a)', degree: null, isAttempt: true }] }],
    });
    expect(subject?.convictions[0]?.statute).toBe('PC 187(a) attempt');
  });

  it('maps every term of the current sentence', () => {
    const withTerm = (term: NonNullable<CaseFileConviction['sentenceEvents'][number]['term']>) =>
      subjectFromCaseFile({
        ...whitfield,
        convictions: [
          {
            ...whitfieldConviction,
            sentenceEvents: [{ id: 'x', kind: 'imposed', date: '1985-05-10', authority: 'court', term }],
          },
        ],
      }).subject?.convictions[0];
    expect(withTerm({ type: 'lwop' })).toMatchObject({ sentence_type: 'LWOP' });
    expect(withTerm({ type: 'life' })).toMatchObject({ sentence_type: 'life' });
    expect(withTerm({ type: 'indeterminate', minYears: 25 })).toMatchObject({
      sentence_type: 'indeterminate',
      min_term_years: 25,
      sentence: '25 years to life',
    });
    expect(withTerm({ type: 'determinate', months: 150 })).toMatchObject({
      sentence_type: 'determinate',
      term_months: 150,
    });
  });

  it('leaves the sentence unknown when it was vacated and not yet imposed again', () => {
    const { subject } = subjectFromCaseFile({
      ...whitfield,
      convictions: [
        {
          ...whitfieldConviction,
          sentenceEvents: [
            { id: 'a', kind: 'imposed', date: '1985-05-10', authority: 'court', term: { type: 'death' } },
            { id: 'b', kind: 'vacated', date: '2020-01-10', authority: 'court' },
          ],
        },
      ],
    });
    expect(subject?.convictions[0]?.sentence_type ?? null).toBeNull();
  });

  it('cannot screen a person with no conviction, or one who has died, and says why', () => {
    const none = subjectFromCaseFile({ ...whitfield, convictions: [] });
    expect(none.subject).toBeNull();
    expect(none.unavailableReason).toMatch(/No conviction/);
    expect(none.missingFacts[0]).toMatchObject({ field: 'convictions', where: 'convictions' });
    expect(
      subjectFromCaseFile({ ...whitfield, person: { ...whitfield.person, status: 'deceased' } }).unavailableReason,
    ).toMatch(/deceased/);
    const otherState = subjectFromCaseFile({
      ...whitfield,
      convictions: [{ ...whitfieldConviction, jurisdiction: 'other' }],
    });
    expect(otherState.unavailableReason).toMatch(/California or federal/);
  });

  it('names a missing date of birth as a fact of the person', () => {
    const screening = screenCaseFile(
      { ...whitfield, person: { ...whitfield.person, dateOfBirth: null } },
      { asOf: '2026-07-01', pathways: ['CA_ELDERLY_PAROLE_3055'] },
    );
    expect(screening.missingFacts.find((m) => m.field === 'person.dob')).toMatchObject({
      where: 'person',
      label: 'Date of birth',
    });
  });
});

describe('custody stretches', () => {
  it('joins transfers on the same or the next day and starts again after a gap', () => {
    expect(currentCustodyStretch([])).toBeNull();
    expect(
      currentCustodyStretch([
        { fromDate: '2001-01-01', toDate: '2002-01-01' },
        { fromDate: '2010-05-05', toDate: '2011-01-01' },
        { fromDate: '2011-01-02', toDate: null },
      ]),
    ).toEqual({ start: '2010-05-05', stretches: 2 });
  });

  it('leaves continuity unknown when the placements show more than one stretch', () => {
    const { subject } = subjectFromCaseFile({
      ...whitfield,
      placements: [
        { fromDate: '1983-06-10', toDate: '1984-01-01' },
        { fromDate: '1985-05-20', toDate: null },
      ],
    });
    expect(subject?.custody).toMatchObject({ custody_start: '1985-05-20', continuous: null });
  });
});

describe('where a missing fact is filled in', () => {
  it('sends facts of the case file to their part of the record and the rest to the screening facts form', () => {
    expect(whereToFill('person.dob')).toBe('person');
    expect(whereToFill('custody.custody_start')).toBe('placements');
    expect(whereToFill('convictions[].sentence_type')).toBe('sentence_events');
    expect(whereToFill('convictions[].offense_date')).toBe('convictions');
    expect(whereToFill('custody.continuous')).toBe('screening_facts');
    expect(whereToFill('convictions[].theory_of_liability')).toBe('screening_facts');
    expect(whereToFill('medical.serious_advanced_illness_end_of_life')).toBe('screening_facts');
  });

  it('lists each missing fact once with every pathway it matters to', () => {
    const result = (pathway: PathwayResult['pathway'], missing: string[]): PathwayResult => ({
      pathway,
      status: 'needs_record_review',
      eligible_from: null,
      rule_ids: [],
      reasons: [],
      citations: [],
      missing_facts: missing,
    });
    const facts = describeMissingFacts([
      result('CA_ELDERLY_PAROLE_3055', ['custody.continuous', 'sentencing_schemes']),
      result('CA_YOUTH_OFFENDER_PAROLE_3051', ['sentencing_schemes']),
    ]);
    expect(facts).toEqual([
      {
        field: 'custody.continuous',
        label: 'Whether custody has been continuous',
        where: 'screening_facts',
        pathways: ['CA_ELDERLY_PAROLE_3055'],
      },
      {
        field: 'sentencing_schemes',
        label: 'Sentencing schemes (Three Strikes, One Strike)',
        where: 'screening_facts',
        pathways: ['CA_ELDERLY_PAROLE_3055', 'CA_YOUTH_OFFENDER_PAROLE_3051'],
      },
    ]);
  });
});

describe('a roster person opened in the case file', () => {
  it('keeps the roster facts the case file holds as screening facts', () => {
    expect(
      screeningFactsFromSubject({
        id: 'R-1',
        jurisdiction: 'CA',
        person: { dob: '1960-01-01' },
        custody: { custody_start: '1990-01-01', continuous: true },
        convictions: [{ statute: 'PC 187(a)' }],
        sentencing_schemes: ['three_strikes'],
        pc290_registrant: false,
      }),
    ).toEqual({
      jurisdiction: 'CA',
      custody_start: '1990-01-01',
      custody_continuous: true,
      sentencing_schemes: ['three_strikes'],
      pc290_registrant: false,
    });
  });
});
