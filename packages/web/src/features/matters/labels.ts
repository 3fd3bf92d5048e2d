import {
  MATTER_OUTCOMES,
  MATTER_PARTY_ROLES,
  MATTER_ROLES,
  MATTER_TYPE_LABELS,
  MATTER_TYPES,
  type MatterOutcome,
  type MatterRole,
} from '@redress/core';

export const OUTCOME_LABELS: Record<MatterOutcome, string> = {
  pending: 'Pending',
  granted: 'Granted',
  denied: 'Denied',
  withdrawn: 'Withdrawn',
  moot: 'Moot',
};

export const MATTER_ROLE_LABELS: Record<MatterRole, string> = {
  lead_attorney: 'Lead attorney',
  co_counsel: 'Co-counsel',
  advocate: 'Advocate',
  investigator: 'Investigator',
  paralegal: 'Paralegal',
  law_apprentice: 'Law apprentice',
  volunteer: 'Volunteer',
};

export const PARTY_ROLE_LABELS: Record<(typeof MATTER_PARTY_ROLES)[number], string> = {
  adverse_party: 'Adverse party',
  witness: 'Witness',
  other: 'Other',
};

export const MATTER_TYPE_OPTIONS = MATTER_TYPES.map((value) => ({ value, label: MATTER_TYPE_LABELS[value] }));
export const OUTCOME_OPTIONS = MATTER_OUTCOMES.map((value) => ({ value, label: OUTCOME_LABELS[value] }));
export const MATTER_ROLE_OPTIONS = MATTER_ROLES.map((value) => ({ value, label: MATTER_ROLE_LABELS[value] }));
export const PARTY_ROLE_OPTIONS = MATTER_PARTY_ROLES.map((value) => ({ value, label: PARTY_ROLE_LABELS[value] }));
