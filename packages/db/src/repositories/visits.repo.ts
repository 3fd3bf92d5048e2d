import type { VisitStatus } from '@redress/core';
import { type ExpressionBuilder, type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { onLegalTeamOfPerson, personIsVisible, type Viewer } from '../access-scope.js';
import type { Executor } from '../executor.js';
import type { Tables, VisitTable, VisitVisitorTable } from '../tables.js';

// Legal visits and their visitors. Reads are filtered by the person's visibility; each row says whether
// the reader is on the person's legal team, which opens the privileged notes and the visitors' details.

export type VisitRecordRow = Selectable<VisitTable>;
export type VisitRow = VisitRecordRow & {
  person_name: string;
  facility_name: string | null;
  created_by_name: string | null;
  viewer_on_legal_team: boolean;
};
export type VisitVisitorRow = Selectable<VisitVisitorTable> & {
  user_name: string;
  supervising_attorney_name: string | null;
};

type PeopleEb = ExpressionBuilder<Tables, 'people'>;

const visitsFor = (db: Executor, viewer: Viewer | null) =>
  db
    .selectFrom('visits')
    .innerJoin('people', 'people.id', 'visits.person_id')
    .leftJoin('facilities', 'facilities.id', 'visits.facility_id')
    .leftJoin('users as creator', 'creator.id', 'visits.created_by')
    .selectAll('visits')
    .select((eb) => [
      'people.legal_name as person_name',
      'facilities.name as facility_name',
      'creator.name as created_by_name',
      viewer
        ? eb.and([onLegalTeamOfPerson(viewer)(eb as unknown as PeopleEb)]).as('viewer_on_legal_team')
        : sql<boolean>`true`.as('viewer_on_legal_team'),
    ])
    .where((eb) => (viewer ? personIsVisible(viewer)(eb as unknown as PeopleEb) : sql<boolean>`true`));

const normalise = <T extends { viewer_on_legal_team: unknown }>(row: T) => ({
  ...row,
  viewer_on_legal_team: Boolean(row.viewer_on_legal_team),
});

export const insertVisit = (db: Executor, row: Insertable<VisitTable>) =>
  db.insertInto('visits').values(row).returningAll().executeTakeFirstOrThrow();

export const updateVisit = (db: Executor, id: string, changes: Updateable<VisitTable>) =>
  db.updateTable('visits').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** The visit (locked for a change), whoever asks: the caller checks access to its person. */
export const lockVisit = (db: Executor, id: string): Promise<VisitRecordRow | undefined> =>
  db.selectFrom('visits').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** A visit the reader may see (null viewer: the operator), with names; undefined when hidden or absent. */
export const findVisibleVisit = async (
  db: Executor,
  viewer: Viewer | null,
  id: string,
): Promise<VisitRow | undefined> => {
  const row = await visitsFor(db, viewer).where('visits.id', '=', id).executeTakeFirst();
  return row ? normalise(row) : undefined;
};

export type VisitFilter = {
  personId?: string | undefined;
  status?: VisitStatus | undefined;
  statuses?: readonly VisitStatus[] | undefined;
  /** Days, YYYY-MM-DD (UTC), on the held time, else the scheduled time, else the request day. */
  from?: string | undefined;
  to?: string | undefined;
  after?: { at: string; id: string } | undefined;
  limit: number;
};

/** When a visit happens or happened, for ordering and date filters. */
const visitTime = sql<Date>`coalesce(visits.held_start, visits.scheduled_start, (visits.requested_on::timestamp AT TIME ZONE 'UTC'))`;

/** The visits the reader may see, soonest last (newest first). */
export const listVisits = async (db: Executor, viewer: Viewer | null, f: VisitFilter): Promise<VisitRow[]> => {
  let q = visitsFor(db, viewer).select(visitTime.as('visit_time'));
  if (f.personId) q = q.where('visits.person_id', '=', f.personId);
  if (f.status) q = q.where('visits.status', '=', f.status);
  if (f.statuses) q = q.where('visits.status', 'in', [...f.statuses]);
  if (f.from) q = q.where(visitTime, '>=', new Date(`${f.from}T00:00:00.000Z`));
  if (f.to) q = q.where(visitTime, '<', new Date(new Date(`${f.to}T00:00:00.000Z`).getTime() + 86_400_000));
  const after = f.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb(visitTime, '<', new Date(after.at)),
        eb.and([eb(visitTime, '=', new Date(after.at)), eb('visits.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await q.orderBy(visitTime, 'desc').orderBy('visits.id', 'desc').limit(f.limit).execute();
  return rows.map(({ visit_time: _t, ...row }) => normalise(row));
};

/** When a visit row happens, as the list orders it (for cursors). */
export const visitTimeOf = (v: VisitRecordRow): Date =>
  v.held_start ?? v.scheduled_start ?? new Date(`${v.requested_on}T00:00:00.000Z`);

export const insertVisitors = async (db: Executor, rows: readonly Insertable<VisitVisitorTable>[]) => {
  if (rows.length > 0)
    await db
      .insertInto('visit_visitors')
      .values([...rows])
      .execute();
};

/** The visitors of the visits, with their names, in the order they were named (attorneys first). */
export const listVisitors = (db: Executor, visitIds: readonly string[]): Promise<VisitVisitorRow[]> =>
  visitIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('visit_visitors as vv')
        .innerJoin('users as u', 'u.id', 'vv.user_id')
        .leftJoin('users as sa', 'sa.id', 'vv.supervising_attorney_id')
        .selectAll('vv')
        .select(['u.name as user_name', 'sa.name as supervising_attorney_name'])
        .where('vv.visit_id', 'in', [...visitIds])
        .orderBy(sql`vv.capacity = 'attorney'`, 'desc')
        .orderBy('u.name')
        .execute();

/** Records who attended: the named visitors yes, the others no. */
export const setVisitAttendance = async (db: Executor, visitId: string, attendeeIds: readonly string[]) => {
  await db.updateTable('visit_visitors').set({ attended: false }).where('visit_id', '=', visitId).execute();
  if (attendeeIds.length === 0) return;
  await db
    .updateTable('visit_visitors')
    .set({ attended: true })
    .where('visit_id', '=', visitId)
    .where('user_id', 'in', [...attendeeIds])
    .execute();
};

/** The users among these ids with their roles (to check visitors and their sponsoring attorneys). */
export const findUserRoles = (db: Executor, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([] as { id: string; role: string; name: string; is_disabled: boolean }[])
    : db
        .selectFrom('users')
        .select(['id', 'role', 'name', 'is_disabled'])
        .where('id', 'in', [...ids])
        .execute();

/** The facility of a person's current placement (no end date, latest start), if it is in the directory. */
export const findCurrentFacilityId = async (db: Executor, personId: string): Promise<string | null> => {
  const row = await db
    .selectFrom('custody_placements')
    .select('facility_id')
    .where('person_id', '=', personId)
    .where('to_date', 'is', null)
    .orderBy('from_date', 'desc')
    .executeTakeFirst();
  return row?.facility_id ?? null;
};
