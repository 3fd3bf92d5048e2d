import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  type CalendarDate,
  checkRuleBook,
  isPathwayId,
  type PathwayId,
  RULE_BOOK,
  ScreeningSubject,
  screenSubject,
  US_PATHWAY_IDS,
} from '../src/index.js';

/**
 * Golden cases for the federal pathways, as data: fixtures/screening/us/<PATHWAY_ID>.json holds
 * [{ name, as_of, subject, expect }], where the subject is a roster record (screening-format.md).
 */
type GoldenCase = {
  name: string;
  as_of: CalendarDate;
  subject: unknown;
  expect: {
    status: string;
    eligible_from?: CalendarDate | null;
    rule_ids?: string[];
    dates?: Record<string, CalendarDate>;
    missing_facts?: string[];
    /** Substrings some flag must contain / no flag may contain. */
    flags_include?: string[];
    flags_exclude?: string[];
  };
};

const FIXTURES = fileURLToPath(new URL('./fixtures/screening/us/', import.meta.url));
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));

const screen = (subject: ScreeningSubject, pathway: PathwayId, asOf: CalendarDate) => {
  const result = screenSubject(subject, { asOf, pathways: [pathway], explain: true }).results[0];
  if (!result) throw new Error(`No result for ${pathway}`);
  return result;
};

describe('federal golden cases', () => {
  it('has a fixture file for every federal pathway', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...US_PATHWAY_IDS].sort());
  });

  for (const file of files) {
    const pathway = file.replace(/\.json$/, '');
    const cases = JSON.parse(readFileSync(`${FIXTURES}${file}`, 'utf8')) as GoldenCase[];
    describe(pathway, () => {
      it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        if (!isPathwayId(pathway)) throw new Error(`Not a pathway id: ${pathway}`);
        const subject = ScreeningSubject.parse(c.subject);
        const r = screen(subject, pathway, c.as_of);
        const { expect: want } = c;
        const why = JSON.stringify({ ...r, trace: undefined }, null, 1);
        expect(r.status, why).toBe(want.status);
        if ('eligible_from' in want) expect(r.eligible_from, why).toBe(want.eligible_from);
        if (want.rule_ids) expect(r.rule_ids, why).toEqual(want.rule_ids);
        if (want.dates) expect(r.dates ?? {}, why).toEqual(want.dates);
        if (want.missing_facts) expect(r.missing_facts, why).toEqual(want.missing_facts);
        for (const text of want.flags_include ?? [])
          expect(
            r.flags?.some((f) => f.includes(text)),
            why,
          ).toBe(true);
        for (const text of want.flags_exclude ?? [])
          expect(r.flags?.some((f) => f.includes(text)) ?? false, why).toBe(false);
        // Overlays never change a statutory result.
        const withOverlays = screenSubject(subject, {
          asOf: c.as_of,
          pathways: [pathway],
          overlays: RULE_BOOK.overlays.map((o) => o.id),
        }).results[0];
        expect(withOverlays?.status).toBe(r.status);
        expect(withOverlays?.eligible_from).toBe(r.eligible_from);
      });
    });
  }
});

describe('the federal rule book', () => {
  it('is sound', () => {
    expect(checkRuleBook(RULE_BOOK)).toEqual([]);
  });

  it('screens every federal pathway exactly once per person', () => {
    const subject = ScreeningSubject.parse({
      id: 'US-ALL',
      jurisdiction: 'US',
      person: { dob: '1960-01-01' },
      convictions: [{ statute: '21 USC 841(a)(1)' }],
    });
    const out = screenSubject(subject, { asOf: '2026-07-01' });
    expect(out.results.map((r) => r.pathway)).toEqual([...US_PATHWAY_IDS]);
  });

  it('reports the 2014 Clemency Initiative as a historical overlay that cannot fully match from the record', () => {
    const subject = ScreeningSubject.parse({
      id: 'US-CI',
      jurisdiction: 'US',
      person: { dob: '1970-01-01', currently_incarcerated: true },
      custody: { custody_start: '2005-01-01' },
      convictions: [{ statute: '21 USC 841(b)(1)(A)(iii)', drug: 'cocaine base', term_months: 360 }],
      criminal_history: { prior_violent_or_sex_convictions: false },
      prior_felony_convictions: [],
    });
    const r = screenSubject(subject, {
      asOf: '2026-07-01',
      pathways: ['US_CLEMENCY_COMMUTATION'],
      overlays: ['US_CLEMENCY_INITIATIVE_2014'],
    }).results[0];
    expect(r?.status).toBe('may_apply');
    expect(r?.overlays?.[0]).toMatchObject({ overlay: 'US_CLEMENCY_INITIATIVE_2014', matches: null });
    expect(r?.overlays?.[0]?.title).toMatch(/historical/);

    const violent = ScreeningSubject.parse({
      ...subject,
      convictions: [{ statute: '18 USC 2113(d)', term_months: 300 }],
    });
    const v = screenSubject(violent, {
      asOf: '2026-07-01',
      pathways: ['US_CLEMENCY_COMMUTATION'],
      overlays: ['US_CLEMENCY_INITIATIVE_2014'],
    }).results[0];
    expect(v?.status).toBe('may_apply');
    expect(v?.overlays?.[0]?.matches).toBe(false);
  });
});

