import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../executor.js';
import type { FacilityTable } from '../tables.js';

/** The facility directory: prisons and jails with their addresses, referred to by custody placements. */
export type NewFacility = Omit<Insertable<FacilityTable>, 'code' | 'created_at' | 'updated_at'> & {
  code: string;
  now: Date;
};

/**
 * Adds a facility to the directory unless one with the same code is there already (a directory
 * seeded earlier wins), and returns the id of the entry that holds the code.
 */
export const ensureFacility = async (db: Executor, { now, ...f }: NewFacility): Promise<string> => {
  await db
    .insertInto('facilities')
    .values({ ...f, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const row = await db.selectFrom('facilities').select('id').where('code', '=', f.code).executeTakeFirstOrThrow();
  return row.id;
};

export type FacilityRow = Selectable<FacilityTable>;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, '\\$&');

export type FacilityListFilter = {
  jurisdiction?: FacilityTable['jurisdiction'] | undefined;
  kind?: string | undefined;
  /** Part of the name, code or city, any case. */
  search?: string | undefined;
  isActive?: boolean | undefined;
  after?: { name: string; id: string } | undefined;
  limit: number;
};

/** The directory in name order (keyset pages on name, id). */
export const listFacilities = (db: Executor, f: FacilityListFilter): Promise<FacilityRow[]> => {
  let q = db.selectFrom('facilities').selectAll();
  if (f.jurisdiction) q = q.where('jurisdiction', '=', f.jurisdiction);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.isActive !== undefined) q = q.where('is_active', '=', f.isActive);
  const search = f.search?.trim();
  if (search) {
    const pattern = `%${likeEscape(search)}%`;
    q = q.where((eb) =>
      eb.or([eb('name', 'ilike', pattern), eb('code', 'ilike', pattern), eb('city', 'ilike', pattern)]),
    );
  }
  const after = f.after;
  if (after) q = q.where(sql<boolean>`(facilities.name, facilities.id) > (${after.name}::text, ${after.id}::uuid)`);
  return q.orderBy('name').orderBy('id').limit(f.limit).execute();
};

export const findFacilityById = (db: Executor, id: string, options: { forUpdate?: boolean } = {}) => {
  const q = db.selectFrom('facilities').selectAll().where('id', '=', id);
  return (options.forUpdate ? q.forUpdate() : q).executeTakeFirst();
};

export const findFacilityByCode = (db: Executor, code: string) =>
  db.selectFrom('facilities').selectAll().where('code', '=', code).executeTakeFirst();

/** Adds an entry; undefined when the code is taken. */
export const insertFacility = (db: Executor, row: Insertable<FacilityTable>) =>
  db
    .insertInto('facilities')
    .values(row)
    .onConflict((oc) => oc.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();

export const updateFacility = (db: Executor, id: string, changes: Updateable<FacilityTable>, now: Date) =>
  db
    .updateTable('facilities')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
