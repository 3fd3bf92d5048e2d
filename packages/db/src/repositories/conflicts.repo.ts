import type {
  ConflictCandidate,
  ConflictDecision,
  ConflictMatterRef,
  ConflictSubjectKind,
  StoredConflictMatch,
} from '@redress/core';
import { type Selectable, sql } from 'kysely';
import { matterIsVisible, onLegalTeamOf, personIsVisible, type Viewer } from '../access-scope.js';
import type { Executor, Tx } from '../executor.js';
import type { ConflictCheckTable } from '../tables.js';

// The conflict check. Candidates are looked for across the whole organisation, whoever asks: a
// conflict must be flagged even on matters the user cannot open. What the user is then told is the
// core's rule (`presentConflictMatch`), fed by the viewer's standing on the matters involved.
//
// Name queries use `%` with the GIN trigram indexes: call `prepareTrigramQueries` (search.repo) first
// in the same transaction, with the similarity threshold of the check.

export type ConflictProbe = {
  /** Normalised (core `normaliseName`). */
  nameSearch: string;
  dateOfBirth: string | null;
  /** Per kind of record. */
  limit: number;
};

const similarityTo = (nameSearch: string, column: string) =>
  sql<number>`similarity(${sql.ref(column)}, ${nameSearch})::float8`;

/** Every matter of each person, oldest first. */
const mattersOfPeople = async (db: Executor, personIds: readonly string[]) => {
  const byPerson = new Map<string, ConflictMatterRef[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('matters')
    .select(['matters.id', 'matters.title', 'matters.person_id'])
    .where('matters.person_id', 'in', [...new Set(personIds)])
    .orderBy('matters.opened_on')
    .orderBy('matters.id')
    .execute();
  for (const r of rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), { id: r.id, title: r.title }]);
  return byPerson;
};

/** Victims, survivors and co-defendants named in convictions, with the matters of the convicted person. */
const findPartyCandidates = async (db: Executor, p: ConflictProbe): Promise<ConflictCandidate[]> => {
  const rows = await db
    .selectFrom('conviction_parties as cp')
    .innerJoin('convictions as cc', 'cc.id', 'cp.conviction_id')
    .select(['cp.id', 'cp.role', 'cp.name', 'cp.name_search', 'cc.person_id'])
    .select(similarityTo(p.nameSearch, 'cp.name_search').as('similarity'))
    .where(sql<boolean>`cp.name_search % ${p.nameSearch}`)
    .orderBy('similarity', 'desc')
    .orderBy('cp.id')
    .limit(p.limit)
    .execute();
  const matters = await mattersOfPeople(
    db,
    rows.map((r) => r.person_id),
  );
  return rows.map((r) => ({
    kind: r.role,
    recordId: r.id,
    name: r.name,
    nameSearch: r.name_search,
    similarity: Number(r.similarity),
    personId: r.person_id,
    matters: matters.get(r.person_id) ?? [],
  }));
};

/** Adverse parties named on matters. */
const findAdversePartyCandidates = async (db: Executor, p: ConflictProbe): Promise<ConflictCandidate[]> => {
  const rows = await db
    .selectFrom('matter_parties as mp')
    .innerJoin('matters', 'matters.id', 'mp.matter_id')
    .select(['mp.id', 'mp.name', 'mp.name_search', 'matters.id as matter_id', 'matters.title'])
    .select(similarityTo(p.nameSearch, 'mp.name_search').as('similarity'))
    .where('mp.role', '=', 'adverse_party')
    .where(sql<boolean>`mp.name_search % ${p.nameSearch}`)
    .orderBy('similarity', 'desc')
    .orderBy('mp.id')
    .limit(p.limit)
    .execute();
  return rows.map((r) => ({
    kind: 'adverse_party' as const,
    recordId: r.id,
    name: r.name,
    nameSearch: r.name_search,
    similarity: Number(r.similarity),
    matters: [{ id: r.matter_id, title: r.title }],
  }));
};

/** Clients (people) by legal name and by alias, with their matters. */
const findClientCandidates = async (db: Executor, p: ConflictProbe): Promise<ConflictCandidate[]> => {
  const byName = await db
    .selectFrom('people')
    .select(['people.id', 'people.legal_name', 'people.name_search', 'people.date_of_birth'])
    .select(similarityTo(p.nameSearch, 'people.name_search').as('similarity'))
    .select(sql<string | null>`null`.as('alias'))
    .where(sql<boolean>`people.name_search % ${p.nameSearch}`)
    .orderBy('similarity', 'desc')
    .orderBy('people.id')
    .limit(p.limit)
    .execute();
  const byAlias = await db
    .selectFrom('person_aliases as ca')
    .innerJoin('people', 'people.id', 'ca.person_id')
    .select(['people.id', 'people.legal_name', 'people.name_search', 'people.date_of_birth'])
    .select(similarityTo(p.nameSearch, 'ca.name_search').as('similarity'))
    .select('ca.name as alias')
    .where(sql<boolean>`ca.name_search % ${p.nameSearch}`)
    .orderBy('similarity', 'desc')
    .orderBy('ca.id')
    .limit(p.limit)
    .execute();
  const rows = [...byName, ...byAlias];
  const matters = await mattersOfPeople(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    kind: 'client' as const,
    recordId: r.id,
    name: r.legal_name,
    nameSearch: r.name_search,
    ...(r.alias !== null ? { matchedAlias: r.alias } : {}),
    similarity: Number(r.similarity),
    personId: r.id,
    isSameDateOfBirth: p.dateOfBirth !== null && r.date_of_birth === p.dateOfBirth,
    matters: matters.get(r.id) ?? [],
  }));
};

