-- Correspondence (every letter, call and video visit in and out) and legal visits to clients in custody.
-- Valid on PostgreSQL 15 and PGlite.

CREATE TABLE correspondence (
  id uuid PRIMARY KEY,
  -- Whose correspondence it is: a person, or an intake before the writer is a client. Access follows
  -- the person's rules, or intake triage for an intake's letters.
  person_id uuid REFERENCES people (id) ON DELETE CASCADE,
  -- The foreign key to intakes is added at the end of this file.
  intake_id uuid,
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  channel text NOT NULL CHECK (channel IN ('post', 'legal_mail', 'messaging_service', 'phone', 'video_visit')),
  state text NOT NULL CHECK (state IN ('draft', 'ready', 'sent', 'returned', 'received')),
  sent_on date,
  received_on date,
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 5000),
  -- A letter generated from a template: which one, and in which language.
  template_key text,
  language text,
  -- A generated letter's envelope, return address and legal-mail marking as composed (JSON), for the
  -- batch print; the print checks the envelope against the person's current address.
  print_meta jsonb,
  -- The scan of a letter received, or the generated PDF of a letter sent.
  document_id uuid REFERENCES documents (id) ON DELETE SET NULL,
  staff_id uuid REFERENCES users (id) ON DELETE SET NULL,
  returned_reason text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (person_id IS NOT NULL OR intake_id IS NOT NULL),
  CHECK ((direction = 'in') = (state = 'received')),
  CHECK (state <> 'returned' OR returned_reason IS NOT NULL)
);
CREATE INDEX correspondence_person_idx ON correspondence (person_id, created_at) WHERE person_id IS NOT NULL;
CREATE INDEX correspondence_intake_idx ON correspondence (intake_id, created_at) WHERE intake_id IS NOT NULL;
-- The print queue: letters ready to go, across people.
CREATE INDEX correspondence_ready_idx ON correspondence (created_at) WHERE state = 'ready';

CREATE TABLE visits (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  facility_id uuid REFERENCES facilities (id) ON DELETE SET NULL,
  -- The matter the visit serves; follow-up tasks of the visit record go on it.
  matter_id uuid REFERENCES matters (id) ON DELETE SET NULL,
  status text NOT NULL CHECK (status IN ('requested', 'approved', 'denied', 'scheduled', 'held', 'cancelled')),
  purpose text NOT NULL,
  requested_on date NOT NULL,
  -- Dates the visitors proposed, as a JSON array of YYYY-MM-DD strings.
  proposed_dates jsonb NOT NULL DEFAULT '[]'::jsonb,
  scheduled_start timestamptz,
  scheduled_end timestamptz,
  -- The letter to the litigation coordinator (15 CCR § 3178).
  request_document_id uuid REFERENCES documents (id) ON DELETE SET NULL,
  -- Why the facility denied the visit or why it was cancelled.
  decided_reason text,
  held_start timestamptz,
  held_end timestamptz,
  -- Attorney-client privileged: read only by the person's legal team.
  record_notes_privileged text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (status <> 'scheduled' OR scheduled_start IS NOT NULL),
  CHECK (scheduled_end IS NULL OR scheduled_end > scheduled_start),
  CHECK (status <> 'held' OR (held_start IS NOT NULL AND held_end IS NOT NULL AND held_end > held_start))
);
CREATE INDEX visits_person_idx ON visits (person_id, requested_on);
CREATE INDEX visits_scheduled_idx ON visits (scheduled_start) WHERE scheduled_start IS NOT NULL;

-- Who visits, in which capacity under 15 CCR § 3178, and the details the facility asks for.
--
-- The details (date of birth, driver's licence or state ID number, bar number and standing, mailing
-- address) are personal data of staff, not of the client: they are given to one facility for one
-- visit, so they are kept on the visit (not on the user, where any colleague's screen would show
-- them) and the API shows them only to the legal team of the person visited, who prepare the request.
-- Volunteers and organisation-wide readers outside the legal team see who visits, not these details.
CREATE TABLE visit_visitors (
  visit_id uuid NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  capacity text NOT NULL CHECK (capacity IN ('attorney', 'investigator', 'law_student', 'paralegal')),
  -- An attorney's representative visits under an attorney's sponsorship.
  supervising_attorney_id uuid REFERENCES users (id) ON DELETE SET NULL,
  date_of_birth date,
  id_number text,
  bar_number text,
  bar_in_good_standing boolean,
  mailing_address text,
  -- Set by the visit record: whether this visitor attended.
  attended boolean,
  PRIMARY KEY (visit_id, user_id),
  CHECK (capacity = 'attorney' OR supervising_attorney_id IS NOT NULL)
);
CREATE INDEX visit_visitors_user_idx ON visit_visitors (user_id);

-- Intakes came in 0007_intake.sql: an intake's correspondence goes with it.
ALTER TABLE correspondence
  ADD CONSTRAINT correspondence_intake_fk FOREIGN KEY (intake_id) REFERENCES intakes (id) ON DELETE CASCADE;
