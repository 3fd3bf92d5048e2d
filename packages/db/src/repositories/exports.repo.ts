import type { IdentifierSystem } from '@redress/core';
import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import { matterIsVisible, personIsVisible, type Viewer } from '../access-scope.js';
import type { Executor } from '../executor.js';
import type { ContactTable, MatterTable, PersonTable, Tables } from '../tables.js';

// Lists read for export, page by page (keyset pagination), through the same access filters as the
// lists on screen. `viewer: null` is the operator at the server's command line. Nothing here reads
// conviction parties: victims and survivors are restricted fields and are never exported.

export type PersonExportRow = Selectable<PersonTable> & {
  aliases: string[];
  identifiers: { system: IdentifierSystem; value: string }[];
};
export type MatterExportRow = Selectable<MatterTable> & { person_external_id: string | null };
export type ContactExportRow = Selectable<ContactTable>;

const peopleVisibleTo = (viewer: Viewer | null) => (eb: ExpressionBuilder<Tables, 'people'>) =>
  viewer ? personIsVisible(viewer)(eb) : sql<boolean>`true`;
const mattersVisibleTo = (viewer: Viewer | null) => (eb: ExpressionBuilder<Tables, 'matters'>) =>
  viewer ? matterIsVisible(viewer)(eb) : sql<boolean>`true`;

const countOf = (row: { n: unknown } | undefined) => Number(row?.n ?? 0);

export const countPeopleForExport = async (db: Executor, viewer: Viewer | null) =>
  countOf(
    await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(peopleVisibleTo(viewer))
      .executeTakeFirst(),
  );

export const countMattersForExport = async (db: Executor, viewer: Viewer | null) =>
  countOf(
    await db
      .selectFrom('matters')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(mattersVisibleTo(viewer))
      .executeTakeFirst(),
  );

export const countContactsForExport = async (db: Executor) =>
  countOf(
    await db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst(),
  );

/** People by name, a page at a time, with their aliases and identifiers. */
export async function* pagePeopleForExport(
  db: Executor,
  viewer: Viewer | null,
  pageSize = 1000,
): AsyncGenerator<PersonExportRow[]> {
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const cursor: { name: string; id: string } | null = after;
    const people: Selectable<PersonTable>[] = await db
      .selectFrom('people')
      .selectAll()
      .where(peopleVisibleTo(viewer))
      .$if(cursor !== null, (q) =>
        q.where(
          sql<boolean>`(people.legal_name COLLATE "C", people.id) > (${cursor?.name ?? ''}, ${cursor?.id ?? ''})`,
        ),
      )
      // Byte order, so both engines list the same file in the same order.
      .orderBy(sql`people.legal_name COLLATE "C"`)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (people.length === 0) return;
    const ids = people.map((p) => p.id);
    const [aliases, identifiers] = await Promise.all([
      db
        .selectFrom('person_aliases')
        .select(['person_id', 'name'])
        .where('person_id', 'in', ids)
        .orderBy('name')
        .execute(),
      db
        .selectFrom('person_identifiers')
        .select(['person_id', 'system', 'value'])
        .where('person_id', 'in', ids)
        .orderBy('value')
        .execute(),
    ]);
    yield people.map((p) => ({
      ...p,
      aliases: aliases.filter((a) => a.person_id === p.id).map((a) => a.name),
      identifiers: identifiers.filter((i) => i.person_id === p.id).map((i) => ({ system: i.system, value: i.value })),
    }));
    if (people.length < pageSize) return;
    const last: Selectable<PersonTable> | undefined = people[people.length - 1];
    after = last ? { name: last.legal_name, id: last.id } : null;
  }
}

/** Matters by opening date, a page at a time, with the external id of their person. */
export async function* pageMattersForExport(
  db: Executor,
  viewer: Viewer | null,
  pageSize = 1000,
): AsyncGenerator<MatterExportRow[]> {
  let after: { openedOn: string; id: string } | null = null;
  for (;;) {
    const cursor: { openedOn: string; id: string } | null = after;
    const matters: MatterExportRow[] = await db
      .selectFrom('matters')
      .selectAll('matters')
      .select((eb) =>
        eb
          .selectFrom('people')
          .select('people.external_id')
          .whereRef('people.id', '=', 'matters.person_id')
          .as('person_external_id'),
      )
      .where(mattersVisibleTo(viewer))
      .$if(cursor !== null, (q) =>
        q.where(({ eb, refTuple, tuple }) =>
          eb(refTuple('matters.opened_on', 'matters.id'), '>', tuple(cursor?.openedOn ?? '', cursor?.id ?? '')),
        ),
      )
      .orderBy('matters.opened_on')
      .orderBy('matters.id')
      .limit(pageSize)
      .execute();
    if (matters.length === 0) return;
    yield matters;
    if (matters.length < pageSize) return;
    const last: MatterExportRow | undefined = matters[matters.length - 1];
    after = last ? { openedOn: last.opened_on, id: last.id } : null;
  }
}

/** Contacts by name, a page at a time. */
export async function* pageContactsForExport(db: Executor, pageSize = 1000): AsyncGenerator<ContactExportRow[]> {
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const cursor: { name: string; id: string } | null = after;
    const contacts: ContactExportRow[] = await db
      .selectFrom('contacts')
      .selectAll()
      .$if(cursor !== null, (q) =>
        q.where(sql<boolean>`(contacts.name COLLATE "C", contacts.id) > (${cursor?.name ?? ''}, ${cursor?.id ?? ''})`),
      )
      .orderBy(sql`contacts.name COLLATE "C"`)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (contacts.length === 0) return;
    yield contacts;
    if (contacts.length < pageSize) return;
    const last: ContactExportRow | undefined = contacts[contacts.length - 1];
    after = last ? { name: last.name, id: last.id } : null;
  }
}
