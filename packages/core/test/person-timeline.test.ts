import { describe, expect, it } from 'vitest';
import {
  buildPersonTimeline,
  describeCurrentSentence,
  labelSentenceEvent,
  type TimelineConviction,
  type TimelinePlacement,
  type TimelineSentenceEvent,
} from '../src/case-file/person-timeline.js';

let n = 0;
const ev = (e: Omit<TimelineSentenceEvent, 'id' | 'authority'> & Partial<TimelineSentenceEvent>) => ({
  id: `e${++n}`,
  authority: 'court' as const,
  ...e,
});

const placement = (p: Partial<TimelinePlacement> & Pick<TimelinePlacement, 'fromDate'>): TimelinePlacement => ({
  id: `p${++n}`,
  facilityName: 'San Quentin State Prison',
  housing: null,
  toDate: null,
  ...p,
});

const deathRow: TimelineConviction = {
  id: 'c-death',
  caseNumber: 'A-123456',
  court: 'Los Angeles County Superior Court',
  convictionDate: '1985-02-19',
  events: [
    ev({ kind: 'imposed', date: '1985-05-15', term: { type: 'death' }, executionMethod: 'gas_chamber' }),
    ev({ kind: 'execution_method_set', date: '1992-01-01', executionMethod: 'lethal_injection', authority: 'other' }),
    ev({ kind: 'stayed', date: '2004-02-09', authorityName: 'Ninth Circuit Court of Appeals' }),
    ev({ kind: 'reinstated', date: '2004-06-01' }),
    ev({ kind: 'execution_method_set', date: '2006-02-21', executionMethod: 'gas_chamber' }),
    ev({ kind: 'execution_method_set', date: '2010-09-01', executionMethod: 'lethal_injection' }),
    ev({ kind: 'stayed', date: '2019-03-13', authority: 'governor', note: 'Moratorium' }),
  ],
};

