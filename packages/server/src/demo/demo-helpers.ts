import type { MatterRole } from '@redress/core';
import type { DemoFacilityKey, DemoPlacement, DemoUserKey } from './demo-types.js';

// Shorthands shared by the demo clients.

export type Team = readonly (readonly [DemoUserKey, MatterRole])[];

/** Theodore Achebe's matters, with Celeste Ibarra working on them as his law apprentice. */
export const SUPERVISED: Team = [
  ['supervisor', 'lead_attorney'],
  ['apprentice', 'law_apprentice'],
];
export const NAOMI: Team = [
  ['lead', 'lead_attorney'],
  ['paralegal', 'paralegal'],
];

export const held = (
  facility: DemoFacilityKey,
  from: string,
  to: string | null,
  housing: string | null = null,
  learnedFrom: DemoPlacement['learnedFrom'] = 'locator',
): DemoPlacement => ({ facility, housing, from, to, learnedFrom });

export const BPH = 'Board of Parole Hearings';
export const CDCR = 'California Department of Corrections and Rehabilitation';
export const BOP = 'Federal Bureau of Prisons';
