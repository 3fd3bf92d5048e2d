import type { MatterRole } from '@redress/core';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { matterIsVisible, type Viewer } from '../access-scope.js';
import type { Executor } from '../executor.js';
import type { NoteTable, TaskTable } from '../tables.js';

// Tasks and notes: records inside a matter. Reads that start from a task or a note id check that the
// matter is visible to the viewer and return the viewer's matter role, so the caller can apply the policy.

type TaskStatus = 'open' | 'done' | 'cancelled';

export type TaskRow = Selectable<TaskTable> & { matter_title: string; assignee_name: string | null };

const taskQuery = (db: Executor) =>
  db
    .selectFrom('tasks')
    .innerJoin('matters', 'matters.id', 'tasks.matter_id')
    .leftJoin('users as assignee', 'assignee.id', 'tasks.assignee_id')
    .selectAll('tasks')
    .select(['matters.title as matter_title', 'assignee.name as assignee_name']);

export const countOpenTasks = async (db: Executor, matterId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('tasks')
        .select(db.fn.countAll().as('n'))
        .where('matter_id', '=', matterId)
        .where('status', '=', 'open')
        .executeTakeFirst()
    )?.n ?? 0,
  );

/** A matter's tasks: open ones first by due date (undated last), then the rest. */
export const listMatterTasks = (db: Executor, matterId: string, status: TaskStatus | 'all'): Promise<TaskRow[]> => {
  let q = taskQuery(db).where('tasks.matter_id', '=', matterId);
  if (status !== 'all') q = q.where('tasks.status', '=', status);
  return q
    .orderBy(sql`tasks.status = 'open'`, 'desc')
    .orderBy(sql`tasks.due_on asc nulls last`)
    .orderBy('tasks.created_at')
    .orderBy('tasks.id')
    .execute();
};

export type TaskListFilter = {
  assigneeId: string;
  status: TaskStatus | 'all';
  /** Keyset: the due date ('9999-12-31' for none), creation time and id of the last row shown. */
  after?: { dueOn: string; createdAt: string; id: string } | undefined;
  limit: number;
};

const NO_DUE_DATE = '9999-12-31';

