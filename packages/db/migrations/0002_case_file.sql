-- The case file: people in custody, where they are held, what they were convicted of, how their
-- sentences moved, the matters the team runs for them, and the people around the work.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Facilities (the full CDCR and BOP directory is seeded by the intake work; here the table and its shape).
CREATE TABLE facilities (
  id uuid PRIMARY KEY,
  code text UNIQUE,
  name text NOT NULL,
  jurisdiction text NOT NULL CHECK (jurisdiction IN ('CA', 'US', 'county', 'other')),
  kind text NOT NULL DEFAULT 'prison',
  street_address text,
  mailing_address text,
  city text,
  state text,
  zip text,
  visiting_info text,
  source text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE people (
  id uuid PRIMARY KEY,
  -- A stable id from the team's spreadsheet: re-importing the same file updates instead of duplicating.
  external_id text UNIQUE,
  legal_name text NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 200),
  name_search text NOT NULL,
  date_of_birth date,
  gender text,
  preferred_language text,
  status text NOT NULL DEFAULT 'in_custody' CHECK (status IN ('in_custody', 'released', 'on_parole', 'deceased')),
  phone text,
  email text,
  mailing_address text,
  notes text,
  -- Set when a transfer is learned and cleared when the new address is confirmed: no mail goes out meanwhile.
  mail_hold_since date,
  mail_hold_reason text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX people_name_trgm ON people USING gin (name_search gin_trgm_ops);
CREATE INDEX people_dob_idx ON people (date_of_birth);
CREATE INDEX people_status_idx ON people (status, legal_name);

CREATE TABLE person_aliases (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  name text NOT NULL,
  name_search text NOT NULL,
  kind text NOT NULL DEFAULT 'alias' CHECK (kind IN ('alias', 'spelling', 'committed_name', 'former_name'))
);
CREATE INDEX person_aliases_person_idx ON person_aliases (person_id);
CREATE INDEX person_aliases_trgm ON person_aliases USING gin (name_search gin_trgm_ops);

CREATE TABLE person_identifiers (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  system text NOT NULL CHECK (system IN ('cdcr', 'bop', 'county_booking', 'fbi', 'state_id', 'other')),
  value text NOT NULL,
  issuer text,
  UNIQUE (system, value)
);
CREATE INDEX person_identifiers_person_idx ON person_identifiers (person_id);

CREATE TABLE custody_placements (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  facility_id uuid REFERENCES facilities (id) ON DELETE SET NULL,
  facility_name text NOT NULL,
  housing text,
  from_date date NOT NULL,
  to_date date,
  learned_from text NOT NULL DEFAULT 'other' CHECK (learned_from IN ('locator', 'letter', 'family', 'court', 'returned_mail', 'phone', 'other')),
  address_confirmed_at date,
  created_at timestamptz NOT NULL,
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX custody_placements_person_idx ON custody_placements (person_id, from_date);

CREATE TABLE convictions (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  case_number text,
  court text,
  county text,
  jurisdiction text NOT NULL DEFAULT 'CA' CHECK (jurisdiction IN ('CA', 'US', 'other')),
  offense_start date,
  offense_end date,
  conviction_date date,
  disposition text CHECK (disposition IN ('plea', 'jury', 'bench')),
  enhancements text[] NOT NULL DEFAULT '{}',
  special_circumstances text[] NOT NULL DEFAULT '{}',
  prosecutor text,
  defense_counsel text,
  judge text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (offense_end IS NULL OR offense_start IS NULL OR offense_end >= offense_start)
);
CREATE INDEX convictions_person_idx ON convictions (person_id);

CREATE TABLE conviction_counts (
  id uuid PRIMARY KEY,
  conviction_id uuid NOT NULL REFERENCES convictions (id) ON DELETE CASCADE,
  position integer NOT NULL,
  statute text NOT NULL,
  description text,
  degree text CHECK (degree IN ('first', 'second', 'third')),
  is_attempt boolean NOT NULL DEFAULT false
);
CREATE INDEX conviction_counts_conviction_idx ON conviction_counts (conviction_id, position);

-- Victims and co-defendants: victims are restricted (legal team only); both feed the conflict check.
CREATE TABLE conviction_parties (
  id uuid PRIMARY KEY,
  conviction_id uuid NOT NULL REFERENCES convictions (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('victim', 'survivor', 'co_defendant')),
  name text NOT NULL,
  name_search text NOT NULL,
  notify boolean NOT NULL DEFAULT false,
  notes text
);
CREATE INDEX conviction_parties_conviction_idx ON conviction_parties (conviction_id);
CREATE INDEX conviction_parties_trgm ON conviction_parties USING gin (name_search gin_trgm_ops);

CREATE TABLE sentence_events (
  id uuid PRIMARY KEY,
  conviction_id uuid NOT NULL REFERENCES convictions (id) ON DELETE CASCADE,
  -- Order as entered, for events on the same day.
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('imposed', 'execution_method_set', 'stayed', 'suspended', 'reinstated', 'vacated',
    'modified', 'resentenced', 'commuted', 'pardoned', 'paroled', 'released', 'discharged', 'died', 'executed')),
  date date NOT NULL,
  authority text CHECK (authority IN ('court', 'governor', 'president', 'parole_board', 'corrections', 'other')),
  authority_name text,
  term jsonb,
  execution_method text CHECK (execution_method IN ('lethal_injection', 'gas_chamber', 'electrocution', 'firing_squad', 'hanging', 'nitrogen_hypoxia')),
  document_id uuid,
  note text,
  created_at timestamptz NOT NULL
);
CREATE INDEX sentence_events_conviction_idx ON sentence_events (conviction_id, date, position);

-- Pipelines: rows override the built-in default stages of a matter type.
CREATE TABLE pipeline_stages (
  matter_type text NOT NULL,
  position integer NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (matter_type, name),
  UNIQUE (matter_type, position)
);

CREATE TABLE matters (
  id uuid PRIMARY KEY,
  external_id text UNIQUE,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  type text NOT NULL CHECK (type IN ('state_commutation', 'federal_commutation', 'pardon', 'innocence_investigation',
    'dna_testing', 'resentencing', 'compassionate_release', 'parole_hearing', 'habeas', 'reentry')),
  title text NOT NULL,
  stage text NOT NULL,
  decision_maker text,
  opened_on date NOT NULL,
  closed_on date,
  outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'granted', 'denied', 'withdrawn', 'moot')),
  release_date date,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
