import type { CanonicalStatute, StatuteSetId } from './statute-types.js';

// FIRST CUT, to be replaced by the lookup sets as data with citations.
const MEMBERS: Partial<Record<StatuteSetId, readonly string[]>> = {};

/** Whether a statute is in a named set; null when membership turns on facts the statute alone does not give. */
export const isInStatuteSet = (statute: CanonicalStatute, set: StatuteSetId): boolean | null =>
  (MEMBERS[set] ?? []).some((id) => statute.id === id || statute.id.startsWith(`${id}(`));
