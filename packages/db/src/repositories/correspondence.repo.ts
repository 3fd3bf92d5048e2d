import type { CorrespondenceChannel, CorrespondenceDirection, CorrespondenceState } from '@redress/core';
import { type ExpressionBuilder, type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { personIsVisible, type Viewer } from '../access-scope.js';
import type { Executor } from '../executor.js';
import type { CorrespondenceTable, Tables } from '../tables.js';

// Letters, calls and video visits in and out. Reads are access-filtered here: a person's records go
// with the person's visibility, an intake's with intake triage (the caller says whether it may triage).

export type CorrespondenceRecordRow = Selectable<CorrespondenceTable>;
export type CorrespondenceRow = CorrespondenceRecordRow & { person_name: string | null; staff_name: string | null };

/** Who reads: a user (with whether they may triage intakes), or null for the operator. */
export type CorrespondenceViewer = { viewer: Viewer; canTriage: boolean } | null;

const withNames = (db: Executor) =>
  db
    .selectFrom('correspondence')
    .leftJoin('people', 'people.id', 'correspondence.person_id')
    .leftJoin('users as staff', 'staff.id', 'correspondence.staff_id')
    .selectAll('correspondence')
    .select(['people.legal_name as person_name', 'staff.name as staff_name']);

type Eb = ExpressionBuilder<Tables, 'correspondence' | 'people'>;

/** A record is visible with its person (person rules) or, for an intake's record, with intake triage. */
const isVisible = (who: CorrespondenceViewer) => (eb: Eb) => {
  if (who === null) return sql<boolean>`true`;
  const personRule = eb.and([
    eb('correspondence.person_id', 'is not', null),
    personIsVisible(who.viewer)(eb as unknown as ExpressionBuilder<Tables, 'people'>),
  ]);
  return who.canTriage ? eb.or([personRule, eb('correspondence.intake_id', 'is not', null)]) : personRule;
};

export const insertCorrespondence = (db: Executor, row: Insertable<CorrespondenceTable>) =>
  db.insertInto('correspondence').values(row).returningAll().executeTakeFirstOrThrow();

export const updateCorrespondence = (db: Executor, id: string, changes: Updateable<CorrespondenceTable>) =>
  db.updateTable('correspondence').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** One record with its names, whatever the reader: the caller checks access to its person or intake. */
export const findCorrespondence = (db: Executor, id: string): Promise<CorrespondenceRow | undefined> =>
  withNames(db).where('correspondence.id', '=', id).executeTakeFirst();

/** Locks records for a change (a state change, a batch print), in the order given. */
export const lockCorrespondence = async (db: Executor, ids: readonly string[]): Promise<CorrespondenceRecordRow[]> => {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('correspondence')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};

export type CorrespondenceFilter = {
  personId?: string | undefined;
  intakeId?: string | undefined;
  state?: CorrespondenceState | undefined;
  direction?: CorrespondenceDirection | undefined;
  channel?: CorrespondenceChannel | undefined;
  /** Keyset: records created before this one (newest first). */
  after?: { createdAt: string; id: string } | undefined;
  limit: number;
};

/** The records the reader may see, newest first. */
export const listCorrespondence = (
  db: Executor,
  who: CorrespondenceViewer,
  f: CorrespondenceFilter,
): Promise<CorrespondenceRow[]> => {
  let q = withNames(db).where(isVisible(who));
  if (f.personId) q = q.where('correspondence.person_id', '=', f.personId);
  if (f.intakeId) q = q.where('correspondence.intake_id', '=', f.intakeId);
  if (f.state) q = q.where('correspondence.state', '=', f.state);
  if (f.direction) q = q.where('correspondence.direction', '=', f.direction);
  if (f.channel) q = q.where('correspondence.channel', '=', f.channel);
  const after = f.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('correspondence.created_at', '<', new Date(after.createdAt)),
        eb.and([
          eb('correspondence.created_at', '=', new Date(after.createdAt)),
          eb('correspondence.id', '<', after.id),
        ]),
      ]),
    );
  }
  return q.orderBy('correspondence.created_at', 'desc').orderBy('correspondence.id', 'desc').limit(f.limit).execute();
};

/** Records by id, with names, in the order asked (missing ones left out). */
export const findCorrespondenceByIds = async (db: Executor, ids: readonly string[]): Promise<CorrespondenceRow[]> => {
  if (ids.length === 0) return [];
  const rows = await withNames(db)
    .where('correspondence.id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};

/** Whether an intake exists (a record is logged against it). */
export const intakeExists = async (db: Executor, intakeId: string): Promise<boolean> =>
  (await db.selectFrom('intakes').select('id').where('id', '=', intakeId).executeTakeFirst()) !== undefined;

/** The day the first answer went to an intake's writer; kept when already set. Returns whether it was set now. */
export const recordIntakeFirstResponse = async (db: Executor, intakeId: string, day: string): Promise<boolean> => {
  const rows = await db
    .updateTable('intakes')
    .set({ first_response_on: day })
    .where('id', '=', intakeId)
    .where('first_response_on', 'is', null)
    .returning('id')
    .execute();
  return rows.length > 0;
};
