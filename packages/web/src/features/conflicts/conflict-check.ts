import { CONFLICT_DECISIONS, type ConflictDecision } from '@redress/core';

export const CONFLICT_DECISION_LABELS: Record<ConflictDecision, string> = {
  no_conflict: 'No conflict',
  conflict_waived: 'Conflict waived',
  conflict: 'Conflict',
};

export const CONFLICT_DECISION_ORDER: readonly ConflictDecision[] = CONFLICT_DECISIONS;
