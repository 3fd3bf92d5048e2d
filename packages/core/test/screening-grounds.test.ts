import { describe, expect, it } from 'vitest';
import { evaluatePathway, type PathwayDefinition, prepareSubject, RULE_BOOK, type Rule } from '../src/index.js';

/** Alternative grounds ("any of these", grounds.ts) on a synthetic pathway over common facts. */
const requires = (id: string, ground: string, extra: Partial<Rule>): Rule => ({
  id,
  role: 'requires',
  ground,
  says: { holds: `${id} {date}` },
  citations: ['X'],
  legal_status: 'in_force',
  certainty: 'verified',
  ...extra,
});

const pathway = (rules: Rule[]): PathwayDefinition => ({
  id: 'US_COMPASSIONATE_RELEASE_3582C1A',
  jurisdiction: 'US',
  title: 'grounds',
  matter_type: 'compassionate_release',
  kind: 'statutory',
  authority: { citations: ['A'], legal_status: 'in_force' },
  rules,
});

const subject = (custody: Record<string, unknown>) =>
  prepareSubject(
    {
      id: 'G',
      jurisdiction: 'US',
      person: { dob: '1960-01-01', currently_incarcerated: true },
      custody,
      convictions: [{ statute: '21 USC 841(a)(1)' }],
    },
    '2026-07-01',
  );

const age = (years: number, ground: string) =>
  requires(`AGE-${years}`, ground, { from: { add: { fact: 'dob' }, years } });
const served = (years: number, ground: string) =>
  requires(`TIME-${years}`, ground, { from: { add: { fact: 'custody_start' }, years } });
const continuous = (ground: string, unknown_means?: Rule['unknown_means']) =>
  requires(`CONT-${ground}`, ground, {
    when: { fact: 'custody_continuous' },
    ...(unknown_means ? { unknown_means } : {}),
  });

describe('alternative grounds', () => {
  it('takes the earliest open ground: within a ground the latest date, across grounds the earliest', () => {
    const p = pathway([age(65, 'A'), served(30, 'A'), age(70, 'B'), served(10, 'B')]);
    const r = evaluatePathway(p, subject({ custody_start: '2000-01-01' }), RULE_BOOK.facts);
    // A: max(2025-01-01, 2030-01-01) = 2030; B: max(2030-01-01, 2010-01-01) = 2030 → tie, rule order.
    expect(r).toMatchObject({ status: 'eligible_from', eligible_from: '2030-01-01', rule_ids: ['AGE-65', 'TIME-30'] });
    const later = evaluatePathway(p, subject({ custody_start: '2001-06-01' }), RULE_BOOK.facts);
    expect(later).toMatchObject({ eligible_from: '2030-01-01', rule_ids: ['AGE-70', 'TIME-10'] });
  });

  it('fails only when every ground fails', () => {
    const p = pathway([continuous('A'), served(10, 'A'), continuous('B'), age(65, 'B')]);
    const r = evaluatePathway(p, subject({ custody_start: '2000-01-01', continuous: false }), RULE_BOOK.facts);
    expect(r).toMatchObject({ status: 'not_eligible', eligible_from: null, rule_ids: ['CONT-A', 'CONT-B'] });
    const open = evaluatePathway(
      pathway([continuous('A'), age(65, 'B')]),
      subject({ continuous: false }),
      RULE_BOOK.facts,
    );
    expect(open).toMatchObject({ status: 'eligible', eligible_from: '2025-01-01', rule_ids: ['AGE-65'] });
  });

  it('needs record review when no ground is open and one lacks a fact the record can hold', () => {
    const p = pathway([continuous('A'), served(10, 'A'), continuous('B', 'conditional')]);
    const r = evaluatePathway(p, subject({ custody_start: '2000-01-01' }), RULE_BOOK.facts);
    expect(r).toMatchObject({ status: 'needs_record_review', missing_facts: ['custody.continuous'] });
  });

  it('is conditional when the only live ground waits on facts the record cannot hold', () => {
    // B is open (pending to 2040), so it gives the date; A's missing fact is still named, since it
    // could bring the date forward.
    const p = pathway([continuous('A', 'conditional'), age(65, 'B'), served(40, 'B')]);
    const r = evaluatePathway(p, subject({ custody_start: '2000-01-01' }), RULE_BOOK.facts);
    expect(r).toMatchObject({
      status: 'eligible_from',
      eligible_from: '2040-01-01',
      missing_facts: ['custody.continuous'],
    });
    const alone = evaluatePathway(pathway([continuous('A', 'conditional')]), subject({}), RULE_BOOK.facts);
    expect(alone).toMatchObject({ status: 'conditional', eligible_from: null, rule_ids: ['CONT-A'] });
  });

  it('leaves pathways without grounds as they were: every requires rule must hold', () => {
    const plain = pathway([age(65, 'A'), served(30, 'A')]).rules.map(({ ground: _g, ...r }) => r);
    const r = evaluatePathway(pathway(plain), subject({ custody_start: '2000-01-01' }), RULE_BOOK.facts);
    expect(r).toMatchObject({ status: 'eligible_from', eligible_from: '2030-01-01' });
  });
});
