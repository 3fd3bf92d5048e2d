import type { Condition, PathwayDefinition } from '../rule-types.js';

const CITE = 'PC 1172.2 (AB 960, Stats. 2022, ch. 744)';
const base = { legal_status: 'in_force', certainty: 'verified' } as const;

const MEDICAL: Condition = {
  any: [
    { fact: 'medical.end_of_life' },
    { all: [{ fact: 'medical.permanent_incapacity' }, { fact: 'medical.incapacity_at_sentencing', is: false }] },
  ],
};

/**
 * California compassionate release, Penal Code 1172.2 (since 2023-01-01): a medical determination by
 * the statewide chief medical executive, then CDCR recommends and the court decides with a presumption
 * for release. The record cannot hold that determination, so an open result is `conditional`; missing
 * medical facts are `conditional` too. Whether LWOP and death stay excluded is unverified: review.
 */
export const COMPASSIONATE_RELEASE_1172_2: PathwayDefinition = {
  id: 'CA_COMPASSIONATE_RELEASE_1172_2',
  jurisdiction: 'CA',
  title: 'Compassionate release (PC 1172.2)',
  matter_type: 'compassionate_release',
  kind: 'statutory',
  authority: {
    citations: [CITE],
    effective_from: '2023-01-01',
    legal_status: 'in_force',
    not_in_force_says: 'Before 2023-01-01 the route was former PC 1170(e), not encoded here',
  },
  rules: [
    {
      ...base,
      id: 'CR-CUSTODY',
      role: 'requires',
      when: { fact: 'currently_incarcerated' },
      says: {
        holds: 'Currently incarcerated',
        fails: 'Not currently incarcerated',
        unknown: 'Whether currently incarcerated is unknown',
      },
      citations: ['PC 1172.2(a)'],
    },
    {
      ...base,
      id: 'CR-MED',
      role: 'requires',
      when: MEDICAL,
      unknown_means: 'conditional',
      says: {
        holds:
          'A qualifying medical condition is recorded (end-of-life illness, or permanent incapacity arising after sentencing)',
        fails:
          'No qualifying medical condition: neither an end-of-life illness nor a permanent incapacity arising after sentencing',
        unknown:
          'Medical condition not in the record: an evaluation can be requested by the person, family or an attorney',
      },
      citations: ['PC 1172.2(b)(1)', 'PC 1172.2(b)(2)'],
    },
    {
      ...base,
      id: 'CR-CME',
      role: 'conditional_if',
      when: MEDICAL,
      unknown_means: 'conditional',
      says: {
        holds:
          "Needs the statewide chief medical executive's determination; CDCR then recommends recall and the court decides (presumption for recall unless an unreasonable risk of danger; hearing within 10 days)",
        unknown:
          'Medical condition not in the record: an evaluation can be requested by the person, family or an attorney',
      },
      citations: ['PC 1172.2(a)', 'PC 1172.2(b)', 'PC 1172.2(c)'],
    },
    {
      ...base,
      id: 'CR-X-PO',
      role: 'excludes',
      when: { fact: 'any.first_degree_murder_of_peace_officer' },
      says: {
        holds: 'Excluded: first-degree murder of a peace officer',
        unknown: 'Whether a murder conviction was first degree with a peace-officer victim is unknown',
      },
      citations: ['PC 1170.02'],
    },
    {
      ...base,
      id: 'CR-X-LWOP',
      role: 'review_if',
      when: { fact: 'any.death_or_lwop' },
      says: {
        holds:
          'Sentenced to death or LWOP: former PC 1170(e) excluded these; whether PC 1172.2 still does is unverified',
        unknown: 'Sentence type unknown',
      },
      citations: ['former PC 1170(e)(2)(C)'],
      certainty: 'uncertain',
    },
  ],
};
