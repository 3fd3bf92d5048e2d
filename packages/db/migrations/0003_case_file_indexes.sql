-- Indexes for the case-file lists at the sizes of issue 3's benchmarks (100,000 people, 150,000 matters,
-- 1,000,000 notes; bench/case-file). Each list sort gets an index in the exact ORDER BY of its query, id
-- tie-break included, so a page (the first, or one deep behind a keyset cursor) reads about 50 index
-- entries instead of sorting the table: 20-100 ms became under 3 ms per query on both engines.
-- Valid on PostgreSQL 15 and PGlite.

-- People (listPeople): by name in byte order, by creation, by date of birth with unknown dates last in
-- both directions (the two coalesce expressions of PeopleSortKey 'dob').
CREATE INDEX people_name_sort_idx ON people ((name_search COLLATE "C"), id);
CREATE INDEX people_created_sort_idx ON people (created_at, id);
CREATE INDEX people_dob_asc_sort_idx ON people ((coalesce(date_of_birth, DATE '9999-12-31')), id);
CREATE INDEX people_dob_desc_sort_idx ON people ((coalesce(date_of_birth, DATE '0001-01-01')), id);

-- The identifier filter compares upper(value) with what was typed: without this it read every identifier.
CREATE INDEX person_identifiers_upper_value_idx ON person_identifiers (upper(value));

-- The facility filter: part of the name of a current (open) placement, ILIKE '%...%'.
CREATE INDEX custody_placements_open_facility_trgm ON custody_placements USING gin (facility_name gin_trgm_ops)
  WHERE to_date IS NULL;

-- Matters (listMatters): by opening date (the default sort), by type then opening date, by last change.
CREATE INDEX matters_opened_sort_idx ON matters (opened_on, id);
CREATE INDEX matters_type_opened_sort_idx ON matters (type, opened_on, id);
CREATE INDEX matters_updated_sort_idx ON matters (updated_at, id);

-- Who a team member may see (personIsVisible): the person of each of the member's matters, read from
-- the index alone. Without it the planner hashed the whole matters table on every people list a
-- paralegal or advocate opened (30 ms at 150,000 matters).
CREATE INDEX matters_id_person_idx ON matters (id) INCLUDE (person_id);
