import type { PathwayDefinition } from '../rule-types.js';

const WAIT = ['28 CFR 1.2', 'OPA pardon instructions'];
const RELEASED = { fact: 'us.serving_confinement', is: false };

/**
 * Presidential pardon (U.S. Const. art. II, sec. 2; 28 CFR 1.2): a petition waits 5 years after
 * release from confinement or, with no confinement, after sentencing. 28 CFR 1.2 says "conviction"
 * and OPA's instructions say "sentencing"; sentencing is never earlier, so its date satisfies both.
 *
 * Someone still confined is `not_eligible` here, not `eligible_from`: the wait runs from an actual
 * release, OPA does not take pardon petitions from people in confinement, and the route while serving
 * is commutation (US_CLEMENCY_COMMUTATION), screened on its own. The date the wait would end after
 * the expected release is still given (`pardon_wait_ends`), for planning.
 */
export const PARDON: PathwayDefinition = {
  id: 'US_PARDON',
  jurisdiction: 'US',
  title: 'Federal pardon (Office of the Pardon Attorney)',
  matter_type: 'pardon',
  kind: 'clemency',
  authority: { citations: ['U.S. Const. art. II, sec. 2, cl. 1', '28 CFR 1.2'], legal_status: 'in_force' },
  rules: [
    {
      id: 'PD-RELEASED',
      role: 'requires',
      when: { fact: 'us.serving_confinement', is: false },
      says: {
        holds: 'Not in confinement',
        fails:
          'Still serving: a pardon petition waits 5 years after release (28 CFR 1.2); while serving, the route is commutation',
        unknown: 'Whether the person is still in confinement is unknown',
      },
      citations: WAIT,
      legal_status: 'in_force',
      certainty: 'verified',
    },
    {
      id: 'PD-WAIT',
      role: 'requires',
      applies_if: { all: [RELEASED, { fact: 'us.confined' }] },
      from: { add: { fact: 'released_on' }, years: 5 },
      says: {
        holds: '5 years since release from confinement reached {date}',
        pending: '5 years since release from confinement reached on {date}',
        unknown: 'Release date unknown (the 5-year wait runs from release)',
      },
      citations: WAIT,
      legal_status: 'in_force',
      certainty: 'verified',
    },
    {
      id: 'PD-WAIT',
      role: 'requires',
      applies_if: { all: [RELEASED, { not: { fact: 'us.confined' } }] },
      from: { add: { fact: 'us.latest_sentencing_date' }, years: 5 },
      says: {
        holds: '5 years since sentencing (no confinement) reached {date}',
        pending: '5 years since sentencing (no confinement) reached on {date}',
        unknown: 'Sentencing date unknown (with no confinement the 5-year wait runs from sentencing)',
      },
      citations: WAIT,
      legal_status: 'in_force',
      certainty: 'secondary',
    },
    {
      id: 'PD-SUPERVISION',
      role: 'flag',
      applies_if: RELEASED,
      when: { not: { reached: { fact: 'us.supervision_end_date' } } },
      from: { fact: 'us.supervision_end_date' },
      says: {
        holds:
          'On probation, parole or supervised release until {date}: OPA generally does not accept a pardon petition before it ends',
        unknown: 'End of probation, parole or supervised release unknown: OPA generally waits for it to end',
      },
      citations: ['28 CFR 1.2'],
      legal_status: 'in_force',
      certainty: 'secondary',
    },
    {
      id: 'PD-AFTER-RELEASE',
      role: 'date',
      applies_if: { fact: 'us.serving_confinement' },
      from: { add: { fact: 'us.expected_release_date' }, years: 5 },
      date_key: 'pardon_wait_ends',
      says: {
        holds: 'Five years after the expected release: {date}',
        unknown: 'Expected release date unknown: the pardon wait runs 5 years from release',
      },
      citations: WAIT,
      legal_status: 'in_force',
      certainty: 'secondary',
    },
  ],
};
