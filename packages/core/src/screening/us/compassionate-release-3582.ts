import type { DateFormula, PathwayDefinition, Rule } from '../rule-types.js';

const STATUTE = '18 U.S.C. 3582(c)(1)(A)';
const AMENDMENT_814 = 'USSG 1B1.13 (Amendment 814, eff. 2023-11-01)';
const RUTHERFORD = 'Rutherford v. United States, No. 24-820 (U.S. 2026-05-28)';

const custody = { fact: 'custody_start' };
const wardenPlus30: DateFormula = { add: { fact: 'us.bop.warden_received' }, days: 30 };
const WARDEN = { fact: 'us.bop.warden_received_known' };
const APPEALS = { fact: 'us.bop.appeals_exhausted_known' };

/** A requires rule of one ground ("any of these grounds", see grounds.ts). */
const ground = (g: string, rule: Omit<Rule, 'role' | 'ground' | 'legal_status'>): Rule => ({
  role: 'requires',
  ground: g,
  legal_status: 'in_force',
  ...rule,
});

/** The motion may be filed once appeals are exhausted or 30 days after the warden's receipt, whichever is earlier. */
const filingDate = (
  applies_if: Rule['applies_if'],
  from: DateFormula,
  holds: string,
): Omit<Rule, 'id' | 'role' | 'legal_status' | 'certainty' | 'citations'> => ({
  applies_if,
  from,
  date_key: 'court_filing_from',
  says: { holds },
  effective_from: '2018-12-21',
});

/**
 * Federal compassionate release, 18 U.S.C. 3582(c)(1)(A) and USSG 1B1.13. The court decides
 * ("extraordinary and compelling reasons", 3553(a)), so an open result is `conditional`. The pathway
 * opens on any one ground: (b)(1)(A) terminal illness, (b)(1)(B) diminished self-care, (b)(2) age 65
 * with aging deterioration and the lesser of 10 years or 75% of the term served, (c)(1)(A)(ii) age 70
 * with 30 years on a 3559(c) sentence, or (b)(3)-(5) family, abuse or other reasons the record cannot
 * hold. eligible_from is the earliest date any ground's computable gates hold. (b)(6) "unusually long
 * sentence" is reported as a flag only: Rutherford (2026) invalidated it in part.
 */
