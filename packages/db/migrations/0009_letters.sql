-- Letters from templates: the attorney profile that a legal-mail letter is sent from, and the Word
-- templates staff have uploaded in place of the defaults shipped with the server.
-- Valid on PostgreSQL 15 and PGlite.

-- The return address of legal mail must show the attorney's name, title and the address on record
-- with the State Bar (15 CCR § 3141(d), § 3142; 28 CFR § 540.19), exactly as written here.
CREATE TABLE attorney_profiles (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  title text NOT NULL DEFAULT 'Attorney at Law' CHECK (length(title) BETWEEN 1 AND 100),
  bar_number text,
  bar_state text NOT NULL DEFAULT 'CA',
  bar_address_lines text[] NOT NULL DEFAULT '{}',
  phone text,
  email text,
  updated_at timestamptz NOT NULL
);

-- An uploaded replacement for a default template; deleting the row goes back to the default.
CREATE TABLE letter_templates (
  key text NOT NULL,
  language text NOT NULL CHECK (language IN ('en', 'es')),
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (key, language)
);
