import { isOrgWideReader } from '@redress/core';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { matterIsVisible, personIsVisible, type Viewer } from '../access-scope.js';
import type { Executor } from '../executor.js';
import type { ContactKind, ContactTable } from '../tables.js';

// The contacts directory and its links to people and matters. The directory itself is shared by the
// whole team; a link shows only when the person or matter it points to is visible to the reader.

export type ContactRow = Omit<Selectable<ContactTable>, 'name_search'>;

const CONTACT_COLUMNS = [
  'contacts.id',
  'contacts.external_id',
  'contacts.kind',
  'contacts.name',
  'contacts.organisation',
  'contacts.title',
  'contacts.email',
  'contacts.phone',
  'contacts.address',
  'contacts.notes',
  'contacts.created_by',
  'contacts.created_at',
  'contacts.updated_at',
] as const;

export type ContactListFilter = {
  kind?: ContactKind | undefined;
  /** Normalised (core `normaliseName`): a part of the name, or a close spelling (pg_trgm). */
  nameSearch?: string | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** Contacts by name (then id, for stable keyset pages). */
export const listContacts = (db: Executor, f: ContactListFilter): Promise<ContactRow[]> => {
  let q = db.selectFrom('contacts').select(CONTACT_COLUMNS);
  if (f.kind) q = q.where('contacts.kind', '=', f.kind);
  const search = f.nameSearch;
  if (search) {
    q = q.where((eb) =>
      eb.or([
        eb('contacts.name_search', 'like', `%${likeEscape(search)}%`),
        sql<boolean>`contacts.name_search % ${search}`,
      ]),
    );
  }
  const after = f.after;
  if (after) q = q.where(sql<boolean>`(contacts.name, contacts.id) > (${after.name}::text, ${after.id}::uuid)`);
  return q.orderBy('contacts.name').orderBy('contacts.id').limit(f.limit).execute();
};

export const findContact = (db: Executor, id: string): Promise<ContactRow | undefined> =>
  db.selectFrom('contacts').select(CONTACT_COLUMNS).where('contacts.id', '=', id).executeTakeFirst();

export const insertContact = (db: Executor, row: Insertable<ContactTable>) =>
  db.insertInto('contacts').values(row).returning(CONTACT_COLUMNS).executeTakeFirstOrThrow();

export const updateContact = (db: Executor, id: string, changes: Updateable<ContactTable>, now: Date) =>
  db
    .updateTable('contacts')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .returning(CONTACT_COLUMNS)
    .executeTakeFirstOrThrow();

export const deleteContact = (db: Executor, id: string) =>
  db.deleteFrom('contacts').where('id', '=', id).returning('id').executeTakeFirst();

export type ContactLinkRow = {
  id: string;
  contact_id: string;
  relationship: string;
  person_id: string | null;
  person_name: string | null;
  matter_id: string | null;
  matter_title: string | null;
};

const linkQuery = (db: Executor) =>
  db
    .selectFrom('contact_links as l')
    .leftJoin('people', 'people.id', 'l.person_id')
    .leftJoin('matters', 'matters.id', 'l.matter_id')
    .select([
      'l.id',
      'l.contact_id',
      'l.relationship',
      'l.person_id',
      'people.legal_name as person_name',
      'l.matter_id',
      'matters.title as matter_title',
    ]);

/** A contact's links to the people and matters the viewer may see. */
export const listVisibleContactLinks = (db: Executor, viewer: Viewer, contactId: string): Promise<ContactLinkRow[]> =>
  linkQuery(db)
    .where('l.contact_id', '=', contactId)
    .where((eb) =>
      eb.or([
        eb.and([eb('l.person_id', 'is not', null), personIsVisible(viewer)(eb as never)]),
        eb.and([eb('l.matter_id', 'is not', null), matterIsVisible(viewer)(eb as never)]),
      ]),
    )
    .orderBy('l.relationship')
    .orderBy('l.id')
    .execute();

export const findContactLink = (db: Executor, contactId: string, linkId: string): Promise<ContactLinkRow | undefined> =>
  linkQuery(db).where('l.contact_id', '=', contactId).where('l.id', '=', linkId).executeTakeFirst();

export const insertContactLink = (
  db: Executor,
  row: { id: string; contactId: string; personId: string | null; matterId: string | null; relationship: string },
) =>
  db
    .insertInto('contact_links')
    .values({
      id: row.id,
      contact_id: row.contactId,
      person_id: row.personId,
      matter_id: row.matterId,
      relationship: row.relationship,
    })
    .execute();

export const deleteContactLink = (db: Executor, linkId: string) =>
  db.deleteFrom('contact_links').where('id', '=', linkId).execute();

/** Contacts linked to a matter or a person, with the relationship, by the contact's name. */
const linkedContacts = (db: Executor, column: 'l.matter_id' | 'l.person_id', id: string) =>
  db
    .selectFrom('contact_links as l')
    .innerJoin('contacts', 'contacts.id', 'l.contact_id')
    .select(CONTACT_COLUMNS)
    .select(['l.id as link_id', 'l.relationship'])
    .where(column, '=', id)
    .orderBy('contacts.name')
    .orderBy('l.id')
    .execute();

/** Contacts linked to a matter, with the relationship. */
export const listMatterContacts = (db: Executor, matterId: string) => linkedContacts(db, 'l.matter_id', matterId);

/** Contacts linked to a person, with the relationship; whether the person may be seen is the caller's check. */
export const listPersonContacts = (db: Executor, personId: string) => linkedContacts(db, 'l.person_id', personId);

/**
 * Whether the viewer may add to a person's record: they created it (intake) or they are on the team of
 * one of the person's matters. Org-wide readers read everything but, like everyone, write only where
 * they work.
 */
export const canWritePerson = async (db: Executor, viewer: Viewer, personId: string): Promise<boolean> => {
  // The same rule as mayWritePerson in the server's person-access: administrators and attorneys may
  // change any person's record; others the people they created or whose matter team they are on.
  if (isOrgWideReader(viewer.role))
    return (await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst()) !== undefined;
  const row = await db
    .selectFrom('people')
    .select('people.id')
    .where('people.id', '=', personId)
    .where((eb) =>
      eb.or([
        eb('people.created_by', '=', viewer.userId),
        eb.exists(
          eb
            .selectFrom('matters as wm')
            .innerJoin('matter_team as wt', 'wt.matter_id', 'wm.id')
            .select(sql`1`.as('one'))
            .whereRef('wm.person_id', '=', 'people.id')
            .where('wt.user_id', '=', viewer.userId),
        ),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
};

/** Whether a person exists and the viewer may see them. */
export const isPersonVisible = async (db: Executor, viewer: Viewer, personId: string): Promise<boolean> =>
  (await db
    .selectFrom('people')
    .select('people.id')
    .where('people.id', '=', personId)
    .where(personIsVisible(viewer))
    .executeTakeFirst()) !== undefined;
