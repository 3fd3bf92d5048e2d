import type { PathwayDefinition } from '../rule-types.js';
import { FSA_2010_CUTOFF } from './fsa-coverage.js';

const WIRSING = 'United States v. Wirsing, 943 F.3d 175 (4th Cir. 2019)';
const TERRY = 'Terry v. United States, 593 U.S. 486 (2021)';

/**
 * First Step Act of 2018 sec. 404: a court may impose a reduced sentence as if FSA 2010 secs. 2-3
 * had been in force, for a covered offense committed before 2010-08-03 (see fsa-coverage.ts for what
 * is covered). Nothing requires a court to reduce (404(c); Concepcion), so an open result is
 * `conditional`. The Dorsey window (offense before, sentencing on or after 2010-08-03) is read by a
 * lawyer: such a sentence should already have applied FSA 2010, which bars a motion.
 */
export const FSA_404: PathwayDefinition = {
  id: 'US_FSA_404',
  jurisdiction: 'US',
  title: 'First Step Act sec. 404 (retroactive Fair Sentencing Act)',
  matter_type: 'resentencing',
  kind: 'court_discretion',
  authority: {
    citations: [
      'First Step Act of 2018, Pub. L. 115-391, sec. 404',
      'Concepcion v. United States, 597 U.S. 481 (2022)',
    ],
    effective_from: '2018-12-21',
    legal_status: 'in_force',
    not_in_force_says: 'First Step Act sec. 404 motions are available from 2018-12-21',
  },
  rules: [
    {
      id: 'F404-SERVING',
      role: 'requires',
      when: { fact: 'us.still_serving' },
      says: {
        holds: 'Still serving the federal sentence',
        fails: 'The sentence has been completed: nothing left to reduce',
        unknown: 'Whether the sentence is still being served is unknown',
      },
      citations: ['First Step Act of 2018, sec. 404(b)'],
      legal_status: 'in_force',
      certainty: 'secondary',
    },
    {
      id: 'F404-X-C',
      role: 'requires',
      when: { not: { fact: 'us.fsa404.only_unmodified_tier' } },
      says: {
        holds: 'Not limited to 841(b)(1)(C) counts',
        fails: 'Convicted only under 21 U.S.C. 841(b)(1)(C) (or 960(b)(3)): not a covered offense (Terry)',
        unknown: 'Penalty subsection unknown: 841(b)(1)(C) counts are not covered (Terry)',
      },
      citations: [TERRY],
      legal_status: 'in_force',
      certainty: 'verified',
    },
    {
      id: 'F404-COV',
      role: 'requires',
      applies_if: { not: { fact: 'us.fsa404.only_unmodified_tier' } },
      when: { fact: 'us.fsa404.any_covered' },
      says: {
        holds: 'Covered offense: statutory penalties modified by FSA 2010 secs. 2-3 (cocaine base)',
        fails: 'No covered offense: no conviction whose penalties FSA 2010 modified',
        unknown:
          'Whether a conviction is a covered offense is unknown: the penalty subsection (841(b)(1)(A)/(B)/(C)) or the drug is missing',
      },
      citations: ['First Step Act of 2018, sec. 404(a)', WIRSING, TERRY],
      legal_status: 'in_force',
      certainty: 'verified',
    },
    {
      id: 'F404-DATE',
      role: 'requires',
      applies_if: { fact: 'us.fsa404.any_covered' },
      when: { date: { fact: 'us.fsa404.covered_offense_last_day' }, before: FSA_2010_CUTOFF },
      says: {
        holds: 'Covered offense committed before 2010-08-03',
        fails: 'Covered offense committed on or after 2010-08-03: FSA 2010 already governed it',
        unknown: 'Last day of the covered offense unknown (it must be before 2010-08-03)',
      },
      citations: ['First Step Act of 2018, sec. 404(a)'],
      legal_status: 'in_force',
      certainty: 'verified',
    },
    {
      id: 'F404-X-IMP',
      role: 'excludes',
      applies_if: { fact: 'us.fsa404.any_covered' },
      when: { fact: 'us.fsa404.fsa_applied_at_sentencing' },
      says: {
        holds: 'Barred: the sentence was imposed in accordance with FSA 2010 secs. 2-3 (404(c))',
        unknown: 'Whether the sentence was imposed in accordance with FSA 2010 is unknown',
      },
      citations: ['First Step Act of 2018, sec. 404(c)'],
      legal_status: 'in_force',
      certainty: 'secondary',
    },
    {
      id: 'F404-DORSEY',
      role: 'review_if',
      when: { fact: 'us.fsa404.unsettled_dorsey_window' },
      says: {
        holds:
          'Dorsey window: offense before 2010-08-03, sentenced on or after; check whether the court applied FSA 2010 (if it did, 404(c) bars a motion)',
      },
      citations: ['Dorsey v. United States, 567 U.S. 260 (2012)', 'First Step Act of 2018, sec. 404(c)'],
      legal_status: 'in_force',
      certainty: 'secondary',
    },
    {
      id: 'F404-X-RED',
      role: 'excludes',
      applies_if: { fact: 'us.fsa404.prior_motion_known' },
      when: { fact: 'us.fsa404.prior_motion_granted' },
      says: { holds: 'Barred: the sentence was already reduced on a previous sec. 404 motion (404(c))' },
      citations: ['First Step Act of 2018, sec. 404(c)'],
      legal_status: 'in_force',
      certainty: 'secondary',
    },
    {
      id: 'F404-X-DEN',
      role: 'excludes',
      when: { fact: 'us.fsa404.prior_motion_denied_on_merits' },
      // The roster format has no value for "no previous motion", so a silent record cannot settle
      // this: the docket can. Reported, never read as "no motion", but not a record gap of this run.
      unknown_means: 'conditional',
      says: {
        holds: 'Barred: a previous sec. 404 motion was denied after a complete review on the merits (404(c))',
        unknown: 'Check the docket for a previous sec. 404 motion denied on the merits (404(c) bars a second one)',
      },
      citations: ['First Step Act of 2018, sec. 404(c)'],
      legal_status: 'in_force',
      certainty: 'secondary',
    },
    {
      id: 'F404-DRUG',
      role: 'flag',
      when: { fact: 'us.fsa404.covered_by_drug_field' },
      says: {
        holds:
          'Covered offense read from the drug field (cocaine base), as the statute text does not name the drug: confirm the substance and penalty subsection in the judgment',
      },
      citations: [TERRY],
      legal_status: 'in_force',
      certainty: 'secondary',
    },
  ],
};