// Properties around the date boundaries, over generated people.
const day = fc
  .integer({ min: Date.UTC(1930, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

const person = fc.record({
  dob: day.filter((d) => d < '1975-01-01'),
  custodyStart: day.filter((d) => d >= '1990-01-01' && d < '2030-01-01'),
  term: fc.oneof(fc.integer({ min: 1, max: 720 }), fc.constant<'life'>('life')),
});

const crSubject = (p: { dob: string; custodyStart: string; term: number | 'life' }): ScreeningSubject =>
  ScreeningSubject.parse({
    id: 'P',
    jurisdiction: 'US',
    person: { dob: p.dob, currently_incarcerated: true },
    custody: { custody_start: p.custodyStart },
    convictions: [
      p.term === 'life'
        ? { statute: '21 USC 841(b)(1)(A)(viii)', sentence_type: 'life' }
        : { statute: '21 USC 841(b)(1)(A)(viii)', sentence_type: 'term', term_months: p.term },
    ],
    medical: {
      serious_advanced_illness_end_of_life: false,
      permanent_incapacity_adl: false,
      requires_24_hour_care: false,
      aging_related_serious_deterioration: 'unknown',
    },
  });

/** USSG 1B1.13(b)(2): the later of age 65 and the lesser of 10 years or 75% of the term (life: 10 years). */
const fcB2Oracle = (p: { dob: string; custodyStart: string; term: number | 'life' }): CalendarDate => {
  const tenYears = addYears(p.custodyStart, 10);
  const served =
    p.term === 'life'
      ? tenYears
      : ([tenYears, addMonths(p.custodyStart, Math.ceil(p.term * 0.75 - 1e-9))].sort()[0] ?? tenYears);
  return [addYears(p.dob, 65), served].sort()[1] ?? served;
};

const b2Outcomes = (r: ReturnType<typeof screen>) =>
  (r.trace ?? [])
    .filter(
      (t) => t.role === 'requires' && ['FC-B2-AGE', 'FC-B2-TIME'].includes(t.rule_id) && t.outcome !== 'not_applicable',
    )
    .map((t) => t.outcome);

describe('compassionate release (b)(2) date properties', () => {
  it('opens on the date the oracle computes: pending the day before, held on the day', () => {
    fc.assert(
      fc.property(person, (p) => {
        const subject = crSubject(p);
        const from = fcB2Oracle(p);
        const before = screen(subject, 'US_COMPASSIONATE_RELEASE_3582C1A', addDays(from, -1));
        const on = screen(subject, 'US_COMPASSIONATE_RELEASE_3582C1A', from);
        expect(before.eligible_from).toBe(from);
        expect(on.eligible_from).toBe(from);
        expect(before.status).toBe('conditional');
        expect(b2Outcomes(before)).toContain('pending');
        expect(b2Outcomes(on).every((o) => o === 'held')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same person and date give the same result', () => {
    fc.assert(
      fc.property(person, day, (p, asOf) => {
        const subject = crSubject(p);
        const a = screenSubject(subject, { asOf, explain: true });
        const b = screenSubject(structuredClone(subject), { asOf, explain: true });
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 100 },
    );
  });
});

describe('other federal date boundaries', () => {
  it('First Step Act sec. 404: an offense ending the day before 2010-08-03 is covered, on that day it is not', () => {
    fc.assert(
      fc.property(day, (end) => {
        const subject = ScreeningSubject.parse({
          id: 'F',
          jurisdiction: 'US',
          person: { dob: '1970-01-01', currently_incarcerated: true },
          convictions: [
            {
              statute: '21 USC 846/841(b)(1)(A)(iii)',
              offense_end: end,
              sentencing_date: addDays(end, 200),
              fsa_2010_applied_at_sentencing: false,
              drug: 'cocaine base',
            },
          ],
          prior_404_motion: { outcome: 'denied_other' },
        });
        const r = screen(subject, 'US_FSA_404', '2026-07-01');
        expect(r.status).toBe(end < '2010-08-03' ? 'conditional' : 'not_eligible');
      }),
      { numRuns: 200 },
    );
  });

  it('pardon: 5 years after release to the day', () => {
    fc.assert(
      fc.property(day, (released) => {
        const subject = ScreeningSubject.parse({
          id: 'P',
          jurisdiction: 'US',
          person: { dob: '1960-01-01', currently_incarcerated: false },
          convictions: [{ statute: '18 USC 1343', sentence_type: 'term', term_months: 24 }],
          released_on: released,
        });
        const due = addYears(released, 5);
        expect(screen(subject, 'US_PARDON', addDays(due, -1))).toMatchObject({
          status: 'eligible_from',
          eligible_from: due,
        });
        expect(screen(subject, 'US_PARDON', due)).toMatchObject({ status: 'may_apply', eligible_from: due });
      }),
      { numRuns: 200 },
    );
  });

  it('elderly home detention: screened through 2023-09-30, not available from 2023-10-01', () => {
    fc.assert(
      fc.property(person, (p) => {
        const subject = ScreeningSubject.parse({
          ...crSubject({ ...p, term: p.term === 'life' ? 120 : p.term }),
          criminal_history: { escape_history: false, prior_violent_or_sex_convictions: false },
        });
        const last = screen(subject, 'US_ELDERLY_HOME_DETENTION_60541', '2023-09-30');
        const after = screen(subject, 'US_ELDERLY_HOME_DETENTION_60541', '2023-10-01');
        expect(last.status).toBe('conditional');
        expect(after.status).toBe('not_available');
        expect(after.dates?.would_qualify_from).toBe(last.eligible_from);
      }),
      { numRuns: 200 },
    );
  });
});
