import {
  type CreateTaskInput,
  type MatterTasksQuery,
  membershipOf,
  type TaskListQuery,
  type TaskView,
  type UpdateTaskInput,
} from '@redress/core';
import {
  type Executor,
  findTask,
  findTeamMembers,
  findVisibleTask,
  insertTask,
  listTasksForAssignee,
  listMatterTasks as queryMatterTasks,
  taskSortKey,
  updateTask as writeTask,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { decodeCursor, isDatePart, isTimestampPart, isUuidPart, pageOf } from './list-cursor.js';
import { authorizeMatter, loadMatterFor, viewerOf } from './matter-access.js';
import { presentTask } from './presenters.js';

export type { CreateTaskInput, UpdateTaskInput };

const TASK_HIDDEN = { code: 'task.not_found', message: 'No such task' };

/** A task is assigned within its matter's team. */
const checkAssignee = async (db: Executor, matterId: string, assigneeId: string | null | undefined) => {
  if (!assigneeId) return;
  const [member] = await findTeamMembers(db, matterId, [assigneeId]);
  if (!member) {
    failWith('invalid', 'task.assignee_not_on_team', 'The assignee must be on the matter team', {
      assigneeId: "Not on this matter's team",
    });
  }
};

const taskView = async (db: Executor, id: string): Promise<TaskView> => {
  const task = await findTask(db, id);
  if (!task) throw new Error(`task ${id} vanished`);
  return presentTask(task);
};

export const listMatterTasks = async (
  deps: AppDeps,
  ctx: RequestContext,
  matterId: string,
  query: MatterTasksQuery,
) => {
  const db = deps.database.db;
  await loadMatterFor(db, ctx, matterId, 'matter.read');
  return { items: (await queryMatterTasks(db, matterId, query.status)).map(presentTask) };
};

export const createTask = (
  deps: AppDeps,
  ctx: RequestContext,
  matterId: string,
  input: CreateTaskInput,
): Promise<TaskView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { viewer } = await loadMatterFor(tx, ctx, matterId, 'matter.write');
    await checkAssignee(tx, matterId, input.assigneeId);
    const now = deps.clock.now();
    const { id } = await insertTask(tx, {
      id: deps.newId(),
      matter_id: matterId,
      title: input.title,
      assignee_id: input.assigneeId ?? null,
      due_on: input.dueOn ?? null,
      created_by: viewer.userId,
      created_at: now,
      completed_at: null,
    });
    await audit({
      action: 'task.created',
      entityType: 'matter',
      entityId: matterId,
      details: { taskId: id, title: input.title, assigneeId: input.assigneeId ?? null, dueOn: input.dueOn ?? null },
    });
    return taskView(tx, id);
  });

/** Changes a task's title, status, assignee or due date (team members of its matter). */
export const updateTask = (deps: AppDeps, ctx: RequestContext, id: string, input: UpdateTaskInput): Promise<TaskView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const viewer = viewerOf(ctx);
    const task = await findVisibleTask(tx, viewer, id, { forUpdate: true });
    if (!task) return failWith('not_found', TASK_HIDDEN.code, TASK_HIDDEN.message);
    authorizeMatter(
      viewer.actor,
      'matter.write',
      membershipOf(viewer.role, task.viewer_matter_role),
      false,
      TASK_HIDDEN,
    );
    if (input.assigneeId !== undefined && input.assigneeId !== task.assignee_id) {
      await checkAssignee(tx, task.matter_id, input.assigneeId);
    }
    const next = {
      title: input.title ?? task.title,
      status: input.status ?? task.status,
      assignee_id: input.assigneeId === undefined ? task.assignee_id : input.assigneeId,
      due_on: input.dueOn === undefined ? task.due_on : input.dueOn,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const names = { title: 'title', status: 'status', assignee_id: 'assigneeId', due_on: 'dueOn' } as const;
    for (const [column, field] of Object.entries(names) as [keyof typeof names, string][]) {
      if (task[column] !== next[column]) changes[field] = { from: task[column], to: next[column] };
    }
    if (Object.keys(changes).length === 0) return presentTask(task);
    const now = deps.clock.now();
    await writeTask(tx, id, {
      ...next,
      completed_at: next.status === 'done' ? (task.status === 'done' ? task.completed_at : now) : null,
    });
    await audit({
      action: 'task.updated',
      entityType: 'matter',
      entityId: task.matter_id,
      details: { taskId: id, ...changes },
    });
    return taskView(tx, id);
  });

/** Someone's tasks ("me" by default) across the matters the caller may see, soonest due first. */
export const listTasks = async (deps: AppDeps, ctx: RequestContext, query: TaskListQuery) => {
  const viewer = viewerOf(ctx);
  const after = decodeCursor(query.cursor, [isDatePart, isTimestampPart, isUuidPart]);
  const rows = await listTasksForAssignee(deps.database.db, viewer, {
    assigneeId: query.assignee === 'me' ? viewer.userId : query.assignee,
    status: query.status,
    after: after ? { dueOn: after[0] ?? '', createdAt: after[1] ?? '', id: after[2] ?? '' } : undefined,
    limit: query.limit + 1,
  });
  return pageOf(rows, query.limit, presentTask, (t) => {
    const key = taskSortKey(t);
    return [key.dueOn, key.createdAt, key.id];
  });
};
