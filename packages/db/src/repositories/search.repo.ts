import {
  HEADLINE_START,
  HEADLINE_STOP,
  IDENTIFIER_SYSTEMS,
  type IdentifierSystem,
  type IntakeState,
  isOrgWideReader,
  type MatterType,
  type PersonStatus,
} from '@redress/core';
import { type Expression, type ExpressionBuilder, sql } from 'kysely';
import { matterIsVisible, onLegalTeamOf, onLegalTeamOfPerson, personIsVisible, type Viewer } from '../access-scope.js';
import type { Executor, Tx } from '../executor.js';
import type { ContactKind, Tables } from '../tables.js';

// Global search. Each query starts from an index (trigram GIN on the searchable names and on
// lower(matters.title), full-text GIN on notes.search, the (system, value) key of identifiers) and
// keeps only what the viewer may see: people through `personIsVisible`, matters through
// `matterIsVisible`, notes through their matter, privileged notes only for the matter's legal team.
// (Matter titles for a reader who sees only their own teams' matters start from those matters instead:
// see `searchMattersByTitle`.) `viewer: null` is the operator at the server's command line.

const visiblePerson = (viewer: Viewer | null) => (eb: ExpressionBuilder<Tables, 'people'>) =>
  viewer ? personIsVisible(viewer)(eb) : sql<boolean>`true`;
const visibleMatter = (viewer: Viewer | null) => (eb: ExpressionBuilder<Tables, 'matters'>) =>
  viewer ? matterIsVisible(viewer)(eb) : sql<boolean>`true`;

/**
 * Prepares the rest of the transaction for trigram queries: the pg_trgm thresholds, so `%` and `<%`
 * (which the GIN trigram indexes serve) mean exactly "at least this similar"; and no sequential scans.
 * The planner costs the trigram operators like an equality test, while each call computes two trigram
 * sets: on 100,000 people it chose a sequential scan for a common name (200 ms on PostgreSQL) over the
 * index (7 ms). A table without a usable index is still read whole (the setting only discourages it),
 * and JIT is off, since the penalty cost of such a plan would otherwise trigger a compilation that
 * takes longer than the query. Transaction-local: nothing leaks to the pool.
 */
export const prepareTrigramQueries = async (tx: Tx, t: { similarity: number; wordSimilarity: number }) => {
  await sql`SELECT
    set_config('pg_trgm.similarity_threshold', ${String(t.similarity)}, true),
    set_config('pg_trgm.word_similarity_threshold', ${String(t.wordSimilarity)}, true),
    set_config('enable_seqscan', 'off', true),
    set_config('jit', 'off', true)`.execute(tx);
};

/** Word similarity of the typed text to the closest words of `column`, averaged with whole-name similarity. */
const nameScore = (text: string, column: Expression<string>) =>
  sql<number>`((word_similarity(${text}, ${column}) + similarity(${text}, ${column})) / 2)::float8`;

/**
 * What is looked for: the whole text (normalised for names, lower case for titles), which scores a
 * hit, and its words (core `searchWords`), each of which must be like some word of the name.
 */
export type SearchText = { whole: string; words: readonly string[] };

/**
 * Three kinds of trigram match, all served by the same GIN index: `partial`, every word typed like
 * some word of the name (`<%`, one index condition per word, so the index intersects them: "kevn
 * coopper" finds "Kevin Cooper", "coop" finds it too); `close`, in addition the whole text like the
 * whole name (`%`); and `whole`, the whole text like the whole name alone, for a name of several words
 * with one word misspelt too far from its counterpart on its own ("miguel wisamrda" for "Miguel
 * Wismarda": "wisamrda" is 0.38 like "wismarda", under the word threshold; the whole is 0.6 like).
 */
type Tier = 'close' | 'partial' | 'whole';
const matching = (tier: Tier, t: SearchText, column: Expression<string>) => {
  if (tier === 'whole') return sql<boolean>`(${column} % ${t.whole})`;
  const everyWord = sql.join(
    t.words.map((w) => sql`${w} <% ${column}`),
    sql` AND `,
  );
  return tier === 'close' ? sql<boolean>`(${everyWord} AND ${column} % ${t.whole})` : sql<boolean>`(${everyWord})`;
};

/**
 * How much is ranked. A short or common text ("jo", "garcia") can match a large part of a table, and
 * every candidate costs a trigram computation, so partial matches are ranked within the first
 * `window` visible candidates. When that window fills and several words were typed, the close matches
 * are ranked too (few, whatever the table holds), so a whole name typed in full is never crowded out.
 */
