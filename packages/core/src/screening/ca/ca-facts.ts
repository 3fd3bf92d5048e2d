import { anyConviction } from '../facts/common-facts.js';
import type { PreparedConviction } from '../prepared-subject.js';
import type { FactLibrary } from '../rule-types.js';
import { HOMICIDE_FACTS } from './homicide-facts.js';
import { RELIEF_FACTS } from './relief-facts.js';
import { SENTENCE_FACTS } from './sentence-facts.js';

const isPenalCode = (c: PreparedConviction, section: string) =>
  c.statute.code === 'PC' && c.statute.section === section;

/** Facts only California rules read. */
export const CA_FACTS: FactLibrary = {
  'any.first_degree_murder_of_peace_officer': {
    kind: 'bool',
    describe: 'Convicted of first-degree murder of a peace officer killed in the performance of duties',
    inputs: ['convictions[].degree', 'convictions[].victim.peace_officer'],
    get: anyConviction((c) => {
      if (!isPenalCode(c, '187') || c.statute.isAttempt) return false;
      const degree = c.source.degree ?? c.statute.degree;
      const officer = c.source.victim?.peace_officer;
      if (degree === 'second' || officer === false) return false;
      if (degree == null || officer == null) return null;
      return true;
    }),
  },
  ...SENTENCE_FACTS,
  ...HOMICIDE_FACTS,
  ...RELIEF_FACTS,
};
