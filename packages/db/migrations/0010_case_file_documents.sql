-- The case file's documents: a person's photo, and the order or grant behind a sentence event, now
-- that documents exist (0006). A document removed leaves the record without it, never a dangling id.
ALTER TABLE people ADD COLUMN photo_document_id uuid REFERENCES documents (id) ON DELETE SET NULL;
ALTER TABLE sentence_events
  ADD CONSTRAINT sentence_events_document_fk FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE SET NULL;