export const COMPASSIONATE_RELEASE_3582: PathwayDefinition = {
  id: 'US_COMPASSIONATE_RELEASE_3582C1A',
  jurisdiction: 'US',
  title: 'Federal compassionate release (18 U.S.C. 3582(c)(1)(A))',
  matter_type: 'compassionate_release',
  kind: 'court_discretion',
  authority: { citations: [STATUTE, 'USSG 1B1.13'], legal_status: 'in_force' },
  rules: [
    {
      id: 'FC-CUSTODY',
      role: 'requires',
      when: { fact: 'currently_incarcerated' },
      says: {
        holds: 'Serving a term of imprisonment',
        fails: 'Not serving a term of imprisonment: nothing for 3582(c)(1)(A) to reduce',
        unknown: 'Whether the person is in custody is unknown',
      },
      citations: [STATUTE],
      legal_status: 'in_force',
      certainty: 'verified',
    },
    ground('FC-B1A', {
      id: 'FC-B1A',
      when: { fact: 'us.medical.terminal' },
      unknown_means: 'conditional',
      says: {
        holds: 'Terminal illness on record (serious and advanced, end-of-life trajectory)',
        fails: 'No terminal illness on record',
        unknown: 'Terminal illness (1B1.13(b)(1)(A)) needs a medical determination',
      },
      citations: ['USSG 1B1.13(b)(1)(A)'],
      certainty: 'verified',
    }),
    ground('FC-B1B', {
      id: 'FC-B1B',
      when: { fact: 'us.medical.self_care_diminished' },
      unknown_means: 'conditional',
      says: {
        holds: 'Condition substantially diminishing self-care in prison on record',
        fails: 'No condition diminishing self-care on record',
        unknown: 'A condition diminishing self-care (1B1.13(b)(1)(B)) needs a medical determination',
      },
      citations: ['USSG 1B1.13(b)(1)(B)'],
      certainty: 'verified',
    }),
    ground('FC-B2', {
      id: 'FC-B2-AGE',
      from: { add: { fact: 'dob' }, years: 65 },
      says: { holds: 'Age 65 reached {date}', pending: 'Age 65 reached on {date}', unknown: 'Date of birth unknown' },
      citations: ['USSG 1B1.13(b)(2)'],
      certainty: 'memory',
    }),
    ground('FC-B2', {
      id: 'FC-B2-TIME',
      applies_if: { not: { fact: 'us.life_term' } },
      from: {
        min: [
          { add: custody, years: 10 },
          { add_fraction_of: 'controlling.term_months', base: custody, fraction: 0.75 },
        ],
      },
      says: {
        holds: 'The lesser of 10 years or 75% of the term served {date}',
        pending: 'The lesser of 10 years or 75% of the term served on {date}',
        unknown: 'Custody start, term imposed or whether it is a life term is unknown',
      },
      citations: ['USSG 1B1.13(b)(2)'],
      certainty: 'memory',
    }),
    ground('FC-B2', {
      id: 'FC-B2-TIME',
      applies_if: { fact: 'us.life_term' },
      from: { add: custody, years: 10 },
      says: {
        holds: '10 years of a life term served {date}',
        pending: '10 years of a life term served on {date}',
        unknown: 'Custody start unknown',
      },
      citations: ['USSG 1B1.13(b)(2)'],
      certainty: 'memory',
    }),
    ground('FC-B2', {
      id: 'FC-B2-DET',
      when: { fact: 'us.medical.aging_deterioration' },
      unknown_means: 'conditional',
      says: {
        holds: 'Serious deterioration in health because of aging on record',
        fails: 'The record says there is no serious aging-related deterioration',
        unknown: 'Aging-related serious deterioration (1B1.13(b)(2)) needs a medical determination',
      },
      citations: ['USSG 1B1.13(b)(2)'],
      certainty: 'memory',
    }),
    ground('FC-II', {
      id: 'FC-II-3559C',
      when: { fact: 'us.sentenced_under_3559c' },
      says: {
        holds: 'Serving a sentence imposed under 18 U.S.C. 3559(c)',
        fails: 'Not sentenced under 18 U.S.C. 3559(c)',
        unknown: 'Whether the life sentence was imposed under 18 U.S.C. 3559(c) is unknown',
      },
      citations: ['18 U.S.C. 3582(c)(1)(A)(ii)'],
      certainty: 'verified',
    }),
    ground('FC-II', {
      id: 'FC-II-AGE',
      from: { add: { fact: 'dob' }, years: 70 },
      says: { holds: 'Age 70 reached {date}', pending: 'Age 70 reached on {date}', unknown: 'Date of birth unknown' },
      citations: ['18 U.S.C. 3582(c)(1)(A)(ii)'],
      certainty: 'verified',
    }),
    ground('FC-II', {
      id: 'FC-II-TIME',
      from: { add: custody, years: 30 },
      says: { holds: '30 years served {date}', pending: '30 years served on {date}', unknown: 'Custody start unknown' },
      citations: ['18 U.S.C. 3582(c)(1)(A)(ii)'],
      certainty: 'verified',
    }),
    ground('FC-II', {
      id: 'FC-II-BOP',
      when: { fact: 'us.bop_no_danger_determination' },
      unknown_means: 'conditional',
      says: {
        holds: 'BOP Director determined the defendant is not a danger',
        unknown: '3582(c)(1)(A)(ii) also needs the BOP Director to determine the defendant is not a danger (3142(g))',
      },
      citations: ['18 U.S.C. 3582(c)(1)(A)(ii)', '18 U.S.C. 3142(g)'],
      certainty: 'verified',
    }),
    ground('FC-B3-5', {
      id: 'FC-B3-5',
      when: { fact: 'us.family_abuse_or_other_reasons' },
      unknown_means: 'conditional',
      says: {
        holds: 'Family circumstances, abuse in custody or other reasons on record',
        unknown:
          'Family circumstances, abuse in custody or other reasons (1B1.13(b)(3)-(5)) cannot be read from the record',
      },
      citations: ['USSG 1B1.13(b)(3)', 'USSG 1B1.13(b)(4)', 'USSG 1B1.13(b)(5)'],
      certainty: 'memory',
    }),
    {
      id: 'FC-B2-LIFE',
      role: 'flag',
      when: { fact: 'us.life_term' },
      says: {
        holds: '75% of a life term is undefined: 10 years served was used for 1B1.13(b)(2)',
        unknown: 'Custody start, term imposed or whether it is a life term is unknown',
      },
      citations: ['USSG 1B1.13(b)(2)'],
      legal_status: 'in_force',
      certainty: 'uncertain',
    },
    {
      id: 'FC-EXH',
      role: 'date',
      ...filingDate(
        { all: [WARDEN, APPEALS] },
        { min: [{ fact: 'us.bop.appeals_exhausted' }, wardenPlus30] },
        'A court motion may be filed from {date} (appeals exhausted or 30 days after receipt, whichever is earlier)',
      ),
      citations: [STATUTE],
      legal_status: 'in_force',
      certainty: 'verified',
    },
    {
      id: 'FC-EXH',
      role: 'date',
      ...filingDate({ all: [WARDEN, { not: APPEALS }] }, wardenPlus30, 'A court motion may be filed from {date}'),
      citations: [STATUTE],
      legal_status: 'in_force',
      certainty: 'verified',
    },
    {
      id: 'FC-EXH',
      role: 'date',
      ...filingDate(
        { all: [{ not: WARDEN }, APPEALS] },
        { fact: 'us.bop.appeals_exhausted' },
        'A court motion may be filed from {date}',
      ),
      citations: [STATUTE],
      legal_status: 'in_force',
      certainty: 'verified',
    },
    {
      id: 'FC-EXH-ASSUMED',
      role: 'flag',
      when: { all: [WARDEN, { not: APPEALS }] },
      says: {
        holds:
          'Date BOP appeals were exhausted not on record: the filing date is 30 days after the warden received the request, which the statute always allows ("whichever is earlier")',
      },
      citations: [STATUTE],
      effective_from: '2018-12-21',
      legal_status: 'in_force',
      certainty: 'verified',
    },
    {
      id: 'FC-EXH-ASSUMED',
      role: 'flag',
      when: { all: [{ not: WARDEN }, APPEALS] },
      says: {
        holds: 'Date the warden received the request not on record: the filing date is when appeals were exhausted',
      },
      citations: [STATUTE],
      effective_from: '2018-12-21',
      legal_status: 'in_force',
      certainty: 'verified',
    },
    {
      id: 'FC-EXH-NONE',
      role: 'flag',
      when: { all: [{ not: WARDEN }, { not: APPEALS }] },
      says: {
        holds: 'No request to the warden on record: ask the warden first; a motion may be filed 30 days after receipt',
      },
      citations: [STATUTE],
      effective_from: '2018-12-21',
      legal_status: 'in_force',
      certainty: 'verified',
    },
    {
      id: 'FC-B6',
      role: 'flag',
      when: { reached: { add: custody, years: 10 } },
      from: { add: custody, years: 10 },
      says: {
        holds:
          '10 years served {date}: 1B1.13(b)(6) "unusually long sentence" may be argued with a change in law producing a gross disparity; its validity is contested in the circuits',
        unknown: 'Custody start unknown',
      },
      citations: [AMENDMENT_814],
      effective_from: '2023-11-01',
      effective_to: '2026-05-27',
      legal_status: 'pending_case',
      certainty: 'secondary',
    },
    {
      id: 'FC-B6',
      role: 'flag',
      when: { reached: { add: custody, years: 10 } },
      from: { add: custody, years: 10 },
      says: {
        holds:
          '10 years served {date}, but 1B1.13(b)(6) "unusually long sentence" is not screened as a ground: Rutherford v. United States (2026-05-28) held non-retroactive changes in law cannot be extraordinary and compelling (read the slip opinion)',
        unknown: 'Custody start unknown',
      },
      citations: [AMENDMENT_814, RUTHERFORD],
      effective_from: '2026-05-28',
      legal_status: 'invalidated_in_part',
      certainty: 'uncertain',
    },
  ],
};
