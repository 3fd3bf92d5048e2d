import type { PathwayDefinition, Rule } from '../rule-types.js';

const flag = (
  id: string,
  when: Rule['when'],
  says: Rule['says'],
  citations: string[],
  certainty: Rule['certainty'],
): Rule => ({
  id,
  role: 'flag',
  when,
  says,
  citations,
  legal_status: 'in_force',
  certainty,
});

/**
 * Commutation of a federal sentence (U.S. Const. art. II, sec. 2; 28 CFR Part 1). Clemency is
 * discretionary: anyone serving a federal sentence may apply (`may_apply`); the flags carry what the
 * Office of the Pardon Attorney asks first: other judicial relief and pending challenges (28 CFR 1.3),
 * submission through the warden (28 CFR 571.40), death-sentence procedures (28 CFR 1.10).
 * The 2014 Clemency Initiative criteria are a policy overlay (clemency-initiative-2014.ts).
 */
export const CLEMENCY_COMMUTATION: PathwayDefinition = {
  id: 'US_CLEMENCY_COMMUTATION',
  jurisdiction: 'US',
  title: 'Federal commutation of sentence (Office of the Pardon Attorney)',
  matter_type: 'federal_commutation',
  kind: 'clemency',
  authority: { citations: ['U.S. Const. art. II, sec. 2, cl. 1', '28 CFR 1.1'], legal_status: 'in_force' },
  rules: [
    {
      id: 'CL-SERVING',
      role: 'requires',
      when: { fact: 'currently_incarcerated' },
      says: {
        holds: 'Serving a federal prison sentence: may petition for commutation',
        fails:
          'Not currently incarcerated: commutation of a prison term needs a sentence being served (remission of a fine or restitution is a separate petition)',
        unknown: 'Whether the person is serving a federal prison sentence is unknown',
      },
      citations: ['28 CFR 1.1', 'OPA commutation instructions'],
      legal_status: 'in_force',
      certainty: 'verified',
    },
    flag(
      'CL-WARDEN',
      { fact: 'currently_incarcerated' },
      {
        holds:
          'Submit the petition through the warden (28 CFR 571.40; BOP PS 1330.15), or by email or post to the Office of the Pardon Attorney',
        unknown: 'If in custody, submit the petition through the warden (28 CFR 571.40)',
      },
      ['28 CFR 571.40', 'BOP Program Statement 1330.15'],
      'verified',
    ),
    flag(
      'CL-LITIGATION',
      { fact: 'us.pending_litigation' },
      {
        holds:
          'A court challenge is pending (e.g. a 2255 motion): OPA expects court challenges to be completed before commutation (28 CFR 1.3)',
        unknown:
          'Pending court challenges (appeals, 2255) not on record: OPA expects them completed first (28 CFR 1.3)',
      },
      ['28 CFR 1.3', 'OPA commutation instructions sec. 4'],
      'secondary',
    ),
    flag(
      'CL-OTHER-RELIEF',
      { fact: 'us.fsa404.any_covered' },
      {
        holds:
          'Other judicial relief may be available (a First Step Act sec. 404 motion): 28 CFR 1.3 asks for it first unless circumstances are exceptional',
        unknown:
          'Whether a First Step Act sec. 404 motion is available is unknown (28 CFR 1.3 asks for other relief first)',
      },
      ['28 CFR 1.3'],
      'secondary',
    ),
    flag(
      'CL-OTHER-RELIEF',
      { reached: { add: { fact: 'dob' }, years: 65 } },
      {
        holds:
          'Other judicial relief may be available (compassionate release, 18 U.S.C. 3582(c)(1)(A), at 65 and over): 28 CFR 1.3 asks for it first',
      },
      ['28 CFR 1.3'],
      'secondary',
    ),
    flag(
      'CL-DEATH',
      { fact: 'us.any_death' },
      {
        holds: 'Federal death sentence: special clemency procedures apply (28 CFR 1.10)',
        unknown: 'Sentence type not on record (a death sentence has its own clemency procedures, 28 CFR 1.10)',
      },
      ['28 CFR 1.10'],
      'verified',
    ),
  ],
};
