import {
  CLAIM_TYPE_LABELS,
  CLAIM_TYPES,
  INTAKE_AGE_BUCKETS,
  INTAKE_CHANNEL_LABELS,
  INTAKE_DECISION_LABELS,
  INTAKE_LANGUAGES,
  INTAKE_STATE_LABELS,
  INTAKE_STATES,
  type IntakeLanguage,
  type IntakeSummary,
  MATERIAL_KINDS,
  type MaterialKind,
  PRISONER_NUMBER_SYSTEMS,
  STAFF_INTAKE_CHANNELS,
} from '@redress/core';

export const AGE_BUCKETS = INTAKE_AGE_BUCKETS;
export type AgeBucket = (typeof INTAKE_AGE_BUCKETS)[number];

export const AGE_BUCKET_LABELS: Record<AgeBucket, string> = {
  '0-7': 'Up to a week',
  '8-30': '8 to 30 days',
  '31-90': '31 to 90 days',
  '90+': 'Over 90 days',
};

export const LANGUAGE_LABELS: Record<IntakeLanguage, string> = { en: 'English', es: 'Spanish', other: 'Other' };

export const STATE_OPTIONS = INTAKE_STATES.map((value) => ({ value, label: INTAKE_STATE_LABELS[value] }));
export const AGE_OPTIONS = AGE_BUCKETS.map((value) => ({ value, label: AGE_BUCKET_LABELS[value] }));
export const CLAIM_TYPE_OPTIONS = CLAIM_TYPES.map((value) => ({ value, label: CLAIM_TYPE_LABELS[value] }));
export const LANGUAGE_OPTIONS = INTAKE_LANGUAGES.map((value) => ({ value, label: LANGUAGE_LABELS[value] }));
export const CHANNEL_OPTIONS = STAFF_INTAKE_CHANNELS.map((value) => ({ value, label: INTAKE_CHANNEL_LABELS[value] }));

export const NUMBER_SYSTEM_LABELS: Record<(typeof PRISONER_NUMBER_SYSTEMS)[number], string> = {
  cdcr: 'CDCR number',
  bop: 'BOP register number',
  county: 'County booking number',
  other: 'Other',
};
export const NUMBER_SYSTEM_OPTIONS = PRISONER_NUMBER_SYSTEMS.map((value) => ({
  value,
  label: NUMBER_SYSTEM_LABELS[value],
}));

export const MATERIAL_LABELS: Record<MaterialKind, string> = {
  trial_transcript: 'Trial transcript',
  appeal_briefs: 'Appeal briefs',
  police_reports: 'Police reports',
  court_decisions: 'Court decisions',
  other: 'Other papers',
};
export const MATERIAL_OPTIONS = MATERIAL_KINDS.map((value) => ({ value, label: MATERIAL_LABELS[value] }));

/** "New", "In review", or the decision once decided. */
export const stateLabel = (intake: Pick<IntakeSummary, 'state' | 'decision'>): string =>
  intake.state === 'decided' && intake.decision
    ? INTAKE_DECISION_LABELS[intake.decision]
    : INTAKE_STATE_LABELS[intake.state];
