import type { PathwayDefinition } from '../rule-types.js';

const CITE = 'PC 1172.75 (former 1171.1, SB 483, Stats. 2021, ch. 728)';
const base = { legal_status: 'in_force', certainty: 'memory' } as const;

/**
 * Invalid prison priors, Penal Code 1172.75: a PC 667.5(b) enhancement imposed before 2020-01-01 is
 * legally invalid unless the prior was a sexually violent offence, and the court must resentence. No
 * discretion on the gate, so `eligible` when the enhancement is there and no resentencing is recorded.
 * A sexually violent prior in the record is `not_eligible_likely`: the record rarely says which prior an
 * enhancement rests on.
 */
export const PRISON_PRIOR_RESENTENCING_1172_75: PathwayDefinition = {
  id: 'CA_PRISON_PRIOR_RESENTENCING_1172_75',
  jurisdiction: 'CA',
  title: 'Invalid prison-prior resentencing (PC 1172.75)',
  matter_type: 'resentencing',
  kind: 'statutory',
  authority: { citations: [CITE], effective_from: '2022-01-01', legal_status: 'in_force' },
  rules: [
    {
      ...base,
      id: 'PP-ENH',
      role: 'requires',
      when: {
        all: [
          { fact: 'enh.prison_prior_667_5b' },
          { date: { fact: 'enh.prison_prior_667_5b.sentenced_on' }, before: '2020-01-01' },
        ],
      },
      says: {
        holds: 'A PC 667.5(b) prison-prior enhancement was imposed before 2020-01-01',
        fails: 'No PC 667.5(b) prison-prior enhancement imposed before 2020-01-01',
        unknown: 'Enhancements or the date they were imposed unknown',
      },
      citations: ['PC 1172.75(a)', 'SB 136 (Stats. 2019, ch. 590)'],
    },
    {
      ...base,
      id: 'PP-SVP',
      role: 'likely_defeats',
      applies_if: { fact: 'enh.prison_prior_667_5b' },
      when: { fact: 'prison_prior.sexually_violent' },
      says: {
        holds:
          'A prior felony is a sexually violent offence (W&I 6600(b)): a prison prior resting on it stays valid (confirm which prior each enhancement rests on)',
        unknown: 'Prior felony convictions unknown: a prison prior for a sexually violent offence stays valid',
      },
      citations: ['PC 1172.75(a)', 'W&I 6600(b)'],
    },
    {
      ...base,
      id: 'PP-DONE',
      role: 'requires',
      when: { fact: 'resentenced.1172_75', is: false },
      says: {
        holds: 'No resentencing under PC 1172.75 recorded',
        fails: 'A resentencing under PC 1172.75 is already recorded',
      },
      citations: ['PC 1172.75(c)'],
    },
    {
      ...base,
      id: 'PP-SCHEDULE',
      role: 'flag',
      when: { as_of_on_or_after: '2024-01-01' },
      says: {
        holds:
          'The statutory schedule (CDCR identification in 2022, resentencing by 2023-12-31) has passed: ask the sentencing court to act (dates unverified)',
      },
      citations: ['PC 1172.75(b)-(c)'],
      certainty: 'uncertain',
    },
  ],
};
