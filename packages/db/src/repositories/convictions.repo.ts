import type { ConvictionPartyRole, SentenceTerm } from '@redress/core';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../executor.js';
import type { ConvictionCountTable, ConvictionPartyTable, ConvictionTable, SentenceEventTable } from '../tables.js';
import { nameSearchOf } from './people.repo.js';

/**
 * Convictions with their counts, parties (victims and survivors are restricted: the caller says
 * whether they may be read, and they are then never fetched) and sentence events.
 */
export type ConvictionRow = Selectable<ConvictionTable>;
export type ConvictionCountRow = Selectable<ConvictionCountTable>;
export type ConvictionPartyRow = Selectable<ConvictionPartyTable>;
export type SentenceEventRow = Selectable<SentenceEventTable>;

export const listConvictions = (db: Executor, personId: string) =>
  db
    .selectFrom('convictions')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('conviction_date', (ob) => ob.asc().nullsLast())
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** The conviction, locked for the rest of the transaction when `forUpdate` (sentence history checks). */
export const findConviction = (db: Executor, id: string, options: { forUpdate?: boolean } = {}) => {
  let q = db.selectFrom('convictions').selectAll().where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
};

export type NewConviction = Omit<Insertable<ConvictionTable>, 'created_at' | 'updated_at'> & { now: Date };

export const insertConviction = (db: Executor, { now, ...c }: NewConviction) =>
  db
    .insertInto('convictions')
    .values({ ...c, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateConviction = (db: Executor, id: string, changes: Updateable<ConvictionTable>, now: Date) =>
  db
    .updateTable('convictions')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteConviction = (db: Executor, id: string) =>
  db.deleteFrom('convictions').where('id', '=', id).execute();

// ---- Counts ----

export const listCounts = (db: Executor, convictionIds: readonly string[]) =>
  convictionIds.length === 0
    ? Promise.resolve([] as ConvictionCountRow[])
    : db
        .selectFrom('conviction_counts')
        .selectAll()
        .where('conviction_id', 'in', convictionIds)
        .orderBy('conviction_id')
        .orderBy('position')
        .execute();

export type NewCount = {
  id: string;
  statute: string;
  description: string | null;
  degree: ConvictionCountRow['degree'];
  isAttempt: boolean;
};

/** Replaces every count of the conviction; positions follow the list (1, 2, ...). */
export const replaceCounts = async (db: Executor, convictionId: string, counts: readonly NewCount[]) => {
  await db.deleteFrom('conviction_counts').where('conviction_id', '=', convictionId).execute();
  if (counts.length === 0) return [] as ConvictionCountRow[];
  return db
    .insertInto('conviction_counts')
    .values(
      counts.map((c, index) => ({
        id: c.id,
        conviction_id: convictionId,
        position: index + 1,
        statute: c.statute,
        description: c.description,
        degree: c.degree,
        is_attempt: c.isAttempt,
      })),
    )
    .returningAll()
    .execute();
};

// ---- Parties ----

/** Parties of the convictions; restricted roles (victims, survivors) only when `includeRestricted`. */
export const listConvictionParties = (
  db: Executor,
  convictionIds: readonly string[],
  options: { includeRestricted: boolean },
) => {
  if (convictionIds.length === 0) return Promise.resolve([] as ConvictionPartyRow[]);
  let q = db.selectFrom('conviction_parties').selectAll().where('conviction_id', 'in', convictionIds);
  if (!options.includeRestricted) q = q.where('role', '=', 'co_defendant');
  return q.orderBy('conviction_id').orderBy('role').orderBy('name').orderBy('id').execute();
};

export const findConvictionParty = (db: Executor, convictionId: string, partyId: string) =>
  db
    .selectFrom('conviction_parties')
    .selectAll()
    .where('id', '=', partyId)
    .where('conviction_id', '=', convictionId)
    .executeTakeFirst();

export type NewConvictionParty = {
  id: string;
  role: ConvictionPartyRole;
  name: string;
  notify: boolean;
  notes: string | null;
};

export const insertConvictionParties = (db: Executor, convictionId: string, parties: readonly NewConvictionParty[]) =>
  parties.length === 0
    ? Promise.resolve([] as ConvictionPartyRow[])
    : db
        .insertInto('conviction_parties')
        .values(
          parties.map((p) => ({
            id: p.id,
            conviction_id: convictionId,
            role: p.role,
            name: p.name,
            name_search: nameSearchOf(p.name),
            notify: p.notify,
            notes: p.notes,
          })),
        )
        .returningAll()
        .execute();

export const updateConvictionParty = (
  db: Executor,
  partyId: string,
  changes: { role?: ConvictionPartyRole; name?: string; notify?: boolean; notes?: string | null },
) =>
  db
    .updateTable('conviction_parties')
    .set({
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.name !== undefined ? { name: changes.name, name_search: nameSearchOf(changes.name) } : {}),
      ...(changes.notify !== undefined ? { notify: changes.notify } : {}),
      ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
    })
    .where('id', '=', partyId)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteConvictionParty = (db: Executor, partyId: string) =>
  db.deleteFrom('conviction_parties').where('id', '=', partyId).execute();

// ---- Sentence events ----

/** In the order they were entered (position); the core orders them by date. */
export const listSentenceEvents = (db: Executor, convictionIds: readonly string[]) =>
  convictionIds.length === 0
    ? Promise.resolve([] as SentenceEventRow[])
    : db
        .selectFrom('sentence_events')
        .selectAll()
        .where('conviction_id', 'in', convictionIds)
        .orderBy('conviction_id')
        .orderBy('position')
        .execute();

export const findSentenceEvent = (db: Executor, convictionId: string, eventId: string) =>
  db
    .selectFrom('sentence_events')
    .selectAll()
    .where('id', '=', eventId)
    .where('conviction_id', '=', convictionId)
    .executeTakeFirst();

export type SentenceEventFields = Omit<
  Insertable<SentenceEventTable>,
  'id' | 'conviction_id' | 'position' | 'term' | 'created_at'
> & { term: SentenceTerm | null };

export const insertSentenceEvent = async (
  db: Executor,
  e: SentenceEventFields & { id: string; convictionId: string; now: Date },
) => {
  const last = await db
    .selectFrom('sentence_events')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('conviction_id', '=', e.convictionId)
    .executeTakeFirst();
  const { id, convictionId, now, term, ...fields } = e;
  return db
    .insertInto('sentence_events')
    .values({
      ...fields,
      id,
      conviction_id: convictionId,
      position: Number(last?.position ?? 0) + 1,
      term: term ? JSON.stringify(term) : null,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
};

export const updateSentenceEvent = (db: Executor, eventId: string, changes: Partial<SentenceEventFields>) => {
  const { term, ...fields } = changes;
  return db
    .updateTable('sentence_events')
    .set({ ...fields, ...(term !== undefined ? { term: term ? JSON.stringify(term) : null } : {}) })
    .where('id', '=', eventId)
    .returningAll()
    .executeTakeFirstOrThrow();
};

export const deleteSentenceEvent = (db: Executor, eventId: string) =>
  db.deleteFrom('sentence_events').where('id', '=', eventId).execute();
