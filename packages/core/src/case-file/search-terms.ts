import { normaliseIdentifier } from './identifiers.js';

/**
 * Global search: one box over people, matters, contacts, notes, intakes and documents. The database
 * finds and scores (pg_trgm for names and titles, full-text search for notes and documents); this module holds what is pure: the
 * types searched, the thresholds, the forms an identifier may be typed in, merging of hits, links for
 * the web and the highlighted fragments of a note.
 */
export const SEARCH_TYPES = ['people', 'matters', 'contacts', 'notes', 'intakes', 'documents'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_QUERY_MIN = 2;
export const SEARCH_QUERY_MAX = 200;
export const SEARCH_LIMIT_DEFAULT = 5;
export const SEARCH_LIMIT_MAX = 25;

/**
 * pg_trgm word similarity from which a typed word matches a name or title: each word typed must be
 * like some word of it ("kevn coopper" finds "Kevin Cooper": 0.6 and 0.67; "jon" finds "John", 0.5),
 * so a common word alone ("clemency" in half the titles) does not carry a search. Set per query (SET
 * LOCAL), so the operator `<%` uses the GIN trigram indexes with exactly this threshold.
 */
export const SEARCH_WORD_SIMILARITY = 0.5;

/**
 * pg_trgm similarity of the whole text to the whole name from which a name is a close match ("Kevin
 * Coopper" for "Kevin Cooper" is 0.8): these are ranked in full, before partial matches.
 */
export const SEARCH_NAME_SIMILARITY = 0.5;

/** The words of a search, each to be matched: at most this many, the longest kept. */
export const SEARCH_WORDS_MAX = 6;

/**
 * The words of a text to match one by one: letters and digits (accents dropped, lower case), at
 * least two characters each, without repeats; the longest when there are too many. A text without
 * any such word (one letter, a script the normalisation drops) is matched as a whole.
 */
export const searchWords = (text: string): string[] => {
  const words = [
    ...new Set(
      text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 2),
    ),
  ];
  if (words.length === 0) return [text.trim().toLowerCase()].filter((w) => w.length > 0);
  if (words.length <= SEARCH_WORDS_MAX) return words;
  const longest = new Set([...words].sort((a, b) => b.length - a.length).slice(0, SEARCH_WORDS_MAX));
  return words.filter((w) => longest.has(w));
};

/**
 * Names and titles matching a short or common text can be a large part of a table: partial matches
 * are ranked within the first this many visible candidates, so typing "jo" stays fast.
 */
export const SEARCH_CANDIDATE_WINDOW = 300;

/**
 * Notes matching a very common word can be most of the table: they are ranked within the first this
 * many visible matches, so a search stays fast whatever it asks for (more words narrow it).
 */
export const NOTE_RANK_WINDOW = 1000;

/**
 * The forms an identifier typed into the search box may be stored in: as typed, upper case, and the
 * normalised CDCR ("c-98556" is C98556) and BOP ("12345678" is 12345-678) forms.
 */
export const identifierSearchForms = (raw: string): string[] => {
  const typed = raw.trim();
  if (typed.length === 0 || typed.length > 64) return [];
  const forms = new Set([typed, typed.toUpperCase()]);
  for (const system of ['cdcr', 'bop'] as const) {
    const checked = normaliseIdentifier(system, typed);
    if (checked.ok) forms.add(checked.value);
  }
  return [...forms];
};

export const searchLinks = {
  person: (id: string) => `/people/${id}`,
  matter: (id: string) => `/matters/${id}`,
  contact: (id: string) => `/contacts/${id}`,
  note: (matterId: string, noteId: string) => `/matters/${matterId}#note-${noteId}`,
  intake: (id: string) => `/intake/${id}`,
  /** A person's document: the person's page, where the documents are listed. */
  document: (personId: string) => `/people/${personId}`,
};

/** What a hit matched on, so the web can say why it is there. */
export const SEARCH_MATCHES = [
  'name',
  'alias',
  'identifier',
  'title',
  'person_name',
  'organisation',
  'text',
  'reference',
] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

/** One scored row from one of the queries of a type; several rows may name the same record. */
export type ScoredRow<T> = { id: string; score: number; matchedOn: SearchMatch; row: T };

/** Matching on an identifier is exact: it ranks above any fuzzy name. */
export const IDENTIFIER_SCORE = 1.5;

/**
 * One hit per record with its best score (and what it matched on), the best first, ties by label then
 * id so pages are stable; `hasMore` when there were more than `limit`.
 */
export const mergeScoredRows = <T>(
  rows: readonly ScoredRow<T>[],
  limit: number,
  labelOf: (row: T) => string,
): { items: ScoredRow<T>[]; hasMore: boolean } => {
  const best = new Map<string, ScoredRow<T>>();
  for (const r of rows) {
    const seen = best.get(r.id);
    if (!seen || r.score > seen.score) best.set(r.id, r);
  }
  const sorted = [...best.values()].sort(
    (a, b) => b.score - a.score || labelOf(a.row).localeCompare(labelOf(b.row)) || a.id.localeCompare(b.id),
  );
  return { items: sorted.slice(0, limit), hasMore: sorted.length > limit };
};

/** Private-use characters that mark a match in a note's headline; removed from the text beforehand. */
export const HEADLINE_START = '\ue000';
export const HEADLINE_STOP = '\ue001';

export type HighlightSegment = { text: string; isMatch: boolean };

/**
 * A headline from `ts_headline` with the markers above, as plain segments: the web renders each as
 * text (matches in <mark>), so nothing in a note is ever interpreted as HTML. Line breaks collapse.
 */
export const headlineSegments = (marked: string): HighlightSegment[] => {
  const segments: HighlightSegment[] = [];
  const push = (text: string, isMatch: boolean) => {
    const clean = text.replace(/\s+/g, ' ');
    if (clean.length === 0) return;
    const last = segments[segments.length - 1];
    if (last && last.isMatch === isMatch) last.text += clean;
    else segments.push({ text: clean, isMatch });
  };
  let rest = marked.trim();
  while (rest.length > 0) {
    const start = rest.indexOf(HEADLINE_START);
    if (start === -1) {
      push(rest.replaceAll(HEADLINE_STOP, ''), false);
      break;
    }
    push(rest.slice(0, start).replaceAll(HEADLINE_STOP, ''), false);
    const afterStart = rest.slice(start + 1);
    const stop = afterStart.indexOf(HEADLINE_STOP);
    const match = stop === -1 ? afterStart : afterStart.slice(0, stop);
    push(match.replaceAll(HEADLINE_START, ''), true);
    rest = stop === -1 ? '' : afterStart.slice(stop + 1);
  }
  return segments;
};

export const segmentsText = (segments: readonly HighlightSegment[]): string =>
  segments
    .map((s) => s.text)
    .join('')
    .trim();
