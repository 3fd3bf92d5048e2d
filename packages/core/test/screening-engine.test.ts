import { describe, expect, it } from 'vitest';
import {
  checkRuleBook,
  evaluatePathway,
  type PathwayDefinition,
  prepareSubject,
  RULE_BOOK,
  type ScreeningSubject,
  screenSubject,
} from '../src/index.js';

const base: ScreeningSubject = {
  id: 'R-1',
  jurisdiction: 'CA',
  person: { dob: '1970-03-15', currently_incarcerated: true },
  custody: { custody_start: '2004-03-15', continuous: true },
  convictions: [
    { statute: 'PC 187(a)', degree: 'second', sentence_type: 'indeterminate', sentence: '15 years to life' },
  ],
  sentencing_schemes: [],
};

const elderly = (subject: ScreeningSubject, asOf = '2026-07-01') =>
  screenSubject(subject, { asOf, pathways: ['CA_ELDERLY_PAROLE_3055'] }).results[0];

describe('the rule book', () => {
  it('refers only to facts it defines, and every rule has a test and a citation', () => {
    expect(checkRuleBook(RULE_BOOK)).toEqual([]);
  });
});

describe('the interpreter on elderly parole (PC 3055)', () => {
  it('gives the later of age 50 and 20 years served, with the rules that held', () => {
    const r = elderly(base);
    expect(r).toMatchObject({
      pathway: 'CA_ELDERLY_PAROLE_3055',
      status: 'eligible',
      eligible_from: '2024-03-15',
      rule_ids: ['EP-AGE', 'EP-TIME'],
    });
    expect(r?.reasons).toContain('Age 50 reached 2020-03-15');
    expect(r?.reasons).toContain('20 years of continuous incarceration reached 2024-03-15');
    expect(r?.citations).toContain('PC 3055(a)');
  });

  it('is eligible_from the date when it has not come yet, and eligible on that very day', () => {
    expect(elderly(base, '2024-03-14')).toMatchObject({ status: 'eligible_from', eligible_from: '2024-03-15' });
    expect(elderly(base, '2024-03-15')).toMatchObject({ status: 'eligible', eligible_from: '2024-03-15' });
  });

  it('applies the 60/25 version of the statute to runs before 2021', () => {
    expect(elderly(base, '2019-06-01')).toMatchObject({ status: 'eligible_from', eligible_from: '2030-03-15' });
  });

  it('reads a Feb 29 birthday as Mar 1 in a non-leap year', () => {
    const r = elderly({
      ...base,
      person: { dob: '1976-02-29' },
      custody: { custody_start: '2000-01-01', continuous: true },
    });
    expect(r).toMatchObject({ eligible_from: '2026-03-01' });
  });

  it('treats a missing fact as unknown, names it, and never as false', () => {
    const r = elderly({ ...base, custody: { custody_start: '2004-03-15' } });
    expect(r).toMatchObject({ status: 'needs_record_review', missing_facts: ['custody.continuous'] });
    const schemes = elderly({ ...base, sentencing_schemes: undefined });
    expect(schemes?.status).toBe('needs_record_review');
    expect(schemes?.missing_facts).toEqual(['sentencing_schemes']);
  });

  it('excludes Three Strikes, LWOP and first-degree murder of a peace officer, citing 3055(g)', () => {
    expect(elderly({ ...base, sentencing_schemes: ['three_strikes'] })).toMatchObject({
      status: 'excluded',
      rule_ids: ['EP-X-3S'],
      eligible_from: null,
    });
    expect(
      elderly({ ...base, convictions: [{ statute: 'PC 187(a)', degree: 'first', sentence_type: 'LWOP' }] }),
    ).toMatchObject({
      status: 'excluded',
      rule_ids: ['EP-X-LWOP'],
    });
    const officer = elderly({
      ...base,
      convictions: [
        { statute: 'PC 187', degree: 'first', sentence_type: 'indeterminate', victim: { peace_officer: true } },
      ],
    });
    expect(officer).toMatchObject({ status: 'excluded', rule_ids: ['EP-X-PO'] });
    expect(officer?.citations).toContain('PC 3055(g)');
  });

  it('fails when custody was interrupted', () => {
    expect(elderly({ ...base, custody: { custody_start: '2004-03-15', continuous: false } })).toMatchObject({
      status: 'not_eligible',
      rule_ids: ['EP-TIME'],
    });
  });

  it('flags a date that comes after the expected release as moot', () => {
    const r = elderly({ ...base, custody: { ...base.custody, expected_release_date: '2024-01-01' } }, '2023-01-01');
    expect(r?.flags?.[0]).toMatch(/Moot/);
  });

  it('explains every rule it considered when asked', () => {
    const out = screenSubject(base, { asOf: '2026-07-01', pathways: ['CA_ELDERLY_PAROLE_3055'], explain: true });
    const trace = out.results[0]?.trace ?? [];
    expect(trace.map((t) => `${t.rule_id}:${t.outcome}`)).toContain('EP-X-3S:failed');
    expect(trace.filter((t) => t.outcome === 'not_applicable')).toHaveLength(2);
  });
});

describe('pathway kinds', () => {
  const prepared = prepareSubject(base, '2026-07-01');
  const pathway = (kind: PathwayDefinition['kind'], extra: Partial<PathwayDefinition> = {}): PathwayDefinition => ({
    id: 'CA_GOVERNOR_COMMUTATION',
    jurisdiction: 'CA',
    title: 'test',
    matter_type: 'state_commutation',
    kind,
    authority: { citations: ['X'], legal_status: 'in_force' },
    rules: [
      {
        id: 'AGE',
        role: 'requires',
        from: { add: { fact: 'dob' }, years: 50 },
        says: { holds: 'age {date}' },
        citations: ['Y'],
        legal_status: 'in_force',
        certainty: 'verified',
      },
    ],
    ...extra,
  });

  it('makes a discretionary pathway conditional and clemency may_apply', () => {
    expect(evaluatePathway(pathway('court_discretion'), prepared, RULE_BOOK.facts).status).toBe('conditional');
    expect(evaluatePathway(pathway('clemency'), prepared, RULE_BOOK.facts).status).toBe('may_apply');
  });

  it('is not_available outside its authority, with the date it would qualify from', () => {
    const r = evaluatePathway(
      pathway('statutory', { authority: { citations: ['X'], legal_status: 'expired', effective_to: '2023-09-30' } }),
      prepared,
      RULE_BOOK.facts,
    );
    expect(r).toMatchObject({ status: 'not_available', dates: { would_qualify_from: '2020-03-15' } });
  });

  it('reports a conditional rule with an unknown medical fact as conditional, not as a record problem', () => {
    const p = pathway('statutory', {
      rules: [
        {
          id: 'MED',
          role: 'requires',
          when: { fact: 'custody_continuous' },
          unknown_means: 'conditional',
          says: { holds: 'm' },
          citations: ['Z'],
          legal_status: 'in_force',
          certainty: 'verified',
        },
      ],
    });
    const s = prepareSubject({ ...base, custody: {} }, '2026-07-01');
    expect(evaluatePathway(p, s, RULE_BOOK.facts).status).toBe('conditional');
  });
});
