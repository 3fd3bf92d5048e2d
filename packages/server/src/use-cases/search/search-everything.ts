import {
  DomainFailure,
  IDENTIFIER_SCORE,
  identifierKey,
  identifierSearchForms,
  mergeScoredRows,
  NOTE_RANK_WINDOW,
  type ScoredRow,
  SEARCH_CANDIDATE_WINDOW,
  SEARCH_NAME_SIMILARITY,
  SEARCH_TYPES,
  SEARCH_WORD_SIMILARITY,
  type SearchGroup,
  type SearchMatch,
  type SearchQuery,
  type SearchResponse,
  type SearchType,
  searchWords,
} from '@redress/core';
import {
  type ContactSearchRow,
  type IntakeSearchRow,
  type MatterSearchRow,
  nameSearchOf,
  type PersonSearchRow,
  prepareTrigramQueries,
  type SearchText,
  searchContactsByName,
  searchContactsByOrganisation,
  searchIntakesByDocumentText,
  searchIntakesByName,
  searchIntakesByPrisonerNumber,
  searchIntakesByReference,
  searchMattersByPersonName,
  searchMattersByTitle,
  searchNotes,
  searchPeopleByAlias,
  searchPeopleByIdentifier,
  searchPeopleByName,
  searchPersonDocuments,
  type Tx,
  type Viewer,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, type Audit, inTransaction } from '../../deps.js';
import { authorizeWorkspace } from '../policy.js';
import {
  presentContactHit,
  presentDocumentHit,
  presentIntakeHit,
  presentMatterHit,
  presentNoteHit,
  presentPersonHit,
} from './search-presenters.js';
import { readerOf } from './search-reader.js';

export type { SearchQuery };

type Terms = { q: string; name: SearchText; title: SearchText; limit: number };

/** One more than shown, to know whether there is more. */
const windowOf = (t: Terms) => ({ limit: t.limit + 1, window: SEARCH_CANDIDATE_WINDOW });

const scored =
  <T extends { id: string; score: number }>(matchedOn: SearchMatch, score?: number) =>
  (row: T): ScoredRow<T> => ({ id: row.id, score: score ?? Number(row.score), matchedOn, row });

const searchPeople = async (tx: Tx, viewer: Viewer | null, t: Terms): Promise<SearchGroup> => {
  const rows: ScoredRow<PersonSearchRow>[] = [
    ...(await searchPeopleByIdentifier(tx, viewer, identifierSearchForms(t.q), t.limit + 1)).map(
      scored('identifier', IDENTIFIER_SCORE),
    ),
    ...(await searchPeopleByName(tx, viewer, t.name, windowOf(t))).map(scored('name')),
    ...(await searchPeopleByAlias(tx, viewer, t.name, windowOf(t))).map(scored('alias')),
  ];
  const { items, hasMore } = mergeScoredRows(rows, t.limit, (r) => r.legal_name);
  return { type: 'people', items: items.map(presentPersonHit), hasMore };
};

const searchMatters = async (tx: Tx, viewer: Viewer | null, t: Terms): Promise<SearchGroup> => {
  const rows: ScoredRow<MatterSearchRow>[] = [
    ...(await searchMattersByTitle(tx, viewer, t.title, windowOf(t))).map(scored('title')),
    ...(await searchMattersByPersonName(tx, viewer, t.name, windowOf(t))).map(scored('person_name')),
  ];
  const { items, hasMore } = mergeScoredRows(rows, t.limit, (r) => r.title);
  return { type: 'matters', items: items.map(presentMatterHit), hasMore };
};

const searchContacts = async (tx: Tx, t: Terms): Promise<SearchGroup> => {
  const rows: ScoredRow<ContactSearchRow>[] = [
    ...(await searchContactsByName(tx, t.name, windowOf(t))).map(scored('name')),
    ...(await searchContactsByOrganisation(tx, t.title, windowOf(t))).map(scored('organisation')),
  ];
  const { items, hasMore } = mergeScoredRows(rows, t.limit, (r) => r.name);
  return { type: 'contacts', items: items.map(presentContactHit), hasMore };
};

const searchNoteText = async (tx: Tx, audit: Audit, viewer: Viewer | null, t: Terms): Promise<SearchGroup> => {
  const rows = await searchNotes(tx, viewer, t.q, { limit: t.limit + 1, window: NOTE_RANK_WINDOW });
  const shown = rows.slice(0, t.limit);
  // Privileged notes reach only their legal team, and each read of one is recorded, as in the notes
  // list: before the passage leaves the server, in the same transaction as the search.
  const privileged = new Map<string, string[]>();
  for (const n of shown)
    if (n.is_privileged) privileged.set(n.matter_id, [...(privileged.get(n.matter_id) ?? []), n.id]);
  for (const [matterId, noteIds] of privileged) {
    await audit({
      action: 'note.privileged_read',
      entityType: 'matter',
      entityId: matterId,
      details: { noteIds, isPrivileged: true, via: 'search' },
    });
  }
  return { type: 'notes', items: shown.map(presentNoteHit), hasMore: rows.length > t.limit };
};

