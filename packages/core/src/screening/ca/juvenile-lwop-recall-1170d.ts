import type { PathwayDefinition } from '../rule-types.js';

const CITE = 'PC 1170(d)(1) (former 1170(d)(2), SB 9, Stats. 2012, ch. 828)';
const base = { legal_status: 'in_force', certainty: 'memory' } as const;

/**
 * Juvenile LWOP recall petition, Penal Code 1170(d): someone sentenced to life without parole for an
 * offence committed under 18 may petition the sentencing court after 15 years of incarceration. The
 * court decides (`court_discretion`). The torture and public-safety-official bars apply only when
 * pleaded and proved, which a roster cannot show: they send the result to review, not to `excluded`.
 * As for PC 3051, age is read on the offence's last day and an offence spanning the 18th birthday is
 * sent to review.
 */
export const JUVENILE_LWOP_RECALL_1170D: PathwayDefinition = {
  id: 'CA_JUVENILE_LWOP_RECALL_1170D',
  jurisdiction: 'CA',
  title: 'Juvenile LWOP recall petition (PC 1170(d))',
  matter_type: 'resentencing',
  kind: 'court_discretion',
  authority: { citations: [CITE], effective_from: '2012-01-01', legal_status: 'in_force' },
  rules: [
    {
      ...base,
      id: 'JL-LWOP',
      role: 'requires',
      when: { fact: 'controlling.lwop' },
      says: {
        holds: 'Sentenced to life without parole',
        fails: 'Not sentenced to life without parole',
        unknown: 'Controlling sentence type unknown',
      },
      citations: [CITE],
    },
    {
      ...base,
      id: 'JL-AGE',
      role: 'requires',
      when: {
        any: [
          { number: 'controlling.age_at_offense_last_day', below: 18 },
          { number: 'controlling.age_at_offense_first_day', below: 18 },
        ],
      },
      says: {
        holds: 'Offence committed before age 18',
        fails: 'Offence committed at age 18 or older',
        unknown: 'Age at the offence unknown (date of birth or offence date missing)',
      },
      citations: [CITE],
    },
    {
      ...base,
      id: 'JL-AGE-SPAN',
      role: 'review_if',
      when: {
        all: [
          { number: 'controlling.age_at_offense_first_day', below: 18 },
          { number: 'controlling.age_at_offense_last_day', at_least: 18 },
        ],
      },
      says: { holds: 'The offence began before age 18 and ended after it: read the record' },
      citations: [CITE],
    },
    {
      ...base,
      id: 'JL-TIME',
      role: 'requires',
      from: { add: { fact: 'custody_start' }, years: 15 },
      says: {
        holds: '15 years of incarceration reached {date}',
        pending: '15 years of incarceration reached on {date}',
        unknown: 'Custody start unknown',
      },
      citations: [CITE],
    },
    {
      ...base,
      id: 'JL-BAR',
      role: 'review_if',
      when: { fact: 'controlling.torture_or_official_victim' },
      says: {
        holds:
          'Torture or a public-safety-official victim is recorded: the petition is barred if it was pleaded and proved (read the record)',
        unknown: 'Whether torture or a public-safety-official victim was pleaded and proved is unknown',
      },
      citations: ['PC 1170(d)(1)(A)(ii)'],
      certainty: 'uncertain',
    },
    {
      ...base,
      id: 'JL-INT',
      role: 'flag',
      when: { fact: 'custody_continuous', is: false },
      says: {
        holds: 'Custody was interrupted: 15 years counts from the current custody start; earlier periods may count',
      },
      citations: [CITE],
    },
    {
      ...base,
      id: 'JL-3051',
      role: 'flag',
      when: { all: [{ fact: 'controlling.lwop' }, { number: 'controlling.age_at_offense_last_day', below: 18 }] },
      says: { holds: 'Youth offender parole (PC 3051(b)(4)) also gives a hearing in the 25th year' },
      citations: ['PC 3051(b)(4)'],
      effective_from: '2018-01-01',
      certainty: 'secondary',
    },
  ],
};
