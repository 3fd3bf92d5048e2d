import type { MatterOutcome, MatterRole, MatterType, PersonStatus, Role } from '@redress/core';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { matterIsVisible, personIsVisible, type Viewer } from '../access-scope.js';
import type { Executor } from '../executor.js';
import type { MatterPartyTable, MatterTable, PipelineStageTable } from '../tables.js';

// Matters, their team and stage history, pipelines, the board, outcome counts, parties and the
// matter's activity. Every read that could show a matter takes the viewer and filters by visibility.

export type MatterRow = Selectable<MatterTable> & { person_name: string };
/** A matter as one viewer sees it: with their own matter role (null when not on the team). */
export type ViewedMatterRow = MatterRow & { viewer_matter_role: MatterRole | null };

const MATTER_COLUMNS = [
  'matters.id',
  'matters.external_id',
  'matters.person_id',
  'matters.type',
  'matters.title',
  'matters.stage',
  'matters.decision_maker',
  'matters.opened_on',
  'matters.closed_on',
  'matters.outcome',
  'matters.release_date',
  'matters.created_by',
  'matters.created_at',
  'matters.updated_at',
] as const;

/** The person a new matter is for, if the viewer may see them. */
export const findPersonForNewMatter = (db: Executor, viewer: Viewer, personId: string) =>
  db
    .selectFrom('people')
    .select(['people.id', 'people.legal_name', 'people.status'])
    .where('people.id', '=', personId)
    .where(personIsVisible(viewer))
    .executeTakeFirst();

/**
 * One matter if the viewer may see it, with the viewer's matter role. `forUpdate` locks the matter row
 * for the rest of the transaction (stage moves and edits read, check, then write).
 */
export const findVisibleMatter = (db: Executor, viewer: Viewer, id: string, options: { forUpdate?: boolean } = {}) => {
  const query = db
    .selectFrom('matters')
    .select(MATTER_COLUMNS)
    .select((eb) => [
      eb
        .selectFrom('people')
        .select('people.legal_name')
        .whereRef('people.id', '=', 'matters.person_id')
        .as('person_name'),
      eb
        .selectFrom('matter_team')
        .select('matter_team.matter_role')
        .whereRef('matter_team.matter_id', '=', 'matters.id')
        .where('matter_team.user_id', '=', viewer.userId)
        .as('viewer_matter_role'),
    ])
    .where('matters.id', '=', id)
    .where(matterIsVisible(viewer));
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst() as Promise<ViewedMatterRow | undefined>;
};

export type MatterSortColumn = 'opened_on' | 'updated_at' | 'title';
const SORT_CAST: Record<MatterSortColumn, string> = { opened_on: 'date', updated_at: 'timestamptz', title: 'text' };

export type MatterListFilter = {
  type?: MatterType | undefined;
  stage?: string | undefined;
  outcome?: MatterOutcome | undefined;
  personId?: string | undefined;
  teamMemberId?: string | undefined;
  status: 'open' | 'closed' | 'all';
  sort: { column: MatterSortColumn; descending: boolean };
  /** Keyset: the sort value and id of the last row of the previous page. */
  after?: { value: string; id: string } | undefined;
  limit: number;
};

