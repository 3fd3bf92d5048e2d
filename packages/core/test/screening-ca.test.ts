import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears } from '../src/case-file/calendar-date.js';
import {
  CA_PATHWAY_IDS,
  checkRuleBook,
  isPathwayId,
  type PathwayId,
  RULE_BOOK,
  ScreeningSubject,
  screenSubject,
} from '../src/index.js';

/**
 * Golden cases as data (fixtures/screening/ca/<pathway>.json, the file named for the pathway id in
 * kebab case), then properties around the date boundaries of the dated pathways.
 */
type Golden = {
  name: string;
  as_of: string;
  subject: unknown;
  expect: {
    status: string;
    eligible_from?: string | null;
    rule_ids?: string[];
    dates?: Record<string, string>;
    missing_facts?: string[];
    /** Each must be a substring of some flag. */
    flags_include?: string[];
    /** None may be a substring of any flag. */
    flags_exclude?: string[];
    /** Overlay id → whether the person meets it. */
    overlays?: Record<string, boolean | null>;
  };
};

const FIXTURES = new URL('./fixtures/screening/ca/', import.meta.url);
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
const pathwayOf = (file: string) =>
  `CA_${file
    .replace(/\.json$/, '')
    .toUpperCase()
    .replace(/-/g, '_')}`;
const load = (file: string): Golden[] => JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Golden[];

const screen = (pathway: PathwayId, subject: unknown, asOf: string, overlays?: string[]) => {
  const parsed = ScreeningSubject.parse(subject);
  const result = screenSubject(parsed, { asOf, pathways: [pathway], overlays }).results[0];
  if (!result) throw new Error(`No result for ${pathway}`);
  return result;
};

describe('the California rule book', () => {
  it('is sound: every fact it names exists, every rule has a test and a citation', () => {
    expect(checkRuleBook(RULE_BOOK)).toEqual([]);
  });

  it('has every California pathway, in the contract order, each with golden cases', () => {
    expect([...RULE_BOOK.pathways.keys()].filter((id) => id.startsWith('CA_'))).toEqual([...CA_PATHWAY_IDS]);
    const covered = files.map(pathwayOf);
    for (const id of CA_PATHWAY_IDS.filter((p) => p !== 'CA_ELDERLY_PAROLE_3055')) expect(covered).toContain(id);
  });
});

for (const file of files) {
  const pathway = pathwayOf(file);
  describe(`golden cases: ${pathway}`, () => {
    it('names a known pathway', () => expect(isPathwayId(pathway)).toBe(true));
    it.each(load(file).map((g) => [g.name, g] as const))('%s', (_name, g) => {
      const overlays = g.expect.overlays ? Object.keys(g.expect.overlays) : undefined;
      const r = screen(pathway as PathwayId, g.subject, g.as_of, overlays);
      const e = g.expect;
      expect(r.status).toBe(e.status);
      if ('eligible_from' in e) expect(r.eligible_from).toBe(e.eligible_from);
      if (e.rule_ids) expect(r.rule_ids).toEqual(e.rule_ids);
      if (e.dates) expect(r.dates ?? {}).toEqual(e.dates);
      if (e.missing_facts) expect(r.missing_facts).toEqual(e.missing_facts);
      for (const f of e.flags_include ?? []) expect((r.flags ?? []).some((x) => x.includes(f))).toBe(true);
      for (const f of e.flags_exclude ?? []) expect((r.flags ?? []).some((x) => x.includes(f))).toBe(false);
      for (const [id, matches] of Object.entries(e.overlays ?? {})) {
        expect(r.overlays?.find((o) => o.overlay === id)?.matches).toBe(matches);
      }
    });
  });
}

