import type { PolicyOverlay } from '../rule-types.js';

const SOURCE =
  'redoio/resentencing_data_initiative, eligibility_model/code/scenarios/rules.py (MIT): r_1 age >= 50, r_2 sentenced >= 20 years, r_3 served >= 10 years, r_4/r_5 offences not in the county tables';
const base = { legal_status: 'in_force', certainty: 'secondary' } as const;

/**
 * An illustrative district attorney's criteria for recommending recall under PC 1172.1, in the style
 * of Redo.io's CDCR screening rules. It is a policy, not the law: it is reported beside the statutory
 * result and never changes it. The county's own offence tables are stood in for by the violent
 * (PC 667.5(c)) and serious (PC 1192.7(c)) felony lists.
 */
export const DA_RESENTENCING_OVERLAY: PolicyOverlay = {
  id: 'CA_DA_RESENTENCING_CRITERIA',
  title: "District attorney's resentencing criteria (illustrative, Redo.io style)",
  pathway: 'CA_RECALL_RESENTENCING_1172_1',
  source: SOURCE,
  rules: [
    {
      ...base,
      id: 'DA-AGE',
      role: 'requires',
      from: { add: { fact: 'dob' }, years: 50 },
      says: { holds: 'Age 50 reached {date}', pending: 'Age 50 reached on {date}', unknown: 'Age unknown' },
      citations: [SOURCE],
    },
    {
      ...base,
      id: 'DA-SENTENCE',
      role: 'requires',
      when: { number: 'controlling.sentence_years', at_least: 20 },
      says: {
        holds: 'Sentenced to 20 years or more',
        fails: 'Sentenced to less than 20 years',
        unknown: 'Length of the controlling sentence unknown',
      },
      citations: [SOURCE],
    },
    {
      ...base,
      id: 'DA-SERVED',
      role: 'requires',
      from: { add: { fact: 'custody_start' }, years: 10 },
      says: { holds: '10 years served {date}', pending: '10 years served on {date}', unknown: 'Custody start unknown' },
      citations: [SOURCE],
    },
    {
      ...base,
      id: 'DA-OFFENSE',
      role: 'excludes',
      when: { fact: 'any.violent_or_serious' },
      says: {
        holds: 'A current offence is violent (PC 667.5(c)) or serious (PC 1192.7(c))',
        unknown: 'Whether a current offence is violent or serious is unknown',
      },
      citations: [SOURCE, 'PC 667.5(c)', 'PC 1192.7(c)'],
    },
  ],
};
