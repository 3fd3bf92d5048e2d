import { describe, expect, it } from 'vitest';
import {
  AddPlacementInput,
  CreateConvictionInput,
  CreatePersonInput,
  convictionDateIssues,
  PeopleListQuery,
  SentenceEventInput,
} from '../src/schemas/people.schemas.js';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('CreatePersonInput', () => {
  it('normalises identifiers per system and fills defaults', () => {
    expect(
      CreatePersonInput.parse({
        legalName: '  Ada Lovelace ',
        identifiers: [
          { system: 'cdcr', value: 'ab-1234' },
          { system: 'bop', value: '12345 678' },
          { system: 'fbi', value: ' 123ABC ' },
        ],
      }),
    ).toEqual({
      legalName: 'Ada Lovelace',
      aliases: [],
      status: 'in_custody',
      identifiers: [
        { system: 'cdcr', value: 'AB1234', issuer: null },
        { system: 'bop', value: '12345-678', issuer: null },
        { system: 'fbi', value: '123ABC', issuer: null },
      ],
    });
  });

  it.each([
    [{ legalName: 'A', identifiers: [{ system: 'cdcr', value: '123456' }] }, 'identifiers.0.value'],
    [{ legalName: 'A', dateOfBirth: '1999-02-29' }, 'dateOfBirth'],
    [{ legalName: 'A', status: 'free' }, 'status'],
    [{ legalName: 'A', notes: 'ok\u0007bell' }, 'notes'],
    [{ legalName: 'A', mailingAddress: 'line\u202eevil' }, 'mailingAddress'],
  ])('refuses %j on %s', (input, path) => {
    expect(paths(CreatePersonInput.safeParse(input))).toContain(path);
  });

  it('keeps line breaks and tabs in notes, and markup as text', () => {
    const notes = 'First line\n\tIndented <script>x</script>\r\nLast';
    expect(CreatePersonInput.parse({ legalName: '<b>A</b>', notes }).notes).toBe(notes);
  });
});

describe('AddPlacementInput', () => {
  it('needs a facility and an end not before the start', () => {
    expect(paths(AddPlacementInput.safeParse({ fromDate: '2000-01-01' }))).toEqual(['facilityName']);
    expect(
      paths(AddPlacementInput.safeParse({ facilityName: 'X', fromDate: '2000-01-02', toDate: '2000-01-01' })),
    ).toEqual(['toDate']);
    expect(AddPlacementInput.parse({ facilityName: 'X', fromDate: '2000-01-01' }).learnedFrom).toBe('other');
  });
});

describe('convictions and sentence events', () => {
  it.each([
    [{ offenseEnd: '2000-01-01' }, { offenseStart: 'Give the first day of the range' }],
    [{ offenseStart: '2000-01-02', offenseEnd: '2000-01-01' }, { offenseEnd: 'Before the first day of the offense' }],
    [{ offenseStart: '2000-01-02', convictionDate: '2000-01-01' }, { convictionDate: 'Before the offense' }],
    [{ offenseStart: '2000-01-01', offenseEnd: '2000-01-01', convictionDate: '2000-01-01' }, {}],
  ])('checks the order of conviction dates %j', (dates, issues) => {
    expect(convictionDateIssues(dates)).toEqual(issues);
  });

  it('refuses unknown party roles and defaults the lists', () => {
    expect(paths(CreateConvictionInput.safeParse({ parties: [{ role: 'judge', name: 'X' }] }))).toEqual([
      'parties.0.role',
    ]);
    expect(CreateConvictionInput.parse({})).toEqual({
      jurisdiction: 'CA',
      enhancements: [],
      specialCircumstances: [],
      counts: [],
      parties: [],
    });
  });

  it('accepts each term shape and refuses extra or missing fields', () => {
    const event = (term: unknown) => SentenceEventInput.safeParse({ kind: 'imposed', date: '2000-01-01', term });
    expect(event({ type: 'indeterminate', minYears: 25 }).success).toBe(true);
    expect(event({ type: 'death' }).success).toBe(true);
    expect(paths(event({ type: 'indeterminate' }))).toEqual(['term.minYears']);
    expect(paths(event({ type: 'death', months: 3 }))).toEqual(['term']);
  });
});

describe('PeopleListQuery', () => {
  it('reads comma-separated statuses and coerces numbers', () => {
    expect(PeopleListQuery.parse({ status: 'released, on_parole', limit: '10', offset: '20' })).toEqual({
      status: ['released', 'on_parole'],
      limit: 10,
      offset: 20,
    });
  });

  it.each([
    [{ status: 'released,escaped' }, 'status'],
    [{ sort: 'relevance' }, 'sort'],
    [{ cursor: 'x', offset: '1' }, 'offset'],
  ])('refuses %j', (query, path) => {
    expect(paths(PeopleListQuery.safeParse(query))).toContain(path);
  });
});