/** Calendar dates between two years (Feb 29 included). PC 3055 at 50/20 applies to runs from 2021. */
const day = (from: number, to: number) =>
  fc
    .date({ min: new Date(Date.UTC(from, 0, 1)), max: new Date(Date.UTC(to, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const subjectWith = (dob: string, custodyStart: string, offense: string, sentence: Record<string, unknown>) => ({
  id: 'P-1',
  jurisdiction: 'CA' as const,
  person: { dob, currently_incarcerated: true },
  custody: { custody_start: custodyStart, continuous: true },
  convictions: [{ statute: 'PC 211', offense_date: offense, ...sentence }],
  sentencing_schemes: [],
});

describe('date boundaries (properties)', () => {
  it('PC 3055: the day before eligible_from gives eligible_from, the day itself gives eligible', () => {
    fc.assert(
      fc.property(day(1955, 1990), day(2002, 2010), (dob, start) => {
        const s = subjectWith(dob, start, start, { sentence_type: 'determinate', term_months: 600 });
        const from = [addYears(dob, 50), addYears(start, 20)].sort()[1] as string;
        const before = screen('CA_ELDERLY_PAROLE_3055', s, addDays(from, -1));
        const on = screen('CA_ELDERLY_PAROLE_3055', s, from);
        expect(before).toMatchObject({ status: 'eligible_from', eligible_from: from });
        expect(on).toMatchObject({ status: 'eligible', eligible_from: from });
      }),
      { numRuns: 200 },
    );
  });

  it('PC 3051: the tier date is custody_start + 14, 19 or 24 years, reached on that day and not the day before', () => {
    const tiers = [
      [{ sentence_type: 'determinate', term_months: 300 }, 14],
      [{ sentence_type: 'indeterminate', sentence: '15 years to life' }, 19],
      [{ sentence_type: 'indeterminate', sentence: '25 years to life' }, 24],
    ] as const;
    fc.assert(
      fc.property(day(1970, 1990), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 16, max: 25 }), (dob, t, age) => {
        const [sentence, years] = tiers[t] as (typeof tiers)[number];
        const offense = addYears(dob, age);
        const start = addDays(offense, 3);
        const s = subjectWith(dob, start, offense, sentence);
        const from = addYears(start, years);
        const asOf = from < '2018-01-01' ? '2018-01-01' : from;
        const on = screen('CA_YOUTH_OFFENDER_PAROLE_3051', s, asOf);
        expect(on).toMatchObject({ status: 'eligible', eligible_from: from });
        if (from > '2018-01-01') {
          expect(screen('CA_YOUTH_OFFENDER_PAROLE_3051', s, addDays(from, -1))).toMatchObject({
            status: 'eligible_from',
            eligible_from: from,
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('PC 3051: an offence on the 26th birthday fails, the day before passes', () => {
    fc.assert(
      fc.property(day(1960, 1990), (dob) => {
        const at26 = addYears(dob, 26);
        const sentence = { sentence_type: 'determinate', term_months: 300 };
        const on = screen('CA_YOUTH_OFFENDER_PAROLE_3051', subjectWith(dob, at26, at26, sentence), '2026-07-01');
        const dayBefore = addDays(at26, -1);
        const before = screen(
          'CA_YOUTH_OFFENDER_PAROLE_3051',
          subjectWith(dob, at26, dayBefore, sentence),
          '2026-07-01',
        );
        expect(on).toMatchObject({ status: 'not_eligible', rule_ids: ['YO-AGE'] });
        expect(['eligible', 'eligible_from']).toContain(before.status);
      }),
      { numRuns: 200 },
    );
  });

  it('results depend only on the input and as_of: the same input twice gives deep-equal results', () => {
    fc.assert(
      fc.property(day(1940, 2000), day(1970, 2010), day(2014, 2030), (dob, start, asOf) => {
        const s = subjectWith(dob, start, start, { sentence_type: 'indeterminate', sentence: '25 years to life' });
        const parsed = ScreeningSubject.parse(s);
        const first = screenSubject(parsed, { asOf, explain: true, overlays: ['CA_DA_RESENTENCING_CRITERIA'] });
        const second = screenSubject(structuredClone(parsed), {
          asOf,
          explain: true,
          overlays: ['CA_DA_RESENTENCING_CRITERIA'],
        });
        expect(second).toEqual(first);
        expect(first.results.map((r) => r.pathway)).toEqual([...CA_PATHWAY_IDS]);
      }),
      { numRuns: 100 },
    );
  });
});