export type SearchWindow = { limit: number; window: number };

const bestWithin = async <O>(db: Executor, candidates: Expression<O>, limit: number) => {
  const { rows } = await sql<O & { candidates: number }>`
    SELECT *, count(*) OVER ()::int AS candidates FROM (${candidates}) AS c ORDER BY c.score DESC, c.id LIMIT ${limit}`.execute(
    db,
  );
  return { rows: rows.map(({ candidates: _count, ...row }) => row as O), candidates: Number(rows[0]?.candidates ?? 0) };
};

/**
 * The best `limit` partial matches within the window, and the best close matches if it filled (rows
 * may repeat). When several words were typed and no name has every one of them, the names like the
 * whole text are ranked instead (`whole`), so a misspelt full name is still found; a text with a word
 * nobody has ("kevin quaxley") stays far from every whole name and still finds nothing. That is one more
 * index scan, paid only by such texts (on 200,000 people, 3 to 4 ms on PostgreSQL per query). Titles and
 * organisations are not names: for them (`isName: false`) partial matches are all there is, since a
 * common word ("clemency") would make every title a close candidate.
 */
const bestMatches = async <O extends { id: string; score: number }>(
  db: Executor,
  t: SearchText,
  o: SearchWindow & { isName: boolean },
  candidates: (tier: Tier) => { limit(n: number): Expression<O> },
): Promise<O[]> => {
  if (t.words.length === 0) return [];
  const partial = await bestWithin(db, candidates('partial').limit(o.window), o.limit);
  if (!o.isName || t.words.length < 2) return partial.rows;
  if (partial.candidates === 0) return (await bestWithin(db, candidates('whole').limit(o.window), o.limit)).rows;
  if (partial.candidates < o.window) return partial.rows;
  const close = await bestWithin(db, candidates('close').limit(o.window), o.limit);
  return [...close.rows, ...partial.rows];
};

// ---- People ----

export type PersonSearchRow = {
  id: string;
  legal_name: string;
  status: PersonStatus;
  date_of_birth: string | null;
  score: number;
  /** The alias that matched, or the identifier as stored. */
  matched_text: string | null;
  identifier_system: IdentifierSystem | null;
};

const personColumns = ['people.id', 'people.legal_name', 'people.status', 'people.date_of_birth'] as const;

/** People whose legal name is like the text (its whole normalised with `nameSearchOf`). Needs `prepareTrigramQueries`. */
export const searchPeopleByName = (db: Executor, viewer: Viewer | null, t: SearchText, o: SearchWindow) =>
  bestMatches<PersonSearchRow>(db, t, { ...o, isName: true }, (tier) =>
    db
      .selectFrom('people')
      .select(personColumns)
      .select(nameScore(t.whole, sql.ref('people.name_search')).as('score'))
      .select([sql<string | null>`null`.as('matched_text'), sql<IdentifierSystem | null>`null`.as('identifier_system')])
      .where(matching(tier, t, sql.ref('people.name_search')))
      .where(visiblePerson(viewer)),
  );

/** People with an alias like the text; one row per alias. Needs `prepareTrigramQueries`. */
export const searchPeopleByAlias = (db: Executor, viewer: Viewer | null, t: SearchText, o: SearchWindow) =>
  bestMatches<PersonSearchRow>(db, t, { ...o, isName: true }, (tier) =>
    db
      .selectFrom('person_aliases as sa')
      .innerJoin('people', 'people.id', 'sa.person_id')
      .select(personColumns)
      .select(nameScore(t.whole, sql.ref('sa.name_search')).as('score'))
      .select(['sa.name as matched_text', sql<IdentifierSystem | null>`null`.as('identifier_system')])
      .where(matching(tier, t, sql.ref('sa.name_search')))
      .where((eb) => visiblePerson(viewer)(eb as never)),
  );

/** People carrying an identifier equal to one of `forms` in any system (the (system, value) key). */
export const searchPeopleByIdentifier = (
  db: Executor,
  viewer: Viewer | null,
  forms: readonly string[],
  limit: number,
): Promise<PersonSearchRow[]> =>
  forms.length === 0
    ? Promise.resolve([])
    : (db
        .selectFrom('person_identifiers as si')
        .innerJoin('people', 'people.id', 'si.person_id')
        .select(personColumns)
        .select([sql<number>`1`.as('score'), 'si.value as matched_text', 'si.system as identifier_system'])
        .where('si.system', 'in', [...IDENTIFIER_SYSTEMS])
        .where('si.value', 'in', [...forms])
        .where((eb) => visiblePerson(viewer)(eb as never))
        .orderBy('people.legal_name')
        .orderBy('people.id')
        .limit(limit)
        .execute() as Promise<PersonSearchRow[]>);

