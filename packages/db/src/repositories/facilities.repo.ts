import type { Insertable } from 'kysely';
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
