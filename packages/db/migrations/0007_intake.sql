-- Intakes: a first letter, a public-form submission, a referral or a phone call, before anyone is a
-- client. The questionnaire is kept whole as JSON (core IntakeQuestionnaire); the columns beside it
-- are copied from it on every write, for the triage filters and the duplicate search.
-- Valid on PostgreSQL 15 and PGlite.
CREATE TABLE intakes (
  id uuid PRIMARY KEY,
  -- Short human code quoted in letters and on the phone: IN-<year>-<5 digits>.
  reference text NOT NULL UNIQUE CHECK (reference ~ '^IN-[0-9]{4}-[0-9]{5,}$'),
  channel text NOT NULL CHECK (channel IN ('mailed_letter', 'public_form', 'referral', 'phone_call')),
  state text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'in_review', 'decided')),
  decision text CHECK (decision IN ('accepted', 'declined', 'waitlisted', 'referred')),
  decision_reason text,
  referral_organisation text,
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es', 'other')),
  applicant_name text,
  -- core normaliseName(applicant_name), for pg_trgm.
  name_search text,
  applicant_dob date,
  prisoner_number text,
  number_system text CHECK (number_system IN ('cdcr', 'bop', 'county', 'other')),
  facility_id uuid REFERENCES facilities (id) ON DELETE SET NULL,
  jurisdiction text,
  claim_type text CHECK (claim_type IN ('actual_innocence', 'wrongful_conviction_other', 'excessive_sentence',
    'clemency', 'parole', 'other')),
  questionnaire jsonb NOT NULL DEFAULT '{}',
  -- Who sent it in: a family member or advocate (public form), or the referring organisation.
  submitted_by_name text,
  submitted_by_relationship text,
  submitted_by_contact text,
  assigned_to uuid REFERENCES users (id) ON DELETE SET NULL,
  -- Set when the intake is accepted: the person and matter it became.
  person_id uuid REFERENCES people (id) ON DELETE SET NULL,
  matter_id uuid REFERENCES matters (id) ON DELETE SET NULL,
  received_on date NOT NULL,
  first_response_on date,
  decided_at timestamptz,
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  -- Null for a public-form submission.
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((state = 'decided') = (decision IS NOT NULL))
);
CREATE INDEX intakes_name_trgm ON intakes USING gin (name_search gin_trgm_ops);
-- The triage queue: open intakes oldest first, and its filters.
CREATE INDEX intakes_queue_idx ON intakes (state, received_on, id);
CREATE INDEX intakes_received_idx ON intakes (received_on, id);
CREATE INDEX intakes_assigned_idx ON intakes (assigned_to, state) WHERE assigned_to IS NOT NULL;
CREATE INDEX intakes_jurisdiction_idx ON intakes (jurisdiction, state) WHERE jurisdiction IS NOT NULL;
CREATE INDEX intakes_claim_type_idx ON intakes (claim_type, state) WHERE claim_type IS NOT NULL;
CREATE INDEX intakes_language_idx ON intakes (language, state);
-- Prisoner numbers compared as core identifierKey does: no case, spaces, dashes, dots or slashes.
CREATE INDEX intakes_prisoner_number_idx ON intakes (upper(regexp_replace(prisoner_number, '[[:space:]_./-]', '', 'g')))
  WHERE prisoner_number IS NOT NULL;
CREATE INDEX intakes_dob_idx ON intakes (applicant_dob) WHERE applicant_dob IS NOT NULL;
CREATE INDEX intakes_person_idx ON intakes (person_id) WHERE person_id IS NOT NULL;
-- The public form's limit on submissions from everyone together counts recent ones.
CREATE INDEX intakes_public_recent_idx ON intakes (created_at) WHERE channel = 'public_form';

-- The last reference number given out per year (IN-2026-00042 is the 42nd of 2026).
CREATE TABLE intake_reference_counters (
  year integer PRIMARY KEY,
  last_number integer NOT NULL
);

ALTER TABLE documents
  ADD CONSTRAINT documents_intake_fk FOREIGN KEY (intake_id) REFERENCES intakes (id) ON DELETE CASCADE;
