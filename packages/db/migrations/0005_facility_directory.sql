-- The facility directory: where each prison and federal institution takes mail for the people it holds
-- (usually a P.O. Box, not the street address), and who last changed an entry. The CDCR and BOP entries
-- are seeded from packages/db/data/facilities by `seedFacilityDirectory`, which never overwrites an entry
-- a person has edited (`is_edited`).

ALTER TABLE facilities
  ADD COLUMN security_level text,
  ADD COLUMN phone text,
  -- The mailing address for incarcerated people, in lines: the P.O. Box (or street), city, state, ZIP.
  ADD COLUMN mail_line1 text,
  ADD COLUMN mail_city text,
  ADD COLUMN mail_state text,
  ADD COLUMN mail_zip text,
  -- What the lines cannot say: boxes that differ by yard, a separate box for legal mail, a camp's box.
  ADD COLUMN mail_note text,
  ADD COLUMN is_active boolean NOT NULL DEFAULT true,
  -- Whether the entry was checked against a published source (see `source`).
  ADD COLUMN verified boolean NOT NULL DEFAULT false,
  -- Set once a person creates or changes the entry: the directory seed leaves it alone from then on.
  ADD COLUMN is_edited boolean NOT NULL DEFAULT false,
  ADD COLUMN updated_by uuid REFERENCES users (id) ON DELETE SET NULL;

CREATE INDEX facilities_name_idx ON facilities (name, id);
CREATE INDEX facilities_jurisdiction_name_idx ON facilities (jurisdiction, name, id);
