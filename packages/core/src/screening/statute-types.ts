/**
 * A statute as the law names it, normalised from the raw text corrections and court records write
 * (`PC187(a)`, `PC 187 2nd`, `HS11359`, `21:841(b)(1)(A)(iii)`, `18 USC 924(c)`).
 */
export type StatuteCode =
  /** California codes */
  | 'PC'
  | 'HS'
  | 'VC'
  | 'BP'
  | 'WI'
  /** United States Code; `title` holds the title number. */
  | 'USC';

export type CanonicalStatute = {
  /** The text as given, kept for display and for the record. */
  raw: string;
  /** False when the text could not be read as a statute: kept and flagged, never dropped. */
  recognised: boolean;
  code: StatuteCode | null;
  /** USC title ("21", "18"); null for California codes. */
  title: string | null;
  /** Section without subdivisions: "187", "11359", "841", "924". */
  section: string | null;
  /** Subdivisions in order, without parentheses: ["a"], ["b", "1", "A", "iii"]. */
  subdivisions: string[];
  /**
   * Stable id: `PC 187(a)`, `HS 11359`, `21 USC 841(b)(1)(A)(iii)`. Equal ids mean the same provision.
   * For unrecognised text: `?` + the raw text trimmed.
   */
  id: string;
  degree: 'first' | 'second' | 'third' | null;
  /** Attempt (PC 664 with the attempted section, "att", "664/187"). */
  isAttempt: boolean;
  /** Conspiracy (PC 182, 21 USC 846, 963) with the object offence in `section` where known. */
  isConspiracy: boolean;
  /** An enhancement rather than a substantive offence (PC 12022.53, 667.5(b), 12022(b)...). */
  isEnhancement: boolean;
};

/**
 * Named lookup sets of statutes, kept as data with their citations (violent felonies, serious
 * felonies, super strikes, sex-offender registration, crime of violence...).
 */
export const STATUTE_SET_IDS = [
  'CA_VIOLENT_667_5C',
  'CA_SERIOUS_1192_7C',
  'CA_SUPER_STRIKE_667E2CIV',
  'CA_REGISTRABLE_290C',
  'CA_HOMICIDE_1172_6',
  'CA_PROP47_OFFENSES',
  'CA_PROP64_OFFENSES',
  'CA_PRISON_PRIOR_667_5B',
  'US_CRIME_OF_VIOLENCE_18_16',
  'US_FSA_2010_COVERED',
  'US_THREE_STRIKES_3559C',
  'US_SEX_OFFENSE_20911',
  'US_TERRORISM_2332B',
  'US_ESPIONAGE_CH37',
] as const;
export type StatuteSetId = (typeof STATUTE_SET_IDS)[number];

export type StatuteSet = {
  id: StatuteSetId;
  title: string;
  citations: string[];
  certainty: RuleCertainty;
  /** Whether membership is decided by the statute alone, or may need the record (e.g. value of property). */
  note?: string;
};

export type RuleCertainty = 'verified' | 'secondary' | 'memory' | 'uncertain';
