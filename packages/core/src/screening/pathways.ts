/**
 * The relief pathways the screening engine knows, and the statuses it gives. The ids and statuses are
 * a contract with other tools (../shared/reference/screening-format.md): never rename one.
 */
export const CA_PATHWAY_IDS = [
  'CA_ELDERLY_PAROLE_3055',
  'CA_ELDERLY_PAROLE_COURT_ORDERED',
  'CA_YOUTH_OFFENDER_PAROLE_3051',
  'CA_JUVENILE_LWOP_RECALL_1170D',
  'CA_FELONY_MURDER_RESENTENCING_1172_6',
  'CA_RECALL_RESENTENCING_1172_1',
  'CA_PRISON_PRIOR_RESENTENCING_1172_75',
  'CA_COMPASSIONATE_RELEASE_1172_2',
  'CA_MEDICAL_PAROLE_3550',
  'CA_PROP47_1170_18',
  'CA_PROP64_HS11361_8',
  'CA_GOVERNOR_COMMUTATION',
] as const;

export const US_PATHWAY_IDS = [
  'US_FSA_404',
  'US_COMPASSIONATE_RELEASE_3582C1A',
  'US_ELDERLY_HOME_DETENTION_60541',
  'US_CLEMENCY_COMMUTATION',
  'US_PARDON',
] as const;

export const PATHWAY_IDS = [...CA_PATHWAY_IDS, ...US_PATHWAY_IDS] as const;
export type PathwayId = (typeof PATHWAY_IDS)[number];

export const SCREENING_JURISDICTIONS = ['CA', 'US'] as const;
export type ScreeningJurisdiction = (typeof SCREENING_JURISDICTIONS)[number];

export const pathwaysOf = (jurisdiction: ScreeningJurisdiction): readonly PathwayId[] =>
  jurisdiction === 'CA' ? CA_PATHWAY_IDS : US_PATHWAY_IDS;

export const isPathwayId = (value: string): value is PathwayId => (PATHWAY_IDS as readonly string[]).includes(value);

export const SCREENING_STATUSES = [
  'eligible',
  'eligible_from',
  'conditional',
  'needs_record_review',
  'not_eligible',
  'not_eligible_likely',
  'excluded',
  'not_available',
  'may_apply',
] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];

/** Statuses under which a person could go home by this pathway now or later: what a team follows up. */
export const OPEN_STATUSES: ReadonlySet<ScreeningStatus> = new Set([
  'eligible',
  'eligible_from',
  'conditional',
  'needs_record_review',
  'may_apply',
]);
