import type { FactLibrary, PathwayDefinition, PolicyOverlay } from '../rule-types.js';

/** Facts only federal rules read. */
export const US_FACTS: FactLibrary = {};

/** Federal pathways, in the order of screening-format.md. */
export const US_PATHWAYS: readonly PathwayDefinition[] = [];

export const US_OVERLAYS: readonly PolicyOverlay[] = [];
