import type { Condition, PathwayDefinition } from '../rule-types.js';

const CITE = 'PC 3550';
const base = { legal_status: 'in_force', certainty: 'verified' } as const;

const MEDICAL: Condition = {
  all: [
    { fact: 'medical.permanent_incapacity' },
    { fact: 'medical.requires_24_hour_care' },
    { fact: 'medical.incapacity_at_sentencing', is: false },
  ],
};
const MEDICAL_UNKNOWN = 'Medical condition not in the record: a referral can be requested (15 CCR 3359.1)';

/**
 * Medical parole, Penal Code 3550: the head physician finds permanent medical incapacity needing
 * 24-hour care that did not exist at sentencing, and the Board finds release would not reasonably
 * threaten public safety. Neither finding is in a record, so an open result is `conditional`.
 */
export const MEDICAL_PAROLE_3550: PathwayDefinition = {
  id: 'CA_MEDICAL_PAROLE_3550',
  jurisdiction: 'CA',
  title: 'Medical parole (PC 3550)',
  matter_type: 'compassionate_release',
  kind: 'statutory',
  authority: {
    citations: [CITE, 'SB 1399 (Stats. 2010, ch. 405)'],
    effective_from: '2011-01-01',
    legal_status: 'in_force',
  },
  rules: [
    {
      ...base,
      id: 'MP-CUSTODY',
      role: 'requires',
      when: { fact: 'currently_incarcerated' },
      says: {
        holds: 'Currently incarcerated',
        fails: 'Not currently incarcerated',
        unknown: 'Whether currently incarcerated is unknown',
      },
      citations: ['PC 3550(a)'],
    },
    {
      ...base,
      id: 'MP-MED',
      role: 'requires',
      when: MEDICAL,
      unknown_means: 'conditional',
      says: {
        holds: 'Permanent medical incapacity needing 24-hour care, arising after sentencing, is recorded',
        fails: 'No permanent incapacity needing 24-hour care that arose after sentencing',
        unknown: MEDICAL_UNKNOWN,
      },
      citations: ['PC 3550(a)'],
    },
    {
      ...base,
      id: 'MP-DET',
      role: 'conditional_if',
      when: MEDICAL,
      unknown_means: 'conditional',
      says: {
        holds:
          "Needs the head physician's determination (referral within 30 working days) and the Board's finding that release would not reasonably threaten public safety",
        unknown: MEDICAL_UNKNOWN,
      },
      citations: ['PC 3550(a)', '15 CCR 3359.1'],
    },
    {
      ...base,
      id: 'MP-X-DL',
      role: 'excludes',
      when: { fact: 'any.death_or_lwop' },
      says: { holds: 'Excluded: sentenced to death or life without parole', unknown: 'Sentence type unknown' },
      citations: ['PC 3550(b)(1)'],
    },
    {
      ...base,
      id: 'MP-X-PO',
      role: 'excludes',
      when: { fact: 'any.first_degree_murder_of_peace_officer' },
      says: {
        holds: 'Excluded: first-degree murder of a peace officer',
        unknown: 'Whether a murder conviction was first degree with a peace-officer victim is unknown',
      },
      citations: ['PC 3550(b)(3)'],
    },
  ],
};
