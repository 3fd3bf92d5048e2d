import type { PathwayDefinition } from '../rule-types.js';

const ORDER = 'Coleman/Plata three-judge court order (E.D. Cal. / N.D. Cal., 2014-02-10)';

/**
 * Court-ordered elderly parole: age 60 and 25 years of continuous incarceration. It reaches people the
 * statute (PC 3055(g)) excludes for Three Strikes. Its own exclusions (LWOP, condemned) are assumed,
 * and whether the Board still applies it is unverified: the whole pathway is `uncertain`.
 */
export const ELDERLY_PAROLE_COURT_ORDERED: PathwayDefinition = {
  id: 'CA_ELDERLY_PAROLE_COURT_ORDERED',
  jurisdiction: 'CA',
  title: 'Court-ordered elderly parole (60 and 25 years)',
  matter_type: 'parole_hearing',
  kind: 'statutory',
  authority: { citations: [ORDER], effective_from: '2014-02-10', legal_status: 'in_force' },
  rules: [
    {
      id: 'EPC-AGE',
      role: 'requires',
      from: { add: { fact: 'dob' }, years: 60 },
      says: {
        holds: 'Age 60 reached {date}',
        pending: 'Age 60 reached on {date}',
        unknown: 'Age unknown: no date of birth',
      },
      citations: [ORDER, 'Legislative Counsel digest, AB 47 (2025)'],
      legal_status: 'in_force',
      certainty: 'uncertain',
    },
    {
      id: 'EPC-TIME',
      role: 'requires',
      when: { fact: 'custody_continuous' },
      from: { add: { fact: 'custody_start' }, years: 25 },
      says: {
        holds: '25 years of continuous incarceration reached {date}',
        pending: '25 years of continuous incarceration reached on {date}',
        fails: 'Custody on the current sentence was not continuous',
        unknown: 'Start or continuity of custody unknown',
      },
      citations: [ORDER],
      legal_status: 'in_force',
      certainty: 'uncertain',
    },
    {
      id: 'EPC-X-LWOP',
      role: 'excludes',
      when: { fact: 'any.death_or_lwop' },
      says: {
        holds: 'Excluded: sentenced to death or life without parole (assumed exclusion of the order, unverified)',
        unknown: 'Sentence type unknown',
      },
      citations: [ORDER],
      legal_status: 'in_force',
      certainty: 'uncertain',
    },
    {
      id: 'EPC-3S',
      role: 'flag',
      when: { fact: 'scheme.three_strikes' },
      says: { holds: 'Sentenced under Three Strikes: excluded from PC 3055, but the court order reaches this person' },
      citations: [ORDER, 'PC 3055(g)'],
      legal_status: 'in_force',
      certainty: 'secondary',
    },
    {
      id: 'EPC-VERIFY',
      role: 'flag',
      when: { as_of_on_or_after: '2014-02-10' },
      says: { holds: 'Unverified: confirm that the Board still applies the 2014 order and its exclusions' },
      citations: [ORDER],
      legal_status: 'in_force',
      certainty: 'uncertain',
    },
  ],
};
