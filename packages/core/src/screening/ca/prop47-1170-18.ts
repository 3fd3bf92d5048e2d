import type { PathwayDefinition } from '../rule-types.js';

const CITE = 'PC 1170.18 (Prop 47)';
const OFFENSE = { fact: 'prop47.offense' } as const;
const base = { legal_status: 'in_force', certainty: 'verified' } as const;
const SERVING_UNKNOWN = 'Whether the Prop 47 sentence has been completed is unknown (petition or application)';

/**
 * Proposition 47, Penal Code 1170.18: a felony conviction for an offence Prop 47 made a misdemeanour.
 * Someone serving the sentence petitions for recall and resentencing; someone who completed it applies
 * to redesignate. Filing after the deadline (2022-11-04) needs good cause: `conditional`.
 */
export const PROP47_1170_18: PathwayDefinition = {
  id: 'CA_PROP47_1170_18',
  jurisdiction: 'CA',
  title: 'Proposition 47 resentencing or redesignation (PC 1170.18)',
  matter_type: 'resentencing',
  kind: 'statutory',
  authority: { citations: [CITE], effective_from: '2014-11-05', legal_status: 'in_force' },
  rules: [
    {
      ...base,
      id: 'P47-OFF',
      role: 'requires',
      when: { fact: 'prop47.offense' },
      says: {
        holds: 'A felony conviction for an offence Prop 47 made a misdemeanour',
        fails: 'No felony conviction for a Prop 47 offence',
        unknown: 'Whether a conviction is a Prop 47 offence (and a felony) is unknown',
      },
      citations: ['PC 1170.18(a)'],
      certainty: 'memory',
    },
    {
      ...base,
      id: 'P47-REL',
      role: 'requires',
      when: { fact: 'resentenced.prop47', is: false },
      says: { holds: 'No Prop 47 relief recorded', fails: 'Prop 47 relief is already recorded' },
      citations: [CITE],
    },
    {
      ...base,
      id: 'P47-X-SS',
      role: 'excludes',
      applies_if: OFFENSE,
      when: { fact: 'prior.super_strike' },
      says: {
        holds: 'Excluded: a super-strike conviction (PC 667(e)(2)(C)(iv))',
        unknown: 'Whether the person has a super-strike conviction is unknown',
      },
      citations: ['PC 1170.18(i)', 'People v. Walker'],
    },
    {
      ...base,
      id: 'P47-X-290',
      role: 'excludes',
      applies_if: OFFENSE,
      when: { fact: 'prior.registrable' },
      says: {
        holds: 'Excluded: a conviction requiring PC 290(c) registration',
        unknown: 'Whether the person has a PC 290(c) registrable conviction is unknown',
      },
      citations: ['PC 1170.18(i)'],
    },
    {
      ...base,
      id: 'P47-DL',
      role: 'date',
      applies_if: OFFENSE,
      date_key: 'deadline',
      from: { on: '2017-11-04' },
      says: { holds: 'Filing deadline {date}' },
      citations: ['PC 1170.18(j) (Prop 47 as enacted)'],
      effective_to: '2016-12-31',
      certainty: 'secondary',
    },
    {
      ...base,
      id: 'P47-DL',
      role: 'date',
      applies_if: OFFENSE,
      date_key: 'deadline',
      from: { on: '2022-11-04' },
      says: { holds: 'Filing deadline {date}' },
      citations: ['PC 1170.18(j) (AB 1793, Stats. 2016, ch. 767)'],
      effective_from: '2017-01-01',
      certainty: 'secondary',
    },
    {
      ...base,
      id: 'P47-LATE',
      role: 'conditional_if',
      when: { all: [OFFENSE, { as_of_on_or_after: '2022-11-05' }] },
      says: { holds: 'The filing deadline 2022-11-04 has passed: a late filing needs a showing of good cause' },
      citations: ['PC 1170.18(j)'],
      certainty: 'secondary',
    },
    {
      ...base,
      id: 'P47-GC',
      role: 'flag',
      when: { all: [OFFENSE, { as_of_on_or_after: '2022-11-05' }] },
      says: { holds: 'good_cause_required: file with a showing of good cause (PC 1170.18(j))' },
      citations: ['PC 1170.18(j)'],
      certainty: 'secondary',
    },
    {
      ...base,
      id: 'P47-SERV',
      role: 'flag',
      applies_if: OFFENSE,
      when: { fact: 'prop47.serving' },
      says: {
        holds:
          'Still serving: petition for recall and resentencing; the court may refuse for an unreasonable risk of danger (PC 1170.18(c))',
        unknown: SERVING_UNKNOWN,
      },
      citations: ['PC 1170.18(a)-(c)'],
    },
    {
      ...base,
      id: 'P47-DONE',
      role: 'flag',
      applies_if: OFFENSE,
      when: { fact: 'prop47.serving', is: false },
      says: {
        holds: 'Sentence completed: application to redesignate the felony as a misdemeanour',
        unknown: SERVING_UNKNOWN,
      },
      citations: ['PC 1170.18(f)-(g)'],
    },
  ],
};