/** A page of the matters the viewer may see, sorted with the id as tie-break (stable keyset pages). */
export const listMatters = (db: Executor, viewer: Viewer, f: MatterListFilter): Promise<MatterRow[]> => {
  let q = db
    .selectFrom('matters')
    .innerJoin('people', 'people.id', 'matters.person_id')
    .select(MATTER_COLUMNS)
    .select('people.legal_name as person_name')
    .where((eb) => matterIsVisible(viewer)(eb as never));
  if (f.type) q = q.where('matters.type', '=', f.type);
  if (f.stage) q = q.where('matters.stage', '=', f.stage);
  if (f.outcome) q = q.where('matters.outcome', '=', f.outcome);
  if (f.personId) q = q.where('matters.person_id', '=', f.personId);
  if (f.status === 'open') q = q.where('matters.closed_on', 'is', null);
  if (f.status === 'closed') q = q.where('matters.closed_on', 'is not', null);
  const teamMemberId = f.teamMemberId;
  if (teamMemberId) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('matter_team as tm')
          .select(sql`1`.as('one'))
          .whereRef('tm.matter_id', '=', 'matters.id')
          .where('tm.user_id', '=', teamMemberId),
      ),
    );
  }
  const column = sql.ref(`matters.${f.sort.column}`);
  const direction = f.sort.descending ? sql`desc` : sql`asc`;
  const after = f.after;
  if (after) {
    const op = f.sort.descending ? sql`<` : sql`>`;
    const cast = sql.raw(SORT_CAST[f.sort.column]);
    q = q.where(sql<boolean>`(${column}, matters.id) ${op} (${after.value}::${cast}, ${after.id}::uuid)`);
  }
  return q.orderBy(sql`${column} ${direction}`).orderBy(sql`matters.id ${direction}`).limit(f.limit).execute();
};

export const insertMatter = (db: Executor, row: Insertable<MatterTable>) =>
  db.insertInto('matters').values(row).returningAll().executeTakeFirstOrThrow();

export const updateMatter = (db: Executor, id: string, changes: Updateable<MatterTable>, now: Date) =>
  db
    .updateTable('matters')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/**
 * Marks a person released (a granted matter and the day they walked out). Only someone recorded in
 * custody changes: a person on parole or deceased keeps that status. Returns the previous status when
 * it changed.
 */
export const markPersonReleased = async (
  db: Executor,
  personId: string,
  now: Date,
): Promise<{ from: PersonStatus } | null> => {
  const changed = await db
    .updateTable('people')
    .set({ status: 'released', updated_at: now })
    .where('id', '=', personId)
    .where('status', '=', 'in_custody')
    .returning('id')
    .executeTakeFirst();
  return changed ? { from: 'in_custody' } : null;
};

// ---- Stage history ----

export const insertStageChange = (
  db: Executor,
  row: { id: string; matterId: string; fromStage: string | null; toStage: string; changedBy: string | null; now: Date },
) =>
  db
    .insertInto('matter_stage_history')
    .values({
      id: row.id,
      matter_id: row.matterId,
      from_stage: row.fromStage,
      to_stage: row.toStage,
      changed_by: row.changedBy,
      changed_at: row.now,
    })
    .execute();

/** Oldest first; the opening entry (no previous stage) first among entries of the same instant. */
export const listStageHistory = (db: Executor, matterId: string) =>
  db
    .selectFrom('matter_stage_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select(['h.from_stage', 'h.to_stage', 'h.changed_at', 'h.changed_by', 'u.name as changed_by_name'])
    .where('h.matter_id', '=', matterId)
    .orderBy('h.changed_at')
    .orderBy(sql`h.from_stage is null`, 'desc')
    .execute();

// ---- Team ----

export type TeamMemberRow = {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  matter_role: MatterRole;
  added_at: Date;
};

export const listTeam = (db: Executor, matterId: string): Promise<TeamMemberRow[]> =>
  db
    .selectFrom('matter_team as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.user_id', 'u.name', 'u.email', 'u.role', 't.matter_role', 't.added_at'])
    .where('t.matter_id', '=', matterId)
    .orderBy('t.added_at')
    .orderBy('u.name')
    .execute();

