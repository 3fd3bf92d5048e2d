import type { PathwayDefinition } from '../rule-types.js';

const CITE = 'PC 1172.6 (former 1170.95)';
const base = { legal_status: 'in_force', certainty: 'verified' } as const;
const SPECIAL_UNKNOWN = 'Special-circumstance finding or its date unknown';
const DATE_UNKNOWN = 'Conviction date or disposition of the homicide conviction unknown';
const THEORY_UNKNOWN =
  'Theory of liability unknown: read the record (jury instructions, verdict forms, plea transcript)';
const HOMICIDE = { fact: 'any.homicide_1172_6' } as const;

/**
 * Resentencing for felony murder and imputed malice, Penal Code 1172.6. No date: the court decides
 * whether the person could still be convicted under PC 188/189 as amended by SB 1437, so an open
 * result is `conditional`. An unknown theory of liability is `needs_record_review`; an actual-killer or
 * intent-to-kill finding, or a conviction after trial under the amended law (FM-DATE), is
 * `not_eligible_likely`; no homicide conviction is `not_eligible`.
 */
export const FELONY_MURDER_RESENTENCING_1172_6: PathwayDefinition = {
  id: 'CA_FELONY_MURDER_RESENTENCING_1172_6',
  jurisdiction: 'CA',
  title: 'Felony-murder and imputed-malice resentencing (PC 1172.6)',
  matter_type: 'resentencing',
  kind: 'court_discretion',
  authority: {
    citations: [CITE, 'SB 1437 (Stats. 2018, ch. 1015)'],
    effective_from: '2019-01-01',
    legal_status: 'in_force',
  },
  rules: [
    {
      ...base,
      id: 'FM-CONV',
      role: 'requires',
      when: { fact: 'any.murder' },
      says: {
        holds: 'Convicted of murder',
        fails: 'No murder conviction',
        unknown: 'Whether a conviction is murder is unknown',
      },
      citations: ['PC 1170.95(a) (SB 1437)'],
      effective_from: '2019-01-01',
      effective_to: '2021-12-31',
    },
    {
      ...base,
      id: 'FM-CONV',
      role: 'requires',
      when: HOMICIDE,
      says: {
        holds: 'Convicted of murder, attempted murder or manslaughter',
        fails: 'No murder, attempted murder or manslaughter conviction',
        unknown: 'Whether a conviction is a homicide offence is unknown',
      },
      citations: ['PC 1172.6(a) (SB 775, Stats. 2021, ch. 551)'],
      effective_from: '2022-01-01',
    },
    {
      ...base,
      id: 'FM-A1',
      role: 'requires',
      applies_if: HOMICIDE,
      when: { fact: 'homicide.charged_on_imputed_theory' },
      says: {
        holds: 'FM-A1: the charges allowed felony murder, natural and probable consequences or other imputed malice',
        fails: 'FM-A1: the charging document did not allow an imputed-malice theory',
        unknown: 'FM-A1 open: whether the charges allowed an imputed-malice theory is unknown',
      },
      citations: ['PC 1172.6(a)(1)'],
    },
    {
      ...base,
      id: 'FM-A3',
      role: 'conditional_if',
      applies_if: HOMICIDE,
      when: { fact: 'homicide.relief_theory' },
      says: {
        holds:
          'FM-A3 for the court: convicted on an imputed-malice theory with no actual-killer or intent-to-kill finding; whether the person could still be convicted under PC 188/189 as amended is decided at the prima facie stage and hearing',
        unknown: THEORY_UNKNOWN,
      },
      citations: ['PC 1172.6(a)(3)', 'PC 188', 'PC 189(e)'],
    },
    {
      ...base,
      id: 'FM-BAR-KILLER',
      role: 'likely_defeats',
      applies_if: HOMICIDE,
      when: { fact: 'homicide.relief_theory', is: false },
      says: {
        holds:
          'The record shows the person as the actual killer, a direct aider and abettor, or with intent to kill: relief usually fails (a lawyer should confirm)',
        unknown: THEORY_UNKNOWN,
      },
      citations: ['PC 189(e)(1)-(2)', 'PC 1172.6(a)(3)'],
    },
    {
      ...base,
      id: 'FM-BAR-PO',
      role: 'likely_defeats',
      applies_if: HOMICIDE,
      when: { fact: 'homicide.peace_officer_victim' },
      says: {
        holds:
          'The victim was a peace officer on duty and the defendant knew or should have known: felony murder still applies',
        unknown: 'Whether the victim was a peace officer on duty is unknown',
      },
      citations: ['PC 189(f)'],
    },
    {
      ...base,
      id: 'FM-DATE',
      role: 'likely_defeats',
      applies_if: HOMICIDE,
      when: {
        all: [
          { date: { fact: 'homicide.earliest_conviction_date' }, on_or_after: '2019-01-01' },
          { fact: 'homicide.any_plea', is: false },
        ],
      },
      says: {
        holds:
          'Convicted after trial on or after 2019-01-01, so usually under the amended law: relief only if tried on outdated instructions (screening heuristic)',
        unknown: DATE_UNKNOWN,
      },
      citations: ['SB 1437 (Stats. 2018, ch. 1015)', 'PC 1172.6(a)(2)'],
      certainty: 'uncertain',
    },
    {
      ...base,
      id: 'FM-BAR-MP',
      role: 'likely_defeats',
      applies_if: { fact: 'homicide.special_circumstance_finding' },
      when: { date: { fact: 'homicide.special_circumstance_found_on' }, on_or_after: '2016-06-27' },
      says: {
        holds:
          'A special-circumstance finding made after People v. Clark (2016): major participant with reckless indifference usually bars relief',
        unknown: SPECIAL_UNKNOWN,
      },
      citations: ['PC 189(e)(3)', 'People v. Strong (2022) 13 Cal.5th 698', 'People v. Clark (2016) 63 Cal.4th 522'],
      certainty: 'uncertain',
    },
    {
      ...base,
      id: 'FM-STRONG',
      role: 'flag',
      applies_if: { fact: 'homicide.special_circumstance_finding' },
      when: { date: { fact: 'homicide.special_circumstance_found_on' }, before: '2016-06-27' },
      says: {
        holds:
          'A special-circumstance finding made before People v. Banks (2015) and Clark (2016) does not bar relief at the prima facie stage',
        unknown: SPECIAL_UNKNOWN,
      },
      citations: ['People v. Strong (2022) 13 Cal.5th 698'],
      certainty: 'uncertain',
    },
    {
      ...base,
      id: 'FM-A2-PLEA',
      role: 'flag',
      when: { fact: 'homicide.any_plea' },
      says: {
        holds:
          'FM-A2: convicted by plea; the plea must have been accepted in lieu of a trial at which murder was possible',
        unknown: DATE_UNKNOWN,
      },
      citations: ['PC 1172.6(a)(2)'],
    },
    {
      ...base,
      id: 'FM-PRIOR',
      role: 'flag',
      when: { fact: 'homicide.prior_petition' },
      says: { holds: 'A prior petition is recorded: a new one needs a change in law or facts since' },
      citations: [CITE],
      certainty: 'memory',
    },
  ],
};
