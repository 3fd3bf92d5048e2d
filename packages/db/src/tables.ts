import type {
  Authority,
  ClaimType,
  CorrespondenceChannel,
  CorrespondenceDirection,
  CorrespondenceState,
  ExecutionMethod,
  IdentifierSystem,
  IntakeChannel,
  IntakeDecision,
  IntakeLanguage,
  IntakeQuestionnaire,
  IntakeState,
  MatterOutcome,
  MatterRole,
  MatterType,
  PersonStatus,
  PrisonerNumberSystem,
  Role,
  SentenceEventKind,
  SentenceTerm,
  TokenScope,
  VisitorCapacity,
  VisitStatus,
} from '@redress/core';
import type { ColumnType, Generated } from 'kysely';

/** Timestamps come back as Date and may be written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type OrganisationTable = {
  id: Generated<number>;
  name: string;
  require_totp: Generated<boolean>;
  session_idle_minutes: Generated<number>;
  session_absolute_hours: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
};

export type UserTable = {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  totp_secret_enc: string | null;
  totp_pending_secret_enc: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  is_disabled: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  last_sign_in_at: Timestamp | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
};

export type RecoveryCodeTable = { id: string; user_id: string; code_hash: string; used_at: Timestamp | null };

export type SessionTable = {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  is_second_factor_pending: boolean;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  revoked_at: Timestamp | null;
};

export type ApiTokenTable = {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: TokenScope[];
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
};

export type SignInLinkTable = {
  id: string;
  user_id: string;
  token_hash: string;
  purpose: 'invite' | 'reset';
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
};

export type AuditLogTable = {
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
};

// The case file (migration 0002). Dates are 'YYYY-MM-DD' strings on both engines.

type CreatedAt = ColumnType<Date, Date | string, Date | string>;

export type FacilityTable = {
  id: string;
  code: string | null;
  name: string;
  jurisdiction: 'CA' | 'US' | 'county' | 'other';
  kind: Generated<string>;
  street_address: string | null;
  mailing_address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  visiting_info: string | null;
  source: string | null;
  security_level: string | null;
  phone: string | null;
  /** The mailing address for incarcerated people, in lines (0005_facility_directory.sql). */
  mail_line1: string | null;
  mail_city: string | null;
  mail_state: string | null;
  mail_zip: string | null;
  mail_note: string | null;
  is_active: Generated<boolean>;
  verified: Generated<boolean>;
  /** A person created or changed the entry: the directory seed no longer touches it. */
  is_edited: Generated<boolean>;
  updated_by: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
};

