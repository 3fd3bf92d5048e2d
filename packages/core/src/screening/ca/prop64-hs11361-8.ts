import type { PathwayDefinition } from '../rule-types.js';

const CITE = 'HS 11361.8 (Prop 64)';
const base = { legal_status: 'in_force', certainty: 'verified' } as const;
const SERVING_UNKNOWN = 'Whether the cannabis sentence has been completed is unknown (petition or application)';
const OFFENSE = { fact: 'prop64.offense' } as const;

/**
 * Proposition 64, Health and Safety Code 11361.8: convictions under H&S 11357-11360. Someone serving
 * petitions for recall, dismissal or resentencing; someone who completed the sentence applies to
 * dismiss and seal or redesignate. No filing deadline as we read it (uncertain), and the Department of
 * Justice reviewed records automatically (HS 11361.9), so relief may already have been granted.
 */
export const PROP64_HS11361_8: PathwayDefinition = {
  id: 'CA_PROP64_HS11361_8',
  jurisdiction: 'CA',
  title: 'Proposition 64 cannabis relief (HS 11361.8)',
  matter_type: 'resentencing',
  kind: 'statutory',
  authority: { citations: [CITE], effective_from: '2016-11-09', legal_status: 'in_force' },
  rules: [
    {
      ...base,
      id: 'P64-OFF',
      role: 'requires',
      when: OFFENSE,
      says: {
        holds: 'A conviction under H&S 11357-11360',
        fails: 'No conviction under H&S 11357-11360',
        unknown: 'Whether a conviction is a cannabis offence under H&S 11357-11360 is unknown',
      },
      citations: ['HS 11361.8(a)', 'HS 11361.8(e)'],
    },
    {
      ...base,
      id: 'P64-REL',
      role: 'requires',
      when: { fact: 'resentenced.prop64', is: false },
      says: { holds: 'No Prop 64 relief recorded', fails: 'Prop 64 relief is already recorded' },
      citations: [CITE, 'HS 11361.9'],
    },
    {
      ...base,
      id: 'P64-X',
      role: 'review_if',
      applies_if: OFFENSE,
      when: { any: [{ fact: 'prior.super_strike' }, { fact: 'prior.registrable' }] },
      says: {
        holds:
          'A super-strike or PC 290 prior: some cannabis counts stay felonies for such people (HS 11358-11360, unverified); read the record',
        unknown: 'Whether the person has a super-strike or PC 290 prior is unknown',
      },
      citations: ['HS 11358', 'HS 11359', 'HS 11360'],
      certainty: 'uncertain',
    },
    {
      ...base,
      id: 'P64-SERV',
      role: 'flag',
      applies_if: OFFENSE,
      when: { fact: 'prop64.serving' },
      says: {
        holds: 'Still serving: petition for recall, dismissal or resentencing; eligibility is presumed (HS 11361.8(b))',
        unknown: SERVING_UNKNOWN,
      },
      citations: ['HS 11361.8(a)-(b)'],
      certainty: 'secondary',
    },
    {
      ...base,
      id: 'P64-DONE',
      role: 'flag',
      applies_if: OFFENSE,
      when: { fact: 'prop64.serving', is: false },
      says: { holds: 'Sentence completed: application to dismiss and seal, or redesignate', unknown: SERVING_UNKNOWN },
      citations: ['HS 11361.8(e)-(f)'],
    },
    {
      ...base,
      id: 'P64-AUTO',
      role: 'flag',
      applies_if: OFFENSE,
      when: { as_of_on_or_after: '2019-07-01' },
      says: {
        holds:
          'The Department of Justice reviewed cannabis convictions automatically (HS 11361.9, from 2019-07-01): check whether the court already granted relief',
      },
      citations: ['HS 11361.9 (AB 1793, Stats. 2018, ch. 993; AB 1706, Stats. 2022)'],
    },
    {
      ...base,
      id: 'P64-DL',
      role: 'flag',
      applies_if: OFFENSE,
      when: { as_of_on_or_after: '2016-11-09' },
      says: { holds: 'No filing deadline (unverified)' },
      citations: [CITE],
      certainty: 'uncertain',
    },
  ],
};