CREATE INDEX matters_person_idx ON matters (person_id);
CREATE INDEX matters_type_stage_idx ON matters (type, stage);
CREATE INDEX matters_outcome_idx ON matters (outcome, opened_on);
CREATE INDEX matters_title_trgm ON matters USING gin (lower(title) gin_trgm_ops);

CREATE TABLE matter_team (
  matter_id uuid NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  matter_role text NOT NULL CHECK (matter_role IN ('lead_attorney', 'co_counsel', 'advocate', 'investigator', 'paralegal', 'law_apprentice', 'volunteer')),
  added_at timestamptz NOT NULL,
  PRIMARY KEY (matter_id, user_id)
);
CREATE INDEX matter_team_user_idx ON matter_team (user_id);

CREATE TABLE matter_stage_history (
  id uuid PRIMARY KEY,
  matter_id uuid NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
  from_stage text,
  to_stage text NOT NULL,
  changed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX matter_stage_history_matter_idx ON matter_stage_history (matter_id, changed_at);

-- Adverse parties and others named on a matter, for the conflict check.
CREATE TABLE matter_parties (
  id uuid PRIMARY KEY,
  matter_id uuid NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('adverse_party', 'witness', 'other')),
  name text NOT NULL,
  name_search text NOT NULL
);
CREATE INDEX matter_parties_trgm ON matter_parties USING gin (name_search gin_trgm_ops);

CREATE TABLE tasks (
  id uuid PRIMARY KEY,
  matter_id uuid NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
  title text NOT NULL,
  assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
  due_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  completed_at timestamptz
);
CREATE INDEX tasks_matter_idx ON tasks (matter_id, status, due_on);
CREATE INDEX tasks_assignee_idx ON tasks (assignee_id, status, due_on);

CREATE TABLE notes (
  id uuid PRIMARY KEY,
  matter_id uuid NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
  body text NOT NULL CHECK (length(body) <= 100000),
  -- Attorney work product or privileged communication: legal team only.
  is_privileged boolean NOT NULL DEFAULT false,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED
);
CREATE INDEX notes_matter_idx ON notes (matter_id, created_at);
CREATE INDEX notes_search_idx ON notes USING gin (search);

CREATE TABLE note_mentions (
  note_id uuid NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (note_id, user_id)
);

CREATE TABLE contacts (
  id uuid PRIMARY KEY,
  external_id text UNIQUE,
  kind text NOT NULL CHECK (kind IN ('official', 'attorney', 'family', 'supporter', 'journalist', 'laboratory', 'other')),
  name text NOT NULL,
  name_search text NOT NULL,
  organisation text,
  title text,
  email text,
  phone text,
  address text,
  notes text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX contacts_trgm ON contacts USING gin (name_search gin_trgm_ops);

CREATE TABLE contact_links (
  id uuid PRIMARY KEY,
  contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  person_id uuid REFERENCES people (id) ON DELETE CASCADE,
  matter_id uuid REFERENCES matters (id) ON DELETE CASCADE,
  relationship text NOT NULL,
  CHECK ((person_id IS NULL) <> (matter_id IS NULL))
);
CREATE INDEX contact_links_contact_idx ON contact_links (contact_id);
CREATE INDEX contact_links_person_idx ON contact_links (person_id);
CREATE INDEX contact_links_matter_idx ON contact_links (matter_id);

-- A conflict check and what the user decided about it, kept as a record.
CREATE TABLE conflict_checks (
  id uuid PRIMARY KEY,
  subject_kind text NOT NULL CHECK (subject_kind IN ('person', 'contact', 'party')),
  subject_name text NOT NULL,
  matches jsonb NOT NULL,
  decision text CHECK (decision IN ('no_conflict', 'conflict_waived', 'conflict')),
  note text,
  checked_by uuid REFERENCES users (id) ON DELETE SET NULL,
  checked_at timestamptz NOT NULL,
  decided_at timestamptz
);

CREATE TABLE saved_views (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  list text NOT NULL CHECK (list IN ('people', 'matters', 'contacts', 'tasks')),
  name text NOT NULL,
  query jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (user_id, list, name)
);

-- Spreadsheet imports started in the browser: the file's rows are staged here between the mapping,
-- the dry run and the import, so a long import can be resumed or re-run.
CREATE TABLE imports (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('people', 'matters', 'contacts')),
  filename text NOT NULL,
  status text NOT NULL CHECK (status IN ('uploaded', 'mapped', 'dry_run', 'importing', 'done', 'failed')),
  header text[] NOT NULL,
  mapping jsonb,
  row_count integer NOT NULL,
  rows_done integer NOT NULL DEFAULT 0,
  report jsonb,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE TABLE import_rows (
  import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  line integer NOT NULL,
  cells text[] NOT NULL,
  PRIMARY KEY (import_id, line)
);
