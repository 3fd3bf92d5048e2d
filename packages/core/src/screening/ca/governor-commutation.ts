import type { PathwayDefinition } from '../rule-types.js';

const CONST = 'Cal. Const. art. V, sec. 8(a)';
const base = { legal_status: 'in_force', certainty: 'verified' } as const;

/**
 * Commutation by the Governor of California: discretionary clemency, so anyone serving a California
 * sentence may apply (`may_apply`); the rules carry the procedure as flags.
 */
export const GOVERNOR_COMMUTATION: PathwayDefinition = {
  id: 'CA_GOVERNOR_COMMUTATION',
  jurisdiction: 'CA',
  title: "Governor's commutation",
  matter_type: 'state_commutation',
  kind: 'clemency',
  authority: { citations: [CONST, 'PC 4800'], legal_status: 'in_force' },
  rules: [
    {
      ...base,
      id: 'GC-SERV',
      role: 'requires',
      when: { fact: 'serving_sentence' },
      says: {
        holds: 'Serving a California sentence',
        fails: 'No California sentence is being served: a pardon, not a commutation, is the route',
        unknown: 'Whether a California sentence is still being served is unknown',
      },
      citations: [CONST],
    },
    {
      ...base,
      id: 'GC-TWICE',
      role: 'flag',
      when: { fact: 'twice_convicted_felony' },
      says: {
        holds:
          'Twice convicted of a felony: the Governor may commute only on the recommendation of the California Supreme Court, four judges concurring',
        unknown:
          'Whether twice convicted of a felony is unknown: if so, commutation needs a Supreme Court recommendation (four judges concurring)',
      },
      citations: [CONST, 'PC 4851'],
    },
    {
      ...base,
      id: 'GC-DA',
      role: 'flag',
      when: { as_of_on_or_after: '2012-01-01' },
      says: {
        holds:
          'Serve the application or a notice of intent on the district attorney of each county of conviction at least 10 days before the Governor acts (section numbers unverified)',
      },
      citations: ['PC 4804 et seq. (AB 648, Stats. 2011, ch. 437)'],
      certainty: 'uncertain',
    },
    {
      ...base,
      id: 'GC-BPH',
      role: 'flag',
      when: { fact: 'serving_sentence' },
      says: {
        holds:
          'The Governor may refer the application to the Board of Parole Hearings for investigation and a recommendation',
        unknown: 'Whether a California sentence is still being served is unknown',
      },
      citations: ['PC 4803', 'PC 4812'],
      certainty: 'secondary',
    },
  ],
};