/** Contacts, with the matters they are linked to directly or through a linked person. */
const findContactCandidates = async (db: Executor, p: ConflictProbe): Promise<ConflictCandidate[]> => {
  const rows = await db
    .selectFrom('contacts')
    .select(['contacts.id', 'contacts.name', 'contacts.name_search'])
    .select(similarityTo(p.nameSearch, 'contacts.name_search').as('similarity'))
    .where(sql<boolean>`contacts.name_search % ${p.nameSearch}`)
    .orderBy('similarity', 'desc')
    .orderBy('contacts.id')
    .limit(p.limit)
    .execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('contact_links as cl')
    .innerJoin('matters', (j) =>
      j.on((eb) =>
        eb.or([eb('matters.id', '=', eb.ref('cl.matter_id')), eb('matters.person_id', '=', eb.ref('cl.person_id'))]),
      ),
    )
    .select(['cl.contact_id', 'matters.id', 'matters.title'])
    .where(
      'cl.contact_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('matters.opened_on')
    .orderBy('matters.id')
    .execute();
  return rows.map((r) => {
    const seen = new Set<string>();
    const matters: ConflictMatterRef[] = [];
    for (const l of links) {
      if (l.contact_id !== r.id || seen.has(l.id)) continue;
      seen.add(l.id);
      matters.push({ id: l.id, title: l.title });
    }
    return {
      kind: 'contact' as const,
      recordId: r.id,
      name: r.name,
      nameSearch: r.name_search,
      similarity: Number(r.similarity),
      contactId: r.id,
      matters,
    };
  });
};

/** Everything in the organisation whose name is like the probe's, each kind through its own index. */
export const findConflictCandidates = async (db: Executor, probe: ConflictProbe): Promise<ConflictCandidate[]> => [
  ...(await findPartyCandidates(db, probe)),
  ...(await findAdversePartyCandidates(db, probe)),
  ...(await findClientCandidates(db, probe)),
  ...(await findContactCandidates(db, probe)),
];

export type ReaderStanding = {
  visibleMatterIds: Set<string>;
  legalTeamMatterIds: Set<string>;
  visiblePersonIds: Set<string>;
};

/** Which of these matters and people the viewer may see, and on which matters they are on the legal team. */
export const findReaderStanding = async (
  db: Executor,
  viewer: Viewer,
  matterIds: readonly string[],
  personIds: readonly string[],
): Promise<ReaderStanding> => {
  const matters =
    matterIds.length === 0
      ? []
      : await db
          .selectFrom('matters')
          .select('matters.id')
          .select((eb) => [
            sql<boolean>`${matterIsVisible(viewer)(eb)}`.as('is_visible'),
            sql<boolean>`${onLegalTeamOf(viewer, 'matters.id')(eb as never)}`.as('is_on_legal_team'),
          ])
          .where('matters.id', 'in', [...matterIds])
          .execute();
  const people =
    personIds.length === 0
      ? []
      : await db
          .selectFrom('people')
          .select('people.id')
          .where('people.id', 'in', [...personIds])
          .where(personIsVisible(viewer))
          .execute();
  return {
    visibleMatterIds: new Set(matters.filter((m) => m.is_visible).map((m) => m.id)),
    legalTeamMatterIds: new Set(matters.filter((m) => m.is_on_legal_team).map((m) => m.id)),
    visiblePersonIds: new Set(people.map((p) => p.id)),
  };
};

// ---- Stored checks ----

export type ConflictCheckRow = Selectable<ConflictCheckTable> & { checked_by_name: string | null };

export const insertConflictCheck = (
  tx: Tx,
  row: {
    id: string;
    subjectKind: ConflictSubjectKind;
    subjectName: string;
    matches: readonly StoredConflictMatch[];
    checkedBy: string | null;
    now: Date;
  },
) =>
  tx
    .insertInto('conflict_checks')
    .values({
      id: row.id,
      subject_kind: row.subjectKind,
      subject_name: row.subjectName,
      matches: JSON.stringify(row.matches),
      decision: null,
      note: null,
      checked_by: row.checkedBy,
      checked_at: row.now,
      decided_at: null,
    })
    .execute();

export const findConflictCheck = (
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ConflictCheckRow | undefined> => {
  const q = db
    .selectFrom('conflict_checks')
    .leftJoin('users as checker', 'checker.id', 'conflict_checks.checked_by')
    .selectAll('conflict_checks')
    .select('checker.name as checked_by_name')
    .where('conflict_checks.id', '=', id);
  return (options.forUpdate ? q.forUpdate('conflict_checks') : q).executeTakeFirst();
};

export const recordConflictDecision = (
  tx: Tx,
  id: string,
  decision: { decision: ConflictDecision; note: string | null; now: Date },
) =>
  tx
    .updateTable('conflict_checks')
    .set({ decision: decision.decision, note: decision.note, decided_at: decision.now })
    .where('id', '=', id)
    .execute();

/**
 * Who recorded the current decision: the table keeps the decision, the audit log keeps who made it
 * (the latest `conflict_check.decided` entry).
 */
export const findConflictDecider = async (db: Executor, id: string) =>
  db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.actor_id', 'audit_log.actor_label', 'users.name'])
    .where('audit_log.entity_type', '=', 'conflict_check')
    .where('audit_log.entity_id', '=', id)
    .where('audit_log.action', '=', 'conflict_check.decided')
    .orderBy('audit_log.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