describe('buildPersonTimeline', () => {
  it('draws placements as bands in date order, the open one running to today', () => {
    const timeline = buildPersonTimeline({
      today: '2026-03-02',
      placements: [
        placement({ id: 'now', fromDate: '1989-06-01', housing: 'Condemned / East Block' }),
        placement({
          id: 'first',
          facilityName: 'Los Angeles County Jail',
          fromDate: '1984-03-01',
          toDate: '1985-06-01',
        }),
        placement({ id: 'second', fromDate: '1985-06-01', toDate: '1989-06-01' }),
      ],
      convictions: [],
    });
    expect(timeline.bands.map((b) => [b.id, b.from, b.to, b.isOpen])).toEqual([
      ['first', '1984-03-01', '1985-06-01', false],
      ['second', '1985-06-01', '1989-06-01', false],
      ['now', '1989-06-01', '2026-03-02', true],
    ]);
    expect(timeline.bands[2]?.label).toBe('San Quentin State Prison, Condemned / East Block');
    expect(timeline.range).toEqual({ from: '1984-03-01', to: '2026-03-02' });
    expect(timeline.tracks).toEqual([]);
  });

  it('puts the sentence events of each conviction on its own track, with labels and the derived sentence', () => {
    const timeline = buildPersonTimeline({ today: '2026-03-02', placements: [], convictions: [deathRow] });
    const [track] = timeline.tracks;
    expect(track?.label).toBe('A-123456, Los Angeles County Superior Court');
    expect(track?.marks.map((m) => [m.date, m.kind, m.label, m.byline])).toEqual([
      ['1985-02-19', 'convicted', 'Convicted', 'Los Angeles County Superior Court'],
      ['1985-05-15', 'imposed', 'Sentence imposed: Death by gas chamber', 'Court'],
      ['1992-01-01', 'execution_method_set', 'Execution method: Lethal injection', 'Other'],
      ['2004-02-09', 'stayed', 'Stayed', 'Ninth Circuit Court of Appeals'],
      ['2004-06-01', 'reinstated', 'Reinstated', 'Court'],
      ['2006-02-21', 'execution_method_set', 'Execution method: Gas chamber', 'Court'],
      ['2010-09-01', 'execution_method_set', 'Execution method: Lethal injection', 'Court'],
      ['2019-03-13', 'stayed', 'Stayed', 'Governor'],
    ]);
    expect(track?.marks.at(-1)?.note).toBe('Moratorium');
    expect(track?.issues).toEqual([]);
    expect(track?.currentSentence).toEqual({
      term: { type: 'death' },
      status: 'stayed',
      executionMethod: 'lethal_injection',
      since: '2019-03-13',
      commutedFrom: null,
    });
    expect(track?.currentSentenceLabel).toBe('Death by lethal injection, stayed since 2019-03-13');
    expect(timeline.range).toEqual({ from: '1985-02-19', to: '2026-03-02' });
  });

  it('orders marks by date whatever the order of entry, keeping entry order within a day', () => {
    const timeline = buildPersonTimeline({
      today: '2026-03-02',
      placements: [],
      convictions: [
        {
          id: 'c-fed',
          caseNumber: null,
          court: null,
          convictionDate: null,
          events: [
            ev({ id: 'release', kind: 'released', date: '2016-08-30', authority: 'corrections' }),
            ev({ id: 'life', kind: 'imposed', date: '1996-10-01', term: { type: 'life' } }),
            ev({
              id: 'commute',
              kind: 'commuted',
              date: '2016-08-30',
              authority: 'president',
              term: { type: 'determinate', months: 240 },
            }),
          ],
        },
      ],
    });
    const [track] = timeline.tracks;
    expect(track?.label).toBe('Conviction');
    expect(track?.marks.map((m) => m.id)).toEqual(['life', 'release', 'commute']);
    // Entered release-then-commutation on one day, the release applied first to a life sentence.
    expect(track?.currentSentence?.status).toBe('active');
  });

  it('marks an event that does not fit the history with the reason, and skips it', () => {
    const timeline = buildPersonTimeline({
      today: '2026-03-02',
      placements: [],
      convictions: [
        {
          id: 'c1',
          caseNumber: 'X1',
          court: null,
          convictionDate: '2000-01-10',
          events: [
            ev({ id: 'early', kind: 'imposed', date: '1999-12-01', term: { type: 'lwop' } }),
            ev({ id: 'stay', kind: 'stayed', date: '2001-01-01' }),
          ],
        },
      ],
    });
    const marks = timeline.tracks[0]?.marks ?? [];
    expect(marks.find((m) => m.id === 'early')?.issue).toBe('Before the conviction date (2000-01-10)');
    expect(marks.find((m) => m.id === 'stay')?.issue).toBe('The first event of a sentence must be its imposition');
    expect(timeline.tracks[0]?.currentSentence).toBeNull();
    expect(timeline.tracks[0]?.currentSentenceLabel).toBeNull();
  });

  it('has no range when nothing is dated', () => {
    expect(buildPersonTimeline({ today: '2026-03-02', placements: [], convictions: [] })).toEqual({
      range: null,
      today: '2026-03-02',
      bands: [],
      tracks: [],
      visits: [],
    });
  });

  it('marks scheduled and held legal visits by date and stretches the range to a visit ahead', () => {
    const timeline = buildPersonTimeline({
      today: '2026-03-02',
      placements: [placement({ id: 'sq', fromDate: '2020-01-01' })],
      convictions: [],
      visits: [
        {
          id: 'v2',
          status: 'scheduled',
          start: '2026-04-10T17:00:00.000Z',
          end: '2026-04-10T19:00:00.000Z',
          facilityName: 'San Quentin State Prison',
        },
        {
          id: 'v1',
          status: 'held',
          start: '2026-02-03T16:00:00.000Z',
          end: '2026-02-03T17:30:00.000Z',
          facilityName: null,
        },
      ],
    });
    expect(timeline.visits.map((v) => [v.id, v.date, v.label])).toEqual([
      ['v1', '2026-02-03', 'Legal visit held, 1 h 30 min'],
      ['v2', '2026-04-10', 'Legal visit scheduled at San Quentin State Prison, 2 h'],
    ]);
    expect(timeline.range).toEqual({ from: '2020-01-01', to: '2026-04-10' });
  });

  it('draws a placement entered ahead of its start as one day and stretches the range to it', () => {
    const timeline = buildPersonTimeline({
      today: '2026-03-02',
      placements: [placement({ id: 'future', fromDate: '2026-04-01' })],
      convictions: [],
    });
    expect(timeline.bands[0]).toMatchObject({ from: '2026-04-01', to: '2026-04-01', isOpen: true });
    expect(timeline.range).toEqual({ from: '2026-04-01', to: '2026-04-01' });
  });
});

describe('labels', () => {
  it.each([
    [{ kind: 'imposed', term: { type: 'indeterminate', minYears: 25 } }, 'Sentence imposed: 25 years to life'],
    [{ kind: 'imposed', term: { type: 'death' } }, 'Sentence imposed: Death'],
    [{ kind: 'resentenced', term: { type: 'determinate', months: 150 } }, 'Resentenced: 12 years 6 months'],
    [{ kind: 'commuted', term: { type: 'lwop' } }, 'Commuted to Life without the possibility of parole'],
    [{ kind: 'execution_method_set', executionMethod: 'nitrogen_hypoxia' }, 'Execution method: Nitrogen hypoxia'],
    [{ kind: 'pardoned' }, 'Pardoned'],
    [{ kind: 'imposed' }, 'Sentence imposed'],
  ] as const)('labels %j as "%s"', (event, label) => {
    expect(labelSentenceEvent(event)).toBe(label);
  });

  it.each([
    [
      {
        term: { type: 'death' },
        status: 'active',
        executionMethod: 'gas_chamber',
        since: '1985-05-15',
        commutedFrom: null,
      },
      'Death by gas chamber',
    ],
    [
      {
        term: { type: 'determinate', months: 240 },
        status: 'released',
        executionMethod: null,
        since: '2016-08-30',
        commutedFrom: { type: 'life' },
      },
      '20 years (commuted from Life), released on 2016-08-30',
    ],
    [
      { term: { type: 'lwop' }, status: 'died', executionMethod: null, since: '2020-01-01', commutedFrom: null },
      'Life without the possibility of parole, ended by death on 2020-01-01',
    ],
  ] as const)('describes %j', (current, label) => {
    expect(describeCurrentSentence(current)).toBe(label);
  });
});