export type PersonTable = {
  id: string;
  external_id: string | null;
  legal_name: string;
  name_search: string;
  date_of_birth: string | null;
  gender: string | null;
  preferred_language: string | null;
  status: Generated<PersonStatus>;
  phone: string | null;
  email: string | null;
  mailing_address: string | null;
  notes: string | null;
  mail_hold_since: string | null;
  mail_hold_reason: string | null;
  photo_document_id: Generated<string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type PersonAliasTable = {
  id: string;
  person_id: string;
  name: string;
  name_search: string;
  kind: Generated<'alias' | 'spelling' | 'committed_name' | 'former_name'>;
};

export type PersonIdentifierTable = {
  id: string;
  person_id: string;
  system: IdentifierSystem;
  value: string;
  issuer: string | null;
};

export type CustodyPlacementTable = {
  id: string;
  person_id: string;
  facility_id: string | null;
  facility_name: string;
  housing: string | null;
  from_date: string;
  to_date: string | null;
  learned_from: Generated<'locator' | 'letter' | 'family' | 'court' | 'returned_mail' | 'phone' | 'other'>;
  address_confirmed_at: string | null;
  created_at: CreatedAt;
};

export type ConvictionTable = {
  id: string;
  person_id: string;
  case_number: string | null;
  court: string | null;
  county: string | null;
  jurisdiction: Generated<'CA' | 'US' | 'other'>;
  offense_start: string | null;
  offense_end: string | null;
  conviction_date: string | null;
  disposition: 'plea' | 'jury' | 'bench' | null;
  enhancements: Generated<string[]>;
  special_circumstances: Generated<string[]>;
  prosecutor: string | null;
  defense_counsel: string | null;
  judge: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type ConvictionCountTable = {
  id: string;
  conviction_id: string;
  position: number;
  statute: string;
  description: string | null;
  degree: 'first' | 'second' | 'third' | null;
  is_attempt: Generated<boolean>;
};

export type ConvictionPartyTable = {
  id: string;
  conviction_id: string;
  role: 'victim' | 'survivor' | 'co_defendant';
  name: string;
  name_search: string;
  notify: Generated<boolean>;
  notes: string | null;
};

export type SentenceEventTable = {
  id: string;
  conviction_id: string;
  position: number;
  kind: SentenceEventKind;
  date: string;
  authority: Authority | null;
  authority_name: string | null;
  term: ColumnType<SentenceTerm | null, string | null, string | null>;
  execution_method: ExecutionMethod | null;
  document_id: string | null;
  note: string | null;
  created_at: CreatedAt;
};

export type PipelineStageTable = { matter_type: MatterType; position: number; name: string };

export type MatterTable = {
  id: string;
  external_id: string | null;
  person_id: string;
  type: MatterType;
  title: string;
  stage: string;
  decision_maker: string | null;
  opened_on: string;
  closed_on: string | null;
  outcome: Generated<MatterOutcome>;
  release_date: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type MatterTeamTable = { matter_id: string; user_id: string; matter_role: MatterRole; added_at: CreatedAt };

export type MatterStageHistoryTable = {
  id: string;
  matter_id: string;
  from_stage: string | null;
  to_stage: string;
  changed_by: string | null;
  changed_at: CreatedAt;
};

export type MatterPartyTable = {
  id: string;
  matter_id: string;
  role: 'adverse_party' | 'witness' | 'other';
  name: string;
  name_search: string;
};

export type TaskTable = {
  id: string;
  matter_id: string;
  title: string;
  assignee_id: string | null;
  due_on: string | null;
  status: Generated<'open' | 'done' | 'cancelled'>;
  created_by: string | null;
  created_at: CreatedAt;
  completed_at: Timestamp | null;
};

export type NoteTable = {
  id: string;
  matter_id: string;
  body: string;
  is_privileged: Generated<boolean>;
  author_id: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  /** Generated by the database; never written. */
  search: ColumnType<string, never, never>;
};

export type NoteMentionTable = { note_id: string; user_id: string };

export type ContactKind = 'official' | 'attorney' | 'family' | 'supporter' | 'journalist' | 'laboratory' | 'other';
export type ContactTable = {
  id: string;
  external_id: string | null;
  kind: ContactKind;
  name: string;
  name_search: string;
  organisation: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type ContactLinkTable = {
  id: string;
  contact_id: string;
  person_id: string | null;
  matter_id: string | null;
  relationship: string;
};

export type ConflictCheckTable = {
  id: string;
  subject_kind: 'person' | 'contact' | 'party';
  subject_name: string;
  matches: ColumnType<unknown[], string, string>;
  decision: 'no_conflict' | 'conflict_waived' | 'conflict' | null;
  note: string | null;
  checked_by: string | null;
  checked_at: CreatedAt;
  decided_at: Timestamp | null;
};

export type SavedViewTable = {
  id: string;
  user_id: string;
  list: 'people' | 'matters' | 'contacts' | 'tasks';
  name: string;
  query: ColumnType<Record<string, unknown>, string, string>;
  created_at: CreatedAt;
};

export type ImportTable = {
  id: string;
  kind: 'people' | 'matters' | 'contacts';
  filename: string;
  status: 'uploaded' | 'mapped' | 'dry_run' | 'importing' | 'done' | 'failed';
  header: string[];
  mapping: ColumnType<Record<string, string> | null, string | null, string | null>;
  row_count: number;
  rows_done: Generated<number>;
  report: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type ImportRowTable = { import_id: string; line: number; cells: string[] };

export type PersonScreeningFactsTable = {
  person_id: string;
  facts: ColumnType<Record<string, unknown>, string, string>;
  updated_by: string | null;
  updated_at: CreatedAt;
};

export type ScreeningRunState = 'uploading' | 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export type ScreeningRunTable = {
  id: string;
  name: string;
  as_of: string;
  pathways: string[] | null;
  state: ScreeningRunState;
  file_name: string;
  file_bytes: Generated<number>;
  bytes_read: Generated<number>;
  people_screened: Generated<number>;
  row_errors: Generated<number>;
  failure_reason: string | null;
  rule_book_version: string;
  summary: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  checkpoint_line: Generated<number>;
  heartbeat_at: Timestamp | null;
  attempts: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
};

export type ScreeningRunChunkTable = { run_id: string; seq: number; data: Uint8Array };

export type ScreeningResultTable = {
  run_id: string;
  subject_id: string;
  line: number;
  name: string | null;
  pathway: string;
  status: string;
  eligible_from: string | null;
  result: ColumnType<Record<string, unknown>, string, string>;
};

export type ScreeningRowErrorTable = { run_id: string; line: number; subject_id: string | null; message: string };

export type DocumentKind =
  | 'letter_scan'
  | 'questionnaire_scan'
  | 'photo'
  | 'template'
  | 'generated_letter'
  | 'visit_record'
  | 'other';
export type OcrState = 'none' | 'queued' | 'running' | 'done' | 'failed';

export type DocumentTable = {
  id: string;
  person_id: string | null;
  intake_id: string | null;
  kind: DocumentKind;
  file_name: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  page_count: number | null;
  is_privileged: Generated<boolean>;
  ocr_state: Generated<OcrState>;
  ocr_language: string | null;
  ocr_text: string | null;
  ocr_confidence: number | null;
  ocr_error: string | null;
  corrected_text: string | null;
  corrected_by: string | null;
  corrected_at: Timestamp | null;
  /** Generated column: never written. */
  search: ColumnType<string, never, never>;
  uploaded_by: string | null;
  created_at: CreatedAt;
};

export type DocumentChunkTable = { document_id: string; seq: number; data: Uint8Array };

export type AttorneyProfileTable = {
  user_id: string;
  display_name: string;
  title: Generated<string>;
  bar_number: string | null;
  bar_state: Generated<string>;
  bar_address_lines: Generated<string[]>;
  phone: string | null;
  email: string | null;
  updated_at: Timestamp;
};

export type LetterTemplateTable = {
  key: string;
  language: string;
  document_id: string;
  updated_by: string | null;
  updated_at: Timestamp;
};

export type CorrespondenceTable = {
  id: string;
  person_id: string | null;
  intake_id: string | null;
  direction: CorrespondenceDirection;
  channel: CorrespondenceChannel;
  state: CorrespondenceState;
  sent_on: string | null;
  received_on: string | null;
  summary: string;
  template_key: string | null;
  language: string | null;
  /** JSON: envelope, sender lines and marking of a generated letter. */
  print_meta: ColumnType<unknown | null, string | null | undefined, string | null>;
  document_id: string | null;
  staff_id: string | null;
  returned_reason: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type VisitTable = {
  id: string;
  person_id: string;
  facility_id: string | null;
  matter_id: string | null;
  status: VisitStatus;
  purpose: string;
  requested_on: string;
  /** JSON array of YYYY-MM-DD strings. */
  proposed_dates: ColumnType<string[], string, string>;
  scheduled_start: Timestamp | null;
  scheduled_end: Timestamp | null;
  request_document_id: string | null;
  decided_reason: string | null;
  held_start: Timestamp | null;
  held_end: Timestamp | null;
  record_notes_privileged: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

/** Visitors of a visit with the details the facility asks for (legal team only: personal data of staff). */
export type VisitVisitorTable = {
  visit_id: string;
  user_id: string;
  capacity: VisitorCapacity;
  supervising_attorney_id: string | null;
  date_of_birth: string | null;
  id_number: string | null;
  bar_number: string | null;
  bar_in_good_standing: boolean | null;
  mailing_address: string | null;
  attended: boolean | null;
};

// Intakes (0007_intake.sql).

export type IntakeTable = {
  id: string;
  reference: string;
  channel: IntakeChannel;
  state: Generated<IntakeState>;
  decision: IntakeDecision | null;
  decision_reason: string | null;
  referral_organisation: string | null;
  language: Generated<IntakeLanguage>;
  applicant_name: string | null;
  name_search: string | null;
  applicant_dob: string | null;
  prisoner_number: string | null;
  number_system: PrisonerNumberSystem | null;
  facility_id: string | null;
  jurisdiction: string | null;
  claim_type: ClaimType | null;
  questionnaire: ColumnType<IntakeQuestionnaire, string, string>;
  submitted_by_name: string | null;
  submitted_by_relationship: string | null;
  submitted_by_contact: string | null;
  assigned_to: string | null;
  person_id: string | null;
  matter_id: string | null;
  received_on: string;
  first_response_on: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type IntakeReferenceCounterTable = { year: number; last_number: number };

export type SchemaMigrationTable = { version: string; name: string; checksum: string; applied_at: DefaultedTimestamp };

export type Tables = {
  organisation: OrganisationTable;
  users: UserTable;
  recovery_codes: RecoveryCodeTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  sign_in_links: SignInLinkTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationTable;
  facilities: FacilityTable;
  people: PersonTable;
  person_aliases: PersonAliasTable;
  person_identifiers: PersonIdentifierTable;
  custody_placements: CustodyPlacementTable;
  convictions: ConvictionTable;
  conviction_counts: ConvictionCountTable;
  conviction_parties: ConvictionPartyTable;
  sentence_events: SentenceEventTable;
  pipeline_stages: PipelineStageTable;
  matters: MatterTable;
  matter_team: MatterTeamTable;
  matter_stage_history: MatterStageHistoryTable;
  matter_parties: MatterPartyTable;
  tasks: TaskTable;
  notes: NoteTable;
  note_mentions: NoteMentionTable;
  contacts: ContactTable;
  contact_links: ContactLinkTable;
  conflict_checks: ConflictCheckTable;
  saved_views: SavedViewTable;
  imports: ImportTable;
  import_rows: ImportRowTable;
  person_screening_facts: PersonScreeningFactsTable;
  screening_runs: ScreeningRunTable;
  screening_run_chunks: ScreeningRunChunkTable;
  screening_results: ScreeningResultTable;
  screening_row_errors: ScreeningRowErrorTable;
  documents: DocumentTable;
  intakes: IntakeTable;
  intake_reference_counters: IntakeReferenceCounterTable;
  document_chunks: DocumentChunkTable;
  attorney_profiles: AttorneyProfileTable;
  letter_templates: LetterTemplateTable;
  correspondence: CorrespondenceTable;
  visits: VisitTable;
  visit_visitors: VisitVisitorTable;
};