/** Roles that read privileged intake documents (as document-access.ts: not administrators as such). */
const PRIVILEGED_TRIAGE_ROLES: ReadonlySet<string> = new Set(['attorney', 'advocate', 'paralegal']);

/** Whether the reader may triage intakes (role and, for an API token, scope); the operator may. */
const mayTriage = (ctx: RequestContext): boolean => {
  try {
    authorizeWorkspace(ctx, 'intake.triage');
    return true;
  } catch (e) {
    if (e instanceof DomainFailure && e.error.category === 'forbidden') return false;
    throw e;
  }
};

/**
 * Intakes, for those who may triage them: by reference (exact), applicant's name, prisoner number and
 * the text of their documents (privileged ones only for the triage roles that work under privilege).
 */
const searchIntakes = async (tx: Tx, ctx: RequestContext, t: Terms): Promise<SearchGroup> => {
  const rows: ScoredRow<IntakeSearchRow>[] = [
    ...(await searchIntakesByReference(tx, t.q)).map(scored('reference', IDENTIFIER_SCORE)),
    ...(await searchIntakesByPrisonerNumber(tx, identifierKey(t.q), t.limit + 1)).map(
      scored('identifier', IDENTIFIER_SCORE),
    ),
    ...(await searchIntakesByName(tx, t.name, windowOf(t))).map(scored('name')),
    ...(
      await searchIntakesByDocumentText(tx, t.q, {
        limit: t.limit + 1,
        window: NOTE_RANK_WINDOW,
        withPrivileged: !ctx.actor || PRIVILEGED_TRIAGE_ROLES.has(ctx.actor.role),
      })
    ).map(scored('text')),
  ];
  const { items, hasMore } = mergeScoredRows(rows, t.limit, (r) => r.applicant_name ?? r.reference);
  return { type: 'intakes', items: items.map(presentIntakeHit), hasMore };
};

const searchDocuments = async (tx: Tx, audit: Audit, viewer: Viewer | null, t: Terms): Promise<SearchGroup> => {
  const rows = await searchPersonDocuments(tx, viewer, t.q, { limit: t.limit + 1, window: NOTE_RANK_WINDOW });
  const shown = rows.slice(0, t.limit);
  // Privileged documents reach only the legal team, and each read of one is recorded, as for notes.
  const privileged = new Map<string, string[]>();
  for (const d of shown)
    if (d.is_privileged) privileged.set(d.person_id, [...(privileged.get(d.person_id) ?? []), d.id]);
  for (const [personId, documentIds] of privileged) {
    await audit({
      action: 'document.privileged_read',
      entityType: 'person',
      entityId: personId,
      details: { documentIds, personId, what: 'content', isPrivileged: true, via: 'search' },
    });
  }
  return { type: 'documents', items: shown.map(presentDocumentHit), hasMore: rows.length > t.limit };
};

/**
 * One search box over people (name, alias, identifier), matters (title, the person's name), contacts
 * (name, organisation), notes (full text), intakes (reference, applicant, prisoner number, the text
 * of their documents; only for those who may triage intakes) and people's documents (full text), each
 * group holding only what the reader may see.
 */
export const searchEverything = (deps: AppDeps, ctx: RequestContext, input: SearchQuery): Promise<SearchResponse> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const viewer = readerOf(ctx);
    const words = searchWords(input.q);
    const terms: Terms = {
      q: input.q,
      name: { whole: nameSearchOf(input.q), words },
      title: { whole: input.q.toLowerCase(), words },
      limit: input.limit,
    };
    await prepareTrigramQueries(tx, { similarity: SEARCH_NAME_SIMILARITY, wordSimilarity: SEARCH_WORD_SIMILARITY });
    const canTriage = mayTriage(ctx);
    // Someone who may not triage intakes gets no intake group, asked for or not.
    const types: readonly SearchType[] = (input.types ?? SEARCH_TYPES).filter((t) => t !== 'intakes' || canTriage);
    const groups: SearchGroup[] = [];
    for (const type of types) {
      if (type === 'people') groups.push(await searchPeople(tx, viewer, terms));
      if (type === 'matters') groups.push(await searchMatters(tx, viewer, terms));
      if (type === 'contacts') groups.push(await searchContacts(tx, terms));
      if (type === 'notes') groups.push(await searchNoteText(tx, audit, viewer, terms));
      if (type === 'intakes') groups.push(await searchIntakes(tx, ctx, terms));
      if (type === 'documents') groups.push(await searchDocuments(tx, audit, viewer, terms));
    }
    return { q: input.q, groups };
  });
