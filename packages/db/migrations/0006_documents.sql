-- Documents: letter scans and photos, returned questionnaires, Word templates, generated letters.
-- App servers are stateless, so the bytes live in the database, in pieces of about 1 MiB. The media
-- type is the one the bytes show (checked on upload), never the one a client declared.
-- Valid on PostgreSQL 15 and PGlite.
CREATE TABLE documents (
  id uuid PRIMARY KEY,
  -- The record a document belongs to; access to the document is access to it. Intakes come in
  -- 0007_intake.sql, which adds the foreign key for intake_id.
  person_id uuid REFERENCES people (id) ON DELETE CASCADE,
  intake_id uuid,
  kind text NOT NULL CHECK (kind IN ('letter_scan', 'questionnaire_scan', 'photo', 'template',
    'generated_letter', 'visit_record', 'other')),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  media_type text NOT NULL,
  byte_size bigint NOT NULL CHECK (byte_size >= 0),
  sha256 text NOT NULL,
  page_count integer,
  is_privileged boolean NOT NULL DEFAULT false,
  -- OCR: the text read from the image, kept beside it, and the text a person corrected (which wins).
  ocr_state text NOT NULL DEFAULT 'none' CHECK (ocr_state IN ('none', 'queued', 'running', 'done', 'failed')),
  ocr_language text,
  ocr_text text,
  ocr_confidence real,
  ocr_error text,
  corrected_text text,
  corrected_by uuid REFERENCES users (id) ON DELETE SET NULL,
  corrected_at timestamptz,
  search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', coalesce(corrected_text, ocr_text, '') || ' ' || file_name)
  ) STORED,
  uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX documents_person_idx ON documents (person_id, created_at) WHERE person_id IS NOT NULL;
CREATE INDEX documents_intake_idx ON documents (intake_id, created_at) WHERE intake_id IS NOT NULL;
CREATE INDEX documents_ocr_pending_idx ON documents (ocr_state) WHERE ocr_state IN ('queued', 'running');
CREATE INDEX documents_search_idx ON documents USING gin (search);

CREATE TABLE document_chunks (
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (document_id, seq)
);
