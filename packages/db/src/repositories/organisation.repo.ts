import type { Updateable } from 'kysely';
import type { Executor } from '../executor.js';
import type { OrganisationTable } from '../tables.js';

export const findOrganisation = (db: Executor) => db.selectFrom('organisation').selectAll().executeTakeFirst();

export const insertOrganisation = (db: Executor, name: string, now: Date) =>
  db
    .insertInto('organisation')
    .values({ name, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateOrganisation = (db: Executor, changes: Updateable<OrganisationTable>, now: Date) =>
  db
    .updateTable('organisation')
    .set({ ...changes, updated_at: now })
    .where('id', '=', 1)
    .returningAll()
    .executeTakeFirstOrThrow();
