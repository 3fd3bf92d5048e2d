import {
  PATHWAY_IDS,
  type PathwayId,
  type SCREENING_RUN_STATES,
  SCREENING_STATUSES,
  type ScreeningStatus,
  THEORIES_OF_LIABILITY,
  type TheoryOfLiability,
} from '@redress/core';

/** Short names for the pathways, for tables and charts; the person panel uses the server's titles. */
export const PATHWAY_LABELS: Record<PathwayId, string> = {
  CA_ELDERLY_PAROLE_3055: 'Elderly parole (PC 3055)',
  CA_ELDERLY_PAROLE_COURT_ORDERED: 'Elderly parole, court-ordered',
  CA_YOUTH_OFFENDER_PAROLE_3051: 'Youth offender parole (PC 3051)',
  CA_JUVENILE_LWOP_RECALL_1170D: 'Juvenile LWOP recall (PC 1170(d))',
  CA_FELONY_MURDER_RESENTENCING_1172_6: 'Felony-murder resentencing (PC 1172.6)',
  CA_RECALL_RESENTENCING_1172_1: 'Recall and resentencing (PC 1172.1)',
  CA_PRISON_PRIOR_RESENTENCING_1172_75: 'Prison-prior resentencing (PC 1172.75)',
  CA_COMPASSIONATE_RELEASE_1172_2: 'Compassionate release (PC 1172.2)',
  CA_MEDICAL_PAROLE_3550: 'Medical parole (PC 3550)',
  CA_PROP47_1170_18: 'Proposition 47 (PC 1170.18)',
  CA_PROP64_HS11361_8: 'Proposition 64 (HS 11361.8)',
  CA_GOVERNOR_COMMUTATION: "Governor's commutation (California)",
  US_FSA_404: 'First Step Act § 404',
  US_COMPASSIONATE_RELEASE_3582C1A: 'Compassionate release (18 USC 3582(c)(1)(A))',
  US_ELDERLY_HOME_DETENTION_60541: 'Elderly home detention (34 USC 60541)',
  US_CLEMENCY_COMMUTATION: 'Presidential commutation',
  US_PARDON: 'Presidential pardon',
};

export const PATHWAY_OPTIONS = PATHWAY_IDS.map((value) => ({ value, label: PATHWAY_LABELS[value] }));

export const STATUS_LABELS: Record<ScreeningStatus, string> = {
  eligible: 'Eligible',
  eligible_from: 'Eligible from',
  conditional: 'Conditional',
  needs_record_review: 'Needs record review',
  not_eligible: 'Not eligible',
  not_eligible_likely: 'Likely not eligible',
  excluded: 'Excluded',
  not_available: 'Not available',
  may_apply: 'May apply',
};

export const STATUS_OPTIONS = SCREENING_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

type Tone = 'green' | 'blue' | 'yellow' | 'grey';

/** Green: eligible now; blue: eligible later; yellow: open but needs something; grey: closed. */
export const STATUS_TONES: Record<ScreeningStatus, Tone> = {
  eligible: 'green',
  eligible_from: 'blue',
  conditional: 'yellow',
  needs_record_review: 'yellow',
  may_apply: 'yellow',
  not_eligible: 'grey',
  not_eligible_likely: 'grey',
  excluded: 'grey',
  not_available: 'grey',
};

/**
 * Badge colours chosen for at least 7:1 text contrast (Mantine's light badges in yellow fall below AA),
 * and bar fills at least 3:1 against white, so a colour is never the only thing that can be read.
 */
export const TONE_STYLES: Record<Tone, { background: string; color: string; border: string; bar: string }> = {
  green: { background: '#d3f9d8', color: '#0b4a1c', border: '#2b8a3e', bar: '#2b7a3b' },
  blue: { background: '#d0ebff', color: '#0b3a6b', border: '#1864ab', bar: '#1864ab' },
  yellow: { background: '#fff3bf', color: '#5c3c00', border: '#b08800', bar: '#8a6100' },
  grey: { background: '#e9ecef', color: '#25292e', border: '#868e96', bar: '#5c5f66' },
};

/** Status order for charts and legends: the hopeful ones first. */
export const STATUS_ORDER: readonly ScreeningStatus[] = [
  'eligible',
  'eligible_from',
  'conditional',
  'needs_record_review',
  'may_apply',
  'not_eligible_likely',
  'not_eligible',
  'excluded',
  'not_available',
];

/**
 * Bar fills per status, each at least 3:1 against white. Statuses of one family are told apart by
 * stripes as well as shade (may apply, likely not eligible), so the chart never rests on hue alone.
 */
export const STATUS_BAR_FILLS: Record<ScreeningStatus, { color: string; stripes?: string }> = {
  eligible: { color: '#2b7a3b' },
  eligible_from: { color: '#1864ab' },
  conditional: { color: '#8a6100' },
  needs_record_review: { color: '#b35c00' },
  may_apply: { color: '#8a6100', stripes: '#f0c94a' },
  not_eligible_likely: { color: '#5c5f66', stripes: '#ced4da' },
  not_eligible: { color: '#5c5f66' },
  excluded: { color: '#25292e' },
  not_available: { color: '#868e96' },
};

export const RUN_STATE_LABELS: Record<(typeof SCREENING_RUN_STATES)[number], string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const THEORY_LABELS: Record<TheoryOfLiability, string> = {
  actual_killer: 'Actual killer',
  direct_aider_abettor: 'Direct aider and abettor',
  felony_murder_non_killer: 'Felony murder, not the killer',
  natural_and_probable_consequences: 'Natural and probable consequences',
  other_imputed_malice: 'Other imputed malice',
  unknown: 'Unknown',
};

export const THEORY_OPTIONS = THEORIES_OF_LIABILITY.map((value) => ({ value, label: THEORY_LABELS[value] }));

export const RULE_OUTCOME_LABELS = {
  held: 'Held',
  failed: 'Failed',
  unknown: 'Unknown',
  pending: 'Not yet',
  not_applicable: 'Does not apply',
} as const;

export const pathwayLabel = (id: string): string => (id in PATHWAY_LABELS ? PATHWAY_LABELS[id as PathwayId] : id);
