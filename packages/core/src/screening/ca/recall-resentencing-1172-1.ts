import type { CalendarDate } from '../../case-file/calendar-date.js';
import type { PathwayDefinition, Rule } from '../rule-types.js';

const CITE = 'PC 1172.1(a)(1)';
const NO_REFERRAL =
  'No recommendation recorded: a defendant cannot petition (PC 1172.1(c)); ask CDCR, BPH, the district attorney or the Attorney General to recommend recall';
const base = { legal_status: 'in_force', certainty: 'verified' } as const;

/**
 * Changes in sentencing law that give the court a basis to recall on its own motion at any time
 * (AB 600, from 2024-01-01) when the enhancement was imposed before the change. Kept as data; the
 * dates and bills are from memory (relief-rules.md 1.4) and marked so.
 */
const CHANGES: { id: string; fact: string; before: CalendarDate; change: string }[] = [
  {
    id: 'RR-LAW-620',
    fact: 'enh.firearm_12022_5_53',
    before: '2018-01-01',
    change: 'SB 620 (firearm enhancements may be stricken)',
  },
  {
    id: 'RR-LAW-1393',
    fact: 'enh.serious_prior_667a',
    before: '2019-01-01',
    change: 'SB 1393 (PC 667(a) may be stricken)',
  },
  { id: 'RR-LAW-136', fact: 'enh.prison_prior_667_5b', before: '2020-01-01', change: 'SB 136 (PC 667.5(b) limited)' },
  { id: 'RR-LAW-81', fact: 'enh.any', before: '2022-01-01', change: 'SB 81 (PC 1385(c) dismissal factors)' },
];

const changedLaw = ({ id, fact, before, change }: (typeof CHANGES)[number]): Rule => ({
  ...base,
  id,
  role: 'date',
  date_key: 'changed_law_basis_from',
  applies_if: { fact },
  when: { date: { fact: `${fact}.sentenced_on` }, before },
  from: { on: '2024-01-01' },
  says: {
    holds: `Changed-law basis: enhancement imposed before ${change}, effective ${before}; the court may recall on its own motion from {date} (AB 600)`,
    unknown: 'Enhancements or their sentencing date unknown',
  },
  citations: [CITE, 'AB 600 (Stats. 2023, ch. 446)'],
  certainty: 'memory',
});

/**
 * Recall and resentencing, Penal Code 1172.1: on the court's own motion within 120 days of commitment,
 * at any time on a change in the law, or at any time on a recommendation by CDCR, BPH, the district
 * attorney or the Attorney General. The defendant cannot petition. Always a court's discretion.
 */
export const RECALL_RESENTENCING_1172_1: PathwayDefinition = {
  id: 'CA_RECALL_RESENTENCING_1172_1',
  jurisdiction: 'CA',
  title: 'Recall and resentencing (PC 1172.1)',
  matter_type: 'resentencing',
  kind: 'court_discretion',
  authority: {
    citations: ['PC 1172.1 (former 1170(d)(1), 1170.03)'],
    effective_from: '2022-01-01',
    legal_status: 'in_force',
    not_in_force_says: 'Before 2022 the route was former PC 1170(d)(1), not encoded here',
  },
  rules: [
    {
      ...base,
      id: 'RR-CUSTODY',
      role: 'requires',
      when: { fact: 'serving_sentence' },
      says: {
        holds: 'Serving the sentence to be recalled',
        fails: 'The sentence has been completed',
        unknown: 'Whether the person is still serving the sentence is unknown',
      },
      citations: [CITE],
    },
    {
      ...base,
      id: 'RR-120',
      role: 'date',
      date_key: 'own_motion_window_closes',
      from: { add: { fact: 'controlling.sentencing_date' }, days: 120 },
      says: {
        holds: "The court's own-motion window closes {date} (120 days from commitment)",
        unknown: 'Commitment date unknown',
      },
      citations: [CITE],
    },
    {
      ...base,
      id: 'RR-120-OPEN',
      role: 'flag',
      when: { not: { reached: { add: { fact: 'controlling.sentencing_date' }, days: 121 } } },
      says: { holds: "Within the court's 120-day own-motion window", unknown: 'Commitment date unknown' },
      citations: [CITE],
    },
    ...CHANGES.map(changedLaw),
    {
      ...base,
      id: 'RR-REF',
      role: 'conditional_if',
      when: { fact: 'referral.present' },
      unknown_means: 'conditional',
      says: {
        holds: 'A recommendation for recall is recorded',
        unknown: NO_REFERRAL,
      },
      citations: [CITE, 'PC 1172.1(c)'],
    },
    {
      ...base,
      id: 'RR-PRES',
      role: 'flag',
      when: { fact: 'referral.present' },
      says: {
        holds:
          'Presumption favouring recall, overcome only by an unreasonable risk of danger (PC 1170.18(c)); status conference within 30 days and appointed counsel',
        unknown: NO_REFERRAL,
      },
      citations: ['PC 1172.1(b)'],
      certainty: 'secondary',
    },
  ],
};
