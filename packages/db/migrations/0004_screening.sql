-- Relief screening: the facts about a person that screening needs and the rest of the case file does
-- not hold, and screening runs over uploaded rosters (the file, its results and its malformed rows).
-- Valid on PostgreSQL 15 and PGlite.

-- One row per person, written through PUT /people/:id/screening-facts (PersonScreeningFacts, zod-checked).
CREATE TABLE person_screening_facts (
  person_id uuid PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  facts jsonb NOT NULL,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL
);

-- A run screens one uploaded roster on one as-of date. `uploading` is internal (the file is still
-- arriving; such a run is never listed and is swept away if the upload was abandoned).
CREATE TABLE screening_runs (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  as_of date NOT NULL,
  -- Null: every pathway of each person's jurisdiction.
  pathways text[],
  state text NOT NULL CHECK (state IN ('uploading', 'queued', 'running', 'completed', 'failed', 'cancelled')),
  file_name text NOT NULL,
  file_bytes bigint NOT NULL DEFAULT 0,
  bytes_read bigint NOT NULL DEFAULT 0,
  people_screened integer NOT NULL DEFAULT 0,
  row_errors integer NOT NULL DEFAULT 0,
  failure_reason text,
  rule_book_version text NOT NULL,
  summary jsonb,
  -- Resuming: the last roster line whose person is committed with its results and errors (written
  -- in the same transaction as each batch), so a job that stopped part-way continues after it.
  checkpoint_line integer NOT NULL DEFAULT 0,
  -- Written by the job after every batch: a run whose heartbeat is old has lost its worker.
  heartbeat_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX screening_runs_created_idx ON screening_runs (created_at, id);
CREATE INDEX screening_runs_pending_idx ON screening_runs (state, heartbeat_at)
  WHERE state IN ('uploading', 'queued', 'running');

-- The uploaded roster, in pieces of about 1 MiB in upload order: app servers are stateless, so the
-- file lives in the database until its run is deleted.
CREATE TABLE screening_run_chunks (
  run_id uuid NOT NULL REFERENCES screening_runs (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (run_id, seq)
);

-- One row per person and pathway. `line` is the roster line where the person starts.
CREATE TABLE screening_results (
  run_id uuid NOT NULL REFERENCES screening_runs (id) ON DELETE CASCADE,
  -- Byte order ("C"), so sorting and keyset pages agree on both engines whatever the server's locale.
  subject_id text COLLATE "C" NOT NULL,
  line integer NOT NULL,
  name text,
  pathway text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  eligible_from date,
  result jsonb NOT NULL,
  PRIMARY KEY (run_id, subject_id, pathway)
);
-- The results list: filtered by pathway and status, sorted by eligible-from then subject (keyset).
CREATE INDEX screening_results_filter_idx ON screening_results (run_id, pathway, status, eligible_from, subject_id);

-- Malformed rows, reported by line (the first 10,000 of a run are kept; `row_errors` counts them all).
CREATE TABLE screening_row_errors (
  run_id uuid NOT NULL REFERENCES screening_runs (id) ON DELETE CASCADE,
  line integer NOT NULL,
  subject_id text COLLATE "C",
  message text NOT NULL
);
CREATE INDEX screening_row_errors_run_idx ON screening_row_errors (run_id, line);
