import type { PathwayDefinition, PolicyOverlay } from '../rule-types.js';
import { ELDERLY_PAROLE_3055 } from './elderly-parole-3055.js';

export { CA_FACTS } from './ca-facts.js';

/** California pathways, in the order of screening-format.md. */
export const CA_PATHWAYS: readonly PathwayDefinition[] = [ELDERLY_PAROLE_3055];

export const CA_OVERLAYS: readonly PolicyOverlay[] = [];