/** Which of `userIds` are on the matter's team, with their roles. */
export const findTeamMembers = (db: Executor, matterId: string, userIds: readonly string[]) =>
  userIds.length === 0
    ? Promise.resolve([] as { user_id: string; role: Role; matter_role: MatterRole }[])
    : db
        .selectFrom('matter_team as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select(['t.user_id', 'u.role', 't.matter_role'])
        .where('t.matter_id', '=', matterId)
        .where('t.user_id', 'in', [...userIds])
        .execute();

export const insertTeamMember = (
  db: Executor,
  row: { matterId: string; userId: string; matterRole: MatterRole; now: Date },
) =>
  db
    .insertInto('matter_team')
    .values({ matter_id: row.matterId, user_id: row.userId, matter_role: row.matterRole, added_at: row.now })
    .onConflict((oc) => oc.columns(['matter_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();

export const updateTeamMemberRole = (db: Executor, matterId: string, userId: string, matterRole: MatterRole) =>
  db
    .updateTable('matter_team')
    .set({ matter_role: matterRole })
    .where('matter_id', '=', matterId)
    .where('user_id', '=', userId)
    .returning('user_id')
    .executeTakeFirst();

export const deleteTeamMember = (db: Executor, matterId: string, userId: string) =>
  db
    .deleteFrom('matter_team')
    .where('matter_id', '=', matterId)
    .where('user_id', '=', userId)
    .returning('user_id')
    .executeTakeFirst();

/** Team names of many matters at once (board cards). */
export const listTeamNames = (db: Executor, matterIds: readonly string[]) =>
  matterIds.length === 0
    ? Promise.resolve([] as { matter_id: string; name: string; matter_role: MatterRole }[])
    : db
        .selectFrom('matter_team as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select(['t.matter_id', 'u.name', 't.matter_role'])
        .where('t.matter_id', 'in', [...matterIds])
        .orderBy('t.added_at')
        .execute();

// ---- Pipelines ----

const PIPELINE_LOCK_KEY = 727_003;

/**
 * Serialises pipeline edits against the changes that pick a stage from the pipeline (opening a
 * matter, moving one): they share the type's lock, an edit takes it alone, so a stage cannot be
 * dropped between a matter choosing it and that matter being saved. Held until the transaction ends.
 */
export const lockPipeline = async (db: Executor, type: MatterType, mode: 'share' | 'exclusive') => {
  const fn = mode === 'share' ? sql`pg_advisory_xact_lock_shared` : sql`pg_advisory_xact_lock`;
  await sql`SELECT ${fn}(${PIPELINE_LOCK_KEY}, hashtext(${type}))`.execute(db);
};

export const listPipelineStageRows = (db: Executor): Promise<Selectable<PipelineStageTable>[]> =>
  db.selectFrom('pipeline_stages').selectAll().orderBy('matter_type').orderBy('position').execute();

export const listPipelineStageRowsOf = (db: Executor, type: MatterType) =>
  db.selectFrom('pipeline_stages').selectAll().where('matter_type', '=', type).orderBy('position').execute();

export const replacePipelineStages = async (db: Executor, type: MatterType, stages: readonly string[]) => {
  await db.deleteFrom('pipeline_stages').where('matter_type', '=', type).execute();
  await db
    .insertInto('pipeline_stages')
    .values(stages.map((name, position) => ({ matter_type: type, position, name })))
    .execute();
};

/** The stages some matter of the type is in now, whoever can see it (a rule about the data, not a view). */
export const listStagesInUse = async (db: Executor, type: MatterType): Promise<string[]> =>
  (await db.selectFrom('matters').select('stage').distinct().where('type', '=', type).orderBy('stage').execute()).map(
    (r) => r.stage,
  );

export const renameMatterStage = (db: Executor, type: MatterType, from: string, to: string, now: Date) =>
  db
    .updateTable('matters')
    .set({ stage: to, updated_at: now })
    .where('type', '=', type)
    .where('stage', '=', from)
    .executeTakeFirst();

// ---- Board ----

export type BoardFilter = { type: MatterType; status: 'open' | 'closed' | 'all' };

const boardBase = (db: Executor, viewer: Viewer, f: BoardFilter) => {
  let q = db.selectFrom('matters').where('matters.type', '=', f.type).where(matterIsVisible(viewer));
  if (f.status === 'open') q = q.where('matters.closed_on', 'is', null);
  if (f.status === 'closed') q = q.where('matters.closed_on', 'is not', null);
  return q;
};

export const countBoardStages = async (db: Executor, viewer: Viewer, f: BoardFilter): Promise<Map<string, number>> => {
  const rows = await boardBase(db, viewer, f)
    .select(['matters.stage', (eb) => eb.fn.countAll().as('n')])
    .groupBy('matters.stage')
    .execute();
  return new Map(rows.map((r) => [r.stage, Number(r.n)]));
};

/** The first `perStage` cards of every stage (oldest matter first), in one query. */
export const listBoardCards = (db: Executor, viewer: Viewer, f: BoardFilter, perStage: number) =>
  db
    .selectFrom(
      boardBase(db, viewer, f)
        .innerJoin('people', 'people.id', 'matters.person_id')
        .select([
          'matters.id',
          'matters.title',
          'matters.stage',
          'matters.opened_on',
          'people.legal_name as person_name',
          sql<number>`row_number() over (partition by matters.stage order by matters.opened_on, matters.id)`.as('rank'),
        ])
        .as('c'),
    )
    .selectAll('c')
    .where('c.rank', '<=', perStage)
    .orderBy('c.stage')
    .orderBy('c.rank')
    .execute();

// ---- Outcome counts ----

export const countOutcomeGroups = async (db: Executor, viewer: Viewer) =>
  (
    await db
      .selectFrom('matters')
      .select(['matters.type', 'matters.outcome', (eb) => eb.fn.countAll().as('n')])
      .where(matterIsVisible(viewer))
      .groupBy(['matters.type', 'matters.outcome'])
      .execute()
  ).map((r) => ({ type: r.type, outcome: r.outcome, count: Number(r.n) }));

/** Distinct people with a granted matter that has a release date (the core's `isFreeingMatter`). */
export const countPeopleFreed = async (db: Executor, viewer: Viewer): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('matters')
        .select((eb) => eb.fn.count('matters.person_id').distinct().as('n'))
        .where('matters.outcome', '=', 'granted')
        .where('matters.release_date', 'is not', null)
        .where(matterIsVisible(viewer))
        .executeTakeFirst()
    )?.n ?? 0,
  );

// ---- Parties ----

export const listParties = (db: Executor, matterId: string) =>
  db
    .selectFrom('matter_parties')
    .select(['id', 'matter_id', 'role', 'name'])
    .where('matter_id', '=', matterId)
    .orderBy('name')
    .orderBy('id')
    .execute();

export const insertParty = (db: Executor, row: Insertable<MatterPartyTable>) =>
  db.insertInto('matter_parties').values(row).returning(['id', 'matter_id', 'role', 'name']).executeTakeFirstOrThrow();

export const deleteParty = (db: Executor, matterId: string, partyId: string) =>
  db
    .deleteFrom('matter_parties')
    .where('matter_id', '=', matterId)
    .where('id', '=', partyId)
    .returning(['id', 'role', 'name'])
    .executeTakeFirst();

// ---- Activity ----

export type MatterActivityFilter = {
  /** Entries about privileged records (flagged `isPrivileged` in their details) only for the legal team. */
  includePrivileged: boolean;
  beforeSeq?: number | undefined;
  limit: number;
};

/**
 * The matter's activity, newest first: the audit entries recorded against the matter (every change to
 * it and to the records inside it), without reads, which stay in the audit log.
 */
export const listMatterActivity = (db: Executor, matterId: string, f: MatterActivityFilter) => {
  let q = db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor_id', 'actor_label', 'action', 'details'])
    .where('entity_type', '=', 'matter')
    .where('entity_id', '=', matterId)
    .where('action', 'not like', '%\\_read');
  if (!f.includePrivileged) q = q.where(sql<boolean>`coalesce((details ->> 'isPrivileged')::boolean, false) = false`);
  if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
  return q.orderBy('seq', 'desc').limit(f.limit).execute();
};
