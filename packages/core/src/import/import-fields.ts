/**
 * What a spreadsheet import can fill, per kind of record. The field names are also the column names
 * of the CSV and JSON exports, so an export can be edited and imported back.
 */
export const IMPORT_KINDS = ['people', 'matters', 'contacts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const PERSON_FIELDS = [
  'external_id',
  'legal_name',
  'aliases',
  'date_of_birth',
  'gender',
  'preferred_language',
  'status',
  'cdcr_number',
  'bop_register_number',
  'county_booking_number',
  'phone',
  'email',
  'mailing_address',
  'notes',
] as const;

export const MATTER_FIELDS = [
  'external_id',
  'person_external_id',
  'type',
  'title',
  'stage',
  'decision_maker',
  'opened_on',
  'closed_on',
  'outcome',
  'release_date',
] as const;

export const CONTACT_FIELDS = [
  'external_id',
  'kind',
  'name',
  'organisation',
  'title',
  'email',
  'phone',
  'address',
  'notes',
] as const;

export type PersonField = (typeof PERSON_FIELDS)[number];
export type MatterField = (typeof MATTER_FIELDS)[number];
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type ImportField = PersonField | MatterField | ContactField;
export type FieldOf<K extends ImportKind> = K extends 'people'
  ? PersonField
  : K extends 'matters'
    ? MatterField
    : ContactField;

export type FieldDefinition = {
  name: ImportField;
  label: string;
  /** A row without a value here fails; a mapping without a column for it is refused. */
  isRequired: boolean;
  description: string;
  /** Other headers people give this column, compared after `normaliseHeader`. */
  synonyms: readonly string[];
};

const field = (
  name: ImportField,
  label: string,
  description: string,
  synonyms: readonly string[] = [],
  isRequired = false,
): FieldDefinition => ({ name, label, isRequired, description, synonyms });

const EXTERNAL_ID_NOTE = 'A stable id from your spreadsheet: importing the file again updates this record';

export const IMPORT_FIELDS: Record<ImportKind, readonly FieldDefinition[]> = {
  people: [
    field(
      'external_id',
      'External id',
      EXTERNAL_ID_NOTE,
      ['client id', 'person id', 'record id', 'client number', 'id', 'ref', 'reference'],
      true,
    ),
    field(
      'legal_name',
      'Legal name',
      'Full legal name',
      ['name', 'full name', 'client', 'client name', 'person', 'inmate name', 'legal name'],
      true,
    ),
    field('aliases', 'Aliases', 'Other names and spellings, separated by ;', [
      'alias',
      'aka',
      'a k a',
      'also known as',
      'other names',
      'nicknames',
    ]),
    field('date_of_birth', 'Date of birth', 'YYYY-MM-DD (or M/D/YYYY)', [
      'dob',
      'd o b',
      'birth date',
      'birthdate',
      'born',
      'birthday',
    ]),
    field('gender', 'Gender', 'As the person describes it', ['sex']),
    field('preferred_language', 'Preferred language', 'Language for letters and visits', [
      'language',
      'primary language',
    ]),
    field('status', 'Status', 'in_custody, released, on_parole or deceased', ['custody status', 'client status']),
    field('cdcr_number', 'CDCR number', 'California prison number, e.g. C98556', [
      'cdcr',
      'cdcr no',
      'cdcr id',
      'cdc number',
      'cdc no',
      'cdc',
    ]),
    field('bop_register_number', 'BOP register number', 'Federal register number NNNNN-NNN', [
      'bop',
      'bop number',
      'bop no',
      'bop register',
      'bop reg',
      'bop reg no',
      'bop reg number',
      'register number',
      'reg number',
      'reg no',
      'usm number',
    ]),
    field('county_booking_number', 'County booking number', 'Jail booking number', [
      'booking number',
      'booking no',
      'booking',
      'county booking',
      'jail booking number',
    ]),
    field('phone', 'Phone', 'Telephone number', ['telephone', 'phone number', 'tel']),
    field('email', 'Email', 'Email address', ['e mail', 'email address']),
    field('mailing_address', 'Mailing address', 'Where letters reach the person', ['address', 'mail address']),
    field('notes', 'Notes', 'Anything else', ['note', 'comments', 'comment', 'remarks']),
  ],
  matters: [
    field(
      'external_id',
      'External id',
      EXTERNAL_ID_NOTE,
      ['matter id', 'case id', 'matter number', 'file number', 'id', 'ref', 'reference'],
      true,
    ),
    field(
      'person_external_id',
      'Person external id',
      'The external id of the person the matter is for (import the people first)',
      ['person id', 'client id', 'client external id', 'person ref', 'client ref'],
      true,
    ),
    field('type', 'Type', 'Matter type, e.g. state_commutation or "Habeas corpus"', ['matter type', 'case type'], true),
    field('title', 'Title', 'Short title of the matter', ['matter', 'matter title', 'matter name', 'name'], true),
    field('stage', 'Stage', 'A stage of the type’s pipeline; default its first stage', [
      'pipeline stage',
      'current stage',
    ]),
    field('decision_maker', 'Decision-maker', 'Who decides, e.g. the Governor of California', [
      'decider',
      'decided by',
      'authority',
    ]),
    field('opened_on', 'Opened on', 'YYYY-MM-DD; default the day of the import', [
      'opened',
      'open date',
      'date opened',
      'start date',
    ]),
    field('closed_on', 'Closed on', 'YYYY-MM-DD', ['closed', 'close date', 'date closed']),
    field('outcome', 'Outcome', 'pending, granted, denied, withdrawn or moot', ['result', 'disposition']),
    field('release_date', 'Release date', 'YYYY-MM-DD, when the person walked out', [
      'released',
      'released on',
      'date released',
    ]),
  ],
  contacts: [
    field('external_id', 'External id', EXTERNAL_ID_NOTE, ['contact id', 'id', 'ref', 'reference'], true),
    field('kind', 'Kind', 'official, attorney, family, supporter, journalist, laboratory or other', [
      'type',
      'category',
      'contact type',
    ]),
    field('name', 'Name', 'Full name', ['full name', 'contact', 'contact name'], true),
    field('organisation', 'Organisation', 'Office, agency, firm or laboratory', [
      'organization',
      'org',
      'agency',
      'company',
      'firm',
      'office',
    ]),
    field('title', 'Title', 'Position held', ['position', 'role', 'job title']),
    field('email', 'Email', 'Email address', ['e mail', 'email address']),
    field('phone', 'Phone', 'Telephone number', ['telephone', 'phone number', 'tel']),
    field('address', 'Address', 'Postal address', ['mailing address', 'postal address']),
    field('notes', 'Notes', 'Anything else', ['note', 'comments', 'comment', 'remarks']),
  ],
};

export const fieldNamesOf = (kind: ImportKind): readonly ImportField[] => IMPORT_FIELDS[kind].map((f) => f.name);

export const isFieldOf = (kind: ImportKind, name: string): name is ImportField =>
  IMPORT_FIELDS[kind].some((f) => f.name === name);
