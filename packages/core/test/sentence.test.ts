import { describe, expect, it } from 'vitest';
import { addMonths, isCalendarDate, wholeYearsBetween } from '../src/case-file/calendar-date.js';
import { deriveCurrentSentence, describeTerm, type SentenceEvent } from '../src/case-file/sentence.js';

let n = 0;
const ev = (e: Omit<SentenceEvent, 'id' | 'authority'> & Partial<SentenceEvent>): SentenceEvent => ({
  id: `e${++n}`,
  authority: 'court',
  ...e,
});

describe('deriveCurrentSentence', () => {
  it('follows a death sentence through stays, reinstatements and method changes', () => {
    const events = [
      ev({ kind: 'imposed', date: '1985-05-15', term: { type: 'death' }, executionMethod: 'gas_chamber' }),
      ev({ kind: 'execution_method_set', date: '1992-01-01', executionMethod: 'lethal_injection', authority: 'other' }),
      ev({ kind: 'stayed', date: '2004-02-09' }),
      ev({ kind: 'reinstated', date: '2004-06-01' }),
      ev({ kind: 'execution_method_set', date: '2006-02-21', executionMethod: 'gas_chamber' }),
      ev({ kind: 'execution_method_set', date: '2010-09-01', executionMethod: 'lethal_injection' }),
      ev({ kind: 'stayed', date: '2019-03-13', authority: 'governor' }),
    ];
    const { current, issues } = deriveCurrentSentence(events, { convictionDate: '1985-02-19' });
    expect(issues).toEqual([]);
    expect(current).toEqual({
      term: { type: 'death' },
      status: 'stayed',
      executionMethod: 'lethal_injection',
      since: '2019-03-13',
      commutedFrom: null,
    });
  });

  it('orders events by date whatever order they were entered in', () => {
    const events = [
      ev({ kind: 'stayed', date: '2004-02-09' }),
      ev({ kind: 'imposed', date: '1985-05-15', term: { type: 'death' } }),
    ];
    expect(deriveCurrentSentence(events).current?.status).toBe('stayed');
  });

  it('records a commutation and the release that follows it', () => {
    const events = [
      ev({ kind: 'imposed', date: '1997-01-10', term: { type: 'life' } }),
      ev({ kind: 'commuted', date: '2018-06-06', authority: 'president', term: { type: 'determinate', months: 262 } }),
      ev({ kind: 'released', date: '2018-06-06', authority: 'corrections' }),
    ];
    const { current, issues } = deriveCurrentSentence(events);
    expect(issues).toEqual([]);
    expect(current).toMatchObject({
      status: 'released',
      term: { type: 'determinate', months: 262 },
      commutedFrom: { type: 'life' },
    });
  });

  it('restores the vacated term when a sentence is reinstated', () => {
    const { current } = deriveCurrentSentence([
      ev({ kind: 'imposed', date: '2000-01-01', term: { type: 'indeterminate', minYears: 25 } }),
      ev({ kind: 'vacated', date: '2010-01-01' }),
      ev({ kind: 'reinstated', date: '2012-01-01' }),
    ]);
    expect(current).toMatchObject({ status: 'active', term: { type: 'indeterminate', minYears: 25 } });
  });

  it('drops the execution method when a death sentence is commuted to a term', () => {
    const { current } = deriveCurrentSentence([
      ev({ kind: 'imposed', date: '1980-01-01', term: { type: 'death' }, executionMethod: 'gas_chamber' }),
      ev({ kind: 'commuted', date: '1990-01-01', authority: 'governor', term: { type: 'lwop' } }),
    ]);
    expect(current).toMatchObject({ executionMethod: null, term: { type: 'lwop' }, commutedFrom: { type: 'death' } });
  });

  it.each([
    ['a history that does not start with the imposition', [ev({ kind: 'stayed', date: '2000-01-01' })], 'first event'],
    [
      'a method on a non-death sentence',
      [
        ev({ kind: 'imposed', date: '2000-01-01', term: { type: 'lwop' } }),
        ev({ kind: 'execution_method_set', date: '2001-01-01', executionMethod: 'hanging' }),
      ],
      'only on a death sentence',
    ],
    [
      'parole from life without parole',
      [
        ev({ kind: 'imposed', date: '2000-01-01', term: { type: 'lwop' } }),
        ev({ kind: 'paroled', date: '2020-01-01' }),
      ],
      'cannot be paroled',
    ],
    [
      'anything after an execution',
      [
        ev({ kind: 'imposed', date: '2000-01-01', term: { type: 'death' } }),
        ev({ kind: 'executed', date: '2010-01-01' }),
        ev({ kind: 'stayed', date: '2011-01-01' }),
      ],
      'Nothing can follow',
    ],
    [
      'reinstating an active sentence',
      [
        ev({ kind: 'imposed', date: '2000-01-01', term: { type: 'life' } }),
        ev({ kind: 'reinstated', date: '2001-01-01' }),
      ],
      'Only a stayed, suspended or vacated',
    ],
    [
      'a commutation without a term',
      [
        ev({ kind: 'imposed', date: '2000-01-01', term: { type: 'life' } }),
        ev({ kind: 'commuted', date: '2001-01-01' }),
      ],
      'Give the sentence',
    ],
  ])('reports %s', (_name, events, message) => {
    const { issues } = deriveCurrentSentence(events);
    expect(issues.map((i) => i.message).join(' | ')).toContain(message);
  });

  it('reports events dated before the conviction, and impossible dates', () => {
    const { issues } = deriveCurrentSentence(
      [
        ev({ id: 'x', kind: 'imposed', date: '1984-12-31', term: { type: 'death' } }),
        ev({ id: 'y', kind: 'stayed', date: '2023-02-30' }),
      ],
      { convictionDate: '1985-01-01' },
    );
    expect(issues).toEqual([
      { eventId: 'x', field: 'date', message: 'Before the conviction date (1985-01-01)' },
      { eventId: 'y', field: 'date', message: 'Not a real calendar date (YYYY-MM-DD)' },
    ]);
  });
});

describe('describeTerm', () => {
  it.each([
    [{ type: 'death' } as const, 'Death'],
    [{ type: 'indeterminate', minYears: 25 } as const, '25 years to life'],
    [{ type: 'determinate', months: 88 } as const, '7 years 4 months'],
    [{ type: 'probation', months: 12 } as const, 'Probation, 1 year'],
  ])('describes %o as %s', (term, text) => {
    expect(describeTerm(term)).toBe(text);
  });
});

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2023-13-01', false],
    ['23-01-01', false],
  ])('%s is a real date: %s', (d, ok) => expect(isCalendarDate(d)).toBe(ok));

  it('rolls a Feb 29 anniversary to Mar 1 in a non-leap year', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-03-01');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });

  it('counts age in whole years, reached on the birthday', () => {
    expect(wholeYearsBetween('1970-03-15', '2020-03-14')).toBe(49);
    expect(wholeYearsBetween('1970-03-15', '2020-03-15')).toBe(50);
  });
});
