import type { FactLibrary, PathwayDefinition, PolicyOverlay } from '../rule-types.js';
import { CLEMENCY_COMMUTATION } from './clemency-commutation.js';
import { CLEMENCY_INITIATIVE_2014, CLEMENCY_INITIATIVE_FACTS } from './clemency-initiative-2014.js';
import { COMPASSIONATE_RELEASE_3582 } from './compassionate-release-3582.js';
import { ELDERLY_HOME_DETENTION_60541 } from './elderly-home-detention-60541.js';
import { FSA_404 } from './fsa-404.js';
import { PARDON } from './pardon.js';
import { US_FACTS as FEDERAL_FACTS } from './us-facts.js';

/** Facts only federal rules (and federal overlays) read. */
export const US_FACTS: FactLibrary = { ...FEDERAL_FACTS, ...CLEMENCY_INITIATIVE_FACTS };

/** Federal pathways, in the order of screening-format.md. */
export const US_PATHWAYS: readonly PathwayDefinition[] = [
  FSA_404,
  COMPASSIONATE_RELEASE_3582,
  ELDERLY_HOME_DETENTION_60541,
  CLEMENCY_COMMUTATION,
  PARDON,
];

/** Policy layers that never change a statutory result. */
export const US_OVERLAYS: readonly PolicyOverlay[] = [CLEMENCY_INITIATIVE_2014];