// ---- Matters ----

export type MatterSearchRow = {
  id: string;
  title: string;
  type: MatterType;
  stage: string;
  person_name: string;
  score: number;
};

const matterColumns = ['matters.id', 'matters.title', 'matters.type', 'matters.stage'] as const;

/**
 * Matters whose title is like `text` (lower case). Needs `prepareTrigramQueries`.
 *
 * An org-wide reader (and the operator) starts from the title index. A reader who sees only the
 * matters of their own teams starts from those (matter_team by user, materialised so the planner
 * cannot fold it back into the title index) and tests their titles alone. From the index, a common word
 * gave every matching title in the organisation, each then checked against the team: "hearing" (in
 * 18,000 of 150,000 titles), for a paralegal on 1,514 matters, took 68 ms on PostgreSQL and 160 ms on
 * PGlite, 16 and 28 ms this way. The price is a floor: a rare word, which the index answered in 2 to
 * 15 ms, now costs the reader's matters read once (11 to 13 ms on PostgreSQL, 17 to 31 on PGlite, for
 * those 1,514). The same matters pass either way: being on the team is what `matterIsVisible` asks of
 * such a reader.
 */
export const searchMattersByTitle = (db: Executor, viewer: Viewer | null, t: SearchText, o: SearchWindow) =>
  bestMatches<MatterSearchRow>(db, t, { ...o, isName: false }, (tier) =>
    viewer && !isOrgWideReader(viewer.role)
      ? db
          .with(
            (cte) => cte('mine').materialized(),
            (qb) =>
              qb
                .selectFrom('matter_team as vt')
                .innerJoin('matters as m', 'm.id', 'vt.matter_id')
                .select(['m.id', 'm.title', 'm.type', 'm.stage', 'm.person_id'])
                .where('vt.user_id', '=', viewer.userId),
          )
          .selectFrom('mine')
          .innerJoin('people', 'people.id', 'mine.person_id')
          .select(['mine.id', 'mine.title', 'mine.type', 'mine.stage'])
          .select('people.legal_name as person_name')
          .select(nameScore(t.whole, sql<string>`lower(mine.title)`).as('score'))
          .where(matching(tier, t, sql<string>`lower(mine.title)`))
      : db
          .selectFrom('matters')
          .innerJoin('people', 'people.id', 'matters.person_id')
          .select(matterColumns)
          .select('people.legal_name as person_name')
          .select(nameScore(t.whole, sql<string>`lower(matters.title)`).as('score'))
          .where(matching(tier, t, sql<string>`lower(matters.title)`))
          .where((eb) => visibleMatter(viewer)(eb as never)),
  );

/** Matters of the people whose legal name is like the text. Needs `prepareTrigramQueries`. */
export const searchMattersByPersonName = (db: Executor, viewer: Viewer | null, t: SearchText, o: SearchWindow) =>
  bestMatches<MatterSearchRow>(db, t, { ...o, isName: true }, (tier) =>
    db
      .selectFrom('people')
      .innerJoin('matters', 'matters.person_id', 'people.id')
      .select(matterColumns)
      .select('people.legal_name as person_name')
      .select(nameScore(t.whole, sql.ref('people.name_search')).as('score'))
      .where(matching(tier, t, sql.ref('people.name_search')))
      .where((eb) => visibleMatter(viewer)(eb as never)),
  );

// ---- Contacts (the directory is shared by the whole team) ----

export type ContactSearchRow = {
  id: string;
  name: string;
  kind: ContactKind;
  organisation: string | null;
  title: string | null;
  score: number;
};

const contactColumns = [
  'contacts.id',
  'contacts.name',
  'contacts.kind',
  'contacts.organisation',
  'contacts.title',
] as const;

/** Contacts whose name is like the text. Needs `prepareTrigramQueries`. */
export const searchContactsByName = (db: Executor, t: SearchText, o: SearchWindow) =>
  bestMatches<ContactSearchRow>(db, t, { ...o, isName: true }, (tier) =>
    db
      .selectFrom('contacts')
      .select(contactColumns)
      .select(nameScore(t.whole, sql.ref('contacts.name_search')).as('score'))
      .where(matching(tier, t, sql.ref('contacts.name_search'))),
  );

/**
 * Contacts whose organisation is like `text` (lower case). There is no trigram index on organisations
 * (the directory is small next to people and notes), so this reads the contacts table.
 */
