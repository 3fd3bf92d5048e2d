/** A matter is a piece of legal work for a person; its type decides its pipeline of stages. */
export const MATTER_TYPES = [
  'state_commutation',
  'federal_commutation',
  'pardon',
  'innocence_investigation',
  'dna_testing',
  'resentencing',
  'compassionate_release',
  'parole_hearing',
  'habeas',
  'reentry',
] as const;
export type MatterType = (typeof MATTER_TYPES)[number];

export const MATTER_TYPE_LABELS: Record<MatterType, string> = {
  state_commutation: 'State commutation',
  federal_commutation: 'Federal commutation',
  pardon: 'Pardon',
  innocence_investigation: 'Innocence investigation',
  dna_testing: 'Post-conviction DNA testing',
  resentencing: 'Resentencing',
  compassionate_release: 'Compassionate release',
  parole_hearing: 'Parole hearing',
  habeas: 'Habeas corpus',
  reentry: 'Re-entry',
};

export const MATTER_OUTCOMES = ['pending', 'granted', 'denied', 'withdrawn', 'moot'] as const;
export type MatterOutcome = (typeof MATTER_OUTCOMES)[number];

/** Default pipelines, as teams run them; an administrator can edit them per workspace. */
export const DEFAULT_STAGES: Record<MatterType, readonly string[]> = {
  state_commutation: [
    'Screening',
    'Gathering records',
    'Drafting application',
    'Notice to DA',
    'Filed',
    'Board investigation',
    'Decision',
  ],
  federal_commutation: [
    'Screening',
    'Gathering records',
    'Drafting petition',
    'Filed with OPA',
    'Under review',
    'Decision',
  ],
  pardon: ['Screening', 'Gathering records', 'Drafting application', 'Filed', 'Under review', 'Decision'],
  innocence_investigation: [
    'Intake review',
    'Records request',
    'Investigation',
    'Expert review',
    'Litigation decision',
    'Closed',
  ],
  dna_testing: [
    'Evidence location',
    'Testing request',
    'Agreement on lab',
    'At the lab',
    'Results',
    'Motion or follow-up',
  ],
  resentencing: ['Screening', 'Records', 'Motion drafted', 'Filed', 'Hearing', 'Decision'],
  compassionate_release: ['Screening', 'Medical records', 'Request to warden', 'Motion filed', 'Hearing', 'Decision'],
  parole_hearing: [
    'Preparation',
    'Support letters',
    'Risk assessment review',
    'Hearing',
    'Decision',
    'Governor review',
  ],
  habeas: ['Investigation', 'Petition drafted', 'Filed', 'Briefing', 'Hearing', 'Decision'],
  reentry: ['Release planning', 'Housing', 'ID and benefits', 'Employment', 'Stable'],
};

/** Who decides, by default, for each type (editable per matter). */
export const DEFAULT_DECISION_MAKERS: Partial<Record<MatterType, string>> = {
  federal_commutation: 'The President, through the Office of the Pardon Attorney',
  pardon: 'The Governor of California',
  state_commutation: 'The Governor of California',
  parole_hearing: 'Board of Parole Hearings',
};

export const PERSON_STATUSES = ['in_custody', 'released', 'on_parole', 'deceased'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
