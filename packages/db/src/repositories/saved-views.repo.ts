import type { Selectable } from 'kysely';
import type { Executor } from '../executor.js';
import type { SavedViewTable } from '../tables.js';

/** A user's saved filters for a list; each user sees only their own. */
export type SavedViewRow = Selectable<SavedViewTable>;

export const listSavedViews = (db: Executor, userId: string, list: SavedViewRow['list']) =>
  db
    .selectFrom('saved_views')
    .selectAll()
    .where('user_id', '=', userId)
    .where('list', '=', list)
    .orderBy('name')
    .orderBy('id')
    .execute();

export const findSavedViewByName = (db: Executor, userId: string, list: SavedViewRow['list'], name: string) =>
  db
    .selectFrom('saved_views')
    .select('id')
    .where('user_id', '=', userId)
    .where('list', '=', list)
    .where('name', '=', name)
    .executeTakeFirst();

export const insertSavedView = (
  db: Executor,
  v: {
    id: string;
    userId: string;
    list: SavedViewRow['list'];
    name: string;
    query: Record<string, unknown>;
    now: Date;
  },
) =>
  db
    .insertInto('saved_views')
    .values({
      id: v.id,
      user_id: v.userId,
      list: v.list,
      name: v.name,
      query: JSON.stringify(v.query),
      created_at: v.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

/** Deletes the view only if it belongs to the user; returns it when it did. */
export const deleteSavedView = (db: Executor, userId: string, id: string) =>
  db.deleteFrom('saved_views').where('id', '=', id).where('user_id', '=', userId).returningAll().executeTakeFirst();