/** Someone's tasks across the matters the viewer may see, soonest due first (undated last). */
export const listTasksForAssignee = (db: Executor, viewer: Viewer, f: TaskListFilter): Promise<TaskRow[]> => {
  let q = taskQuery(db)
    .where('tasks.assignee_id', '=', f.assigneeId)
    .where((eb) => matterIsVisible(viewer)(eb as never));
  if (f.status !== 'all') q = q.where('tasks.status', '=', f.status);
  const dueKey = sql`coalesce(tasks.due_on, ${NO_DUE_DATE}::date)`;
  const after = f.after;
  if (after) {
    q = q.where(
      sql<boolean>`(${dueKey}, tasks.created_at, tasks.id) > (${after.dueOn}::date, ${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return q.orderBy(dueKey).orderBy('tasks.created_at').orderBy('tasks.id').limit(f.limit).execute();
};

export const taskSortKey = (t: Pick<TaskRow, 'due_on' | 'created_at' | 'id'>) => ({
  dueOn: t.due_on ?? NO_DUE_DATE,
  createdAt: t.created_at.toISOString(),
  id: t.id,
});

/** A task whose matter the viewer may see, with the viewer's role on that matter. */
export const findVisibleTask = (db: Executor, viewer: Viewer, id: string, options: { forUpdate?: boolean } = {}) => {
  const q = taskQuery(db)
    .select((eb) =>
      eb
        .selectFrom('matter_team')
        .select('matter_team.matter_role')
        .whereRef('matter_team.matter_id', '=', 'tasks.matter_id')
        .where('matter_team.user_id', '=', viewer.userId)
        .as('viewer_matter_role'),
    )
    .where('tasks.id', '=', id)
    .where((eb) => matterIsVisible(viewer)(eb as never));
  return (options.forUpdate ? q.forUpdate('tasks') : q).executeTakeFirst() as Promise<
    (TaskRow & { viewer_matter_role: MatterRole | null }) | undefined
  >;
};

export const findTask = (db: Executor, id: string): Promise<TaskRow | undefined> =>
  taskQuery(db).where('tasks.id', '=', id).executeTakeFirst();

export const insertTask = (db: Executor, row: Insertable<TaskTable>) =>
  db.insertInto('tasks').values(row).returning('id').executeTakeFirstOrThrow();

export const updateTask = (db: Executor, id: string, changes: Updateable<TaskTable>) =>
  db.updateTable('tasks').set(changes).where('id', '=', id).returning('id').executeTakeFirstOrThrow();

// ---- Notes ----

export type NoteRow = Omit<Selectable<NoteTable>, 'search'> & { author_name: string | null };

const NOTE_COLUMNS = [
  'notes.id',
  'notes.matter_id',
  'notes.body',
  'notes.is_privileged',
  'notes.author_id',
  'notes.created_at',
  'notes.updated_at',
] as const;

const noteQuery = (db: Executor) =>
  db
    .selectFrom('notes')
    .leftJoin('users as author', 'author.id', 'notes.author_id')
    .select(NOTE_COLUMNS)
    .select('author.name as author_name');

export type NoteListFilter = {
  /** Privileged notes only for the matter's legal team. */
  includePrivileged: boolean;
  after?: { createdAt: string; id: string } | undefined;
  limit: number;
};

/** A matter's notes, newest first. */
export const listNotes = (db: Executor, matterId: string, f: NoteListFilter): Promise<NoteRow[]> => {
  let q = noteQuery(db).where('notes.matter_id', '=', matterId);
  if (!f.includePrivileged) q = q.where('notes.is_privileged', '=', false);
  const after = f.after;
  if (after) {
    q = q.where(sql<boolean>`(notes.created_at, notes.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
  }
  return q.orderBy('notes.created_at', 'desc').orderBy('notes.id', 'desc').limit(f.limit).execute();
};

/**
 * A note whose matter the viewer may see (privilege is the caller's check: it knows the policy), with
 * the viewer's role on the matter.
 */
export const findVisibleNote = (db: Executor, viewer: Viewer, id: string, options: { forUpdate?: boolean } = {}) => {
  const q = noteQuery(db)
    .innerJoin('matters', 'matters.id', 'notes.matter_id')
    .select((eb) =>
      eb
        .selectFrom('matter_team')
        .select('matter_team.matter_role')
        .whereRef('matter_team.matter_id', '=', 'notes.matter_id')
        .where('matter_team.user_id', '=', viewer.userId)
        .as('viewer_matter_role'),
    )
    .where('notes.id', '=', id)
    .where((eb) => matterIsVisible(viewer)(eb as never));
  return (options.forUpdate ? q.forUpdate('notes') : q).executeTakeFirst() as Promise<
    (NoteRow & { viewer_matter_role: MatterRole | null }) | undefined
  >;
};

export const findNote = (db: Executor, id: string): Promise<NoteRow | undefined> =>
  noteQuery(db).where('notes.id', '=', id).executeTakeFirst();

export const insertNote = (db: Executor, row: Omit<Insertable<NoteTable>, 'search'>) =>
  db.insertInto('notes').values(row).returning('id').executeTakeFirstOrThrow();

export const updateNote = (
  db: Executor,
  id: string,
  changes: Pick<Updateable<NoteTable>, 'body' | 'is_privileged'>,
  now: Date,
) =>
  db
    .updateTable('notes')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirstOrThrow();

export const deleteNote = (db: Executor, id: string) =>
  db.deleteFrom('notes').where('id', '=', id).returning('id').executeTakeFirst();

export const replaceNoteMentions = async (db: Executor, noteId: string, userIds: readonly string[]) => {
  await db.deleteFrom('note_mentions').where('note_id', '=', noteId).execute();
  const unique = [...new Set(userIds)];
  if (unique.length > 0) {
    await db
      .insertInto('note_mentions')
      .values(unique.map((user_id) => ({ note_id: noteId, user_id })))
      .execute();
  }
};

/** The people mentioned in each of the notes. */
export const listNoteMentions = (db: Executor, noteIds: readonly string[]) =>
  noteIds.length === 0
    ? Promise.resolve([] as { note_id: string; user_id: string; name: string }[])
    : db
        .selectFrom('note_mentions as nm')
        .innerJoin('users as u', 'u.id', 'nm.user_id')
        .select(['nm.note_id', 'nm.user_id', 'u.name'])
        .where('nm.note_id', 'in', [...noteIds])
        .orderBy('u.name')
        .execute();