export const searchContactsByOrganisation = (db: Executor, t: SearchText, o: SearchWindow) =>
  bestMatches<ContactSearchRow>(db, t, { ...o, isName: false }, (tier) =>
    db
      .selectFrom('contacts')
      .select(contactColumns)
      .select(nameScore(t.whole, sql<string>`lower(contacts.organisation)`).as('score'))
      .where('contacts.organisation', 'is not', null)
      .where(matching(tier, t, sql<string>`lower(contacts.organisation)`)),
  );

// ---- Notes ----

export type NoteSearchRow = {
  id: string;
  matter_id: string;
  matter_title: string;
  is_privileged: boolean;
  created_at: Date;
  score: number;
  /** The passage, matches between HEADLINE_START and HEADLINE_STOP. */
  headline: string;
};

const HEADLINE_OPTIONS = `StartSel=${HEADLINE_START}, StopSel=${HEADLINE_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Notes matching `text` as a web search (`websearch_to_tsquery('english', ...)`: stems, "quoted
 * phrases", -exclusions, or), on matters the viewer may see; privileged notes only for the matter's
 * legal team. Ranked with ts_rank within the first `window` matches (see NOTE_RANK_WINDOW); the
 * headline is computed for the returned rows only.
 */
export const searchNotes = async (
  db: Executor,
  viewer: Viewer | null,
  text: string,
  options: { limit: number; window: number },
): Promise<NoteSearchRow[]> => {
  const query = sql`websearch_to_tsquery('english', ${text})`;
  const candidates = db
    .selectFrom('notes')
    .innerJoin('matters', 'matters.id', 'notes.matter_id')
    .select(['notes.id', 'notes.matter_id', 'notes.is_privileged', 'notes.created_at', 'matters.title as matter_title'])
    .select(sql<number>`ts_rank(notes.search, ${query})::float8`.as('score'))
    .where(sql<boolean>`notes.search @@ ${query}`)
    .where((eb) => visibleMatter(viewer)(eb as never))
    .where((eb) =>
      viewer
        ? eb.or([eb('notes.is_privileged', '=', false), onLegalTeamOf(viewer, 'notes.matter_id')(eb)])
        : sql<boolean>`true`,
    )
    .limit(options.window);
  const ranked = db
    .selectFrom(candidates.as('c'))
    .selectAll('c')
    .orderBy('c.score', 'desc')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .limit(options.limit);
  return db
    .selectFrom(ranked.as('r'))
    .innerJoin('notes as hn', 'hn.id', 'r.id')
    .selectAll('r')
    .select(
      sql<string>`ts_headline('english', translate(hn.body, ${HEADLINE_START + HEADLINE_STOP}, ''), ${query}, ${HEADLINE_OPTIONS})`.as(
        'headline',
      ),
    )
    .orderBy('r.score', 'desc')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .execute() as Promise<NoteSearchRow[]>;
};

// ---- Intakes (whoever may triage intakes sees them all; the caller checks `intake.triage`) ----

export type IntakeSearchRow = {
  id: string;
  reference: string;
  applicant_name: string | null;
  prisoner_number: string | null;
  state: IntakeState;
  received_on: string;
  score: number;
};

const intakeColumns = [
  'intakes.id',
  'intakes.reference',
  'intakes.applicant_name',
  'intakes.prisoner_number',
  'intakes.state',
  'intakes.received_on',
] as const;

/** The intake with this reference (IN-2026-00042; references are stored in upper case, and unique). */
export const searchIntakesByReference = (db: Executor, reference: string): Promise<IntakeSearchRow[]> =>
  db
    .selectFrom('intakes')
    .select(intakeColumns)
    .select(sql<number>`1`.as('score'))
    .where('intakes.reference', '=', reference.trim().toUpperCase())
    .execute() as Promise<IntakeSearchRow[]>;

/** Intakes whose applicant's name is like the text (its whole normalised with `nameSearchOf`). Needs `prepareTrigramQueries`. */
export const searchIntakesByName = (db: Executor, t: SearchText, o: SearchWindow) =>
  bestMatches<IntakeSearchRow>(db, t, { ...o, isName: true }, (tier) =>
    db
      .selectFrom('intakes')
      .select(intakeColumns)
      .select(nameScore(t.whole, sql<string>`intakes.name_search`).as('score'))
      .where(matching(tier, t, sql<string>`intakes.name_search`)),
  );

/**
 * Intakes whose prisoner number is `key`, compared as core `identifierKey` does (no case, spaces,
 * dashes, dots or slashes): the expression of the intakes_prisoner_number_idx index.
 */
export const searchIntakesByPrisonerNumber = (db: Executor, key: string, limit: number): Promise<IntakeSearchRow[]> =>
  key.length === 0
    ? Promise.resolve([])
    : (db
        .selectFrom('intakes')
        .select(intakeColumns)
        .select(sql<number>`1`.as('score'))
        .where('intakes.prisoner_number', 'is not', null)
        .where(sql<string>`upper(regexp_replace(intakes.prisoner_number, '[[:space:]_./-]', '', 'g'))`, '=', key)
        .orderBy('intakes.received_on', 'desc')
        .orderBy('intakes.id')
        .limit(limit)
        .execute() as Promise<IntakeSearchRow[]>);

/**
 * Intakes with a document whose text matches `text` as a web search (`websearch_to_tsquery('simple',
 * ...)`, the configuration of `documents.search`), scored by the best document, ranked within the
 * first `window` matching documents. Privileged documents count only when `withPrivileged`.
 */
export const searchIntakesByDocumentText = async (
  db: Executor,
  text: string,
  options: { limit: number; window: number; withPrivileged: boolean },
): Promise<IntakeSearchRow[]> => {
  const query = sql`websearch_to_tsquery('simple', ${text})`;
  const candidates = db
    .selectFrom('documents')
    .select(['documents.intake_id'])
    .select(sql<number>`ts_rank(documents.search, ${query})::float8`.as('score'))
    .where(sql<boolean>`documents.search @@ ${query}`)
    .where('documents.intake_id', 'is not', null)
    .$if(!options.withPrivileged, (qb) => qb.where('documents.is_privileged', '=', false))
    .limit(options.window);
  return db
    .selectFrom(candidates.as('c'))
    .innerJoin('intakes', 'intakes.id', 'c.intake_id')
    .select(intakeColumns)
    .select(sql<number>`max(c.score)`.as('score'))
    .groupBy(intakeColumns)
    .orderBy(sql`max(c.score)`, 'desc')
    .orderBy('intakes.id')
    .limit(options.limit)
    .execute() as Promise<IntakeSearchRow[]>;
};

// ---- Documents of people ----

export type DocumentSearchRow = {
  id: string;
  person_id: string;
  person_name: string;
  file_name: string;
  is_privileged: boolean;
  created_at: Date;
  score: number;
  /** A passage of the text, matches between HEADLINE_START and HEADLINE_STOP ('' when only the file name matched). */
  headline: string;
};

/**
 * Documents of people whose text (or file name) matches `text` as a web search
 * (`websearch_to_tsquery('simple', ...)`), of people the viewer may see; privileged documents only for
 * the legal team of one of the person's matters, as privileged notes. Ranked with ts_rank within the
 * first `window` matches; the headline is computed for the returned rows only.
 */
export const searchPersonDocuments = async (
  db: Executor,
  viewer: Viewer | null,
  text: string,
  options: { limit: number; window: number },
): Promise<DocumentSearchRow[]> => {
  const query = sql`websearch_to_tsquery('simple', ${text})`;
  const candidates = db
    .selectFrom('documents')
    .innerJoin('people', 'people.id', 'documents.person_id')
    .select([
      'documents.id',
      'documents.person_id',
      'documents.file_name',
      'documents.is_privileged',
      'documents.created_at',
      'people.legal_name as person_name',
    ])
    .select(sql<number>`ts_rank(documents.search, ${query})::float8`.as('score'))
    .where(sql<boolean>`documents.search @@ ${query}`)
    .where((eb) => visiblePerson(viewer)(eb as never))
    .where((eb) =>
      viewer
        ? eb.or([eb('documents.is_privileged', '=', false), onLegalTeamOfPerson(viewer)(eb as never)])
        : sql<boolean>`true`,
    )
    .limit(options.window);
  const ranked = db
    .selectFrom(candidates.as('c'))
    .selectAll('c')
    .orderBy('c.score', 'desc')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .limit(options.limit);
  return db
    .selectFrom(ranked.as('r'))
    .innerJoin('documents as hd', 'hd.id', 'r.id')
    .selectAll('r')
    .select(
      sql<string>`ts_headline('simple', translate(coalesce(hd.corrected_text, hd.ocr_text, ''), ${HEADLINE_START + HEADLINE_STOP}, ''), ${query}, ${HEADLINE_OPTIONS})`.as(
        'headline',
      ),
    )
    .orderBy('r.score', 'desc')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .execute() as Promise<DocumentSearchRow[]>;
};
