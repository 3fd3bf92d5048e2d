import {
  DomainFailure,
  type RecordedVisitBody,
  type RecordVisitInput,
  transitionVisit,
  visitDurationMinutes,
} from '@redress/core';
import {
  findTeamMembers,
  findVisibleVisit,
  insertTask,
  listVisitors,
  lockVisit,
  setVisitAttendance,
  updateVisit,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { loadMatterFor } from '../matters/matter-access.js';
import { viewerOf } from '../people/person-access.js';
import { failWith } from '../policy.js';
import { loadVisitFor, requireLegalTeam, visitNotFound } from './visit-access.js';
import { presentVisits } from './visit-presenter.js';

/**
 * The visit record, after the visit: when it started and ended, who of the visitors attended,
 * privileged notes (the person's legal team only) and follow-up tasks on the visit's matter. The
 * visit becomes held, and the tasks are created, in one transaction: a task refused (an assignee off
 * the matter team) leaves the visit as it was.
 */
export const recordVisit = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: RecordVisitInput,
): Promise<RecordedVisitBody> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const loaded = await loadVisitFor(tx, ctx, id, 'write');
    const visit = await lockVisit(tx, id);
    if (!visit) throw visitNotFound();
    if (input.privilegedNotes) requireLegalTeam(loaded, 'privilegedNotes');
    if (input.followUpTasks.length > 0 && visit.matter_id === null) {
      failWith('invalid', 'visit.matter_required', 'Follow-up tasks go on a matter: link the visit to one first', {
        followUpTasks: 'The visit has no matter (set matterId on the visit)',
      });
    }
    const step = transitionVisit(
      {
        status: visit.status,
        scheduledStart: visit.scheduled_start?.toISOString() ?? null,
        scheduledEnd: visit.scheduled_end?.toISOString() ?? null,
      },
      { to: 'held', hasRecord: true },
    );
    if (!step.ok) throw new DomainFailure(step.error);
    const duration = visitDurationMinutes(input.heldStart, input.heldEnd);
    if (!duration.ok) {
      failWith('invalid', 'request.invalid', 'Some fields are not valid', { heldEnd: duration.error.message });
    }
    const visitorIds = new Set((await listVisitors(tx, [id])).map((v) => v.user_id));
    const strangers: Record<string, string> = {};
    input.attendees.forEach((userId, i) => {
      if (!visitorIds.has(userId))
        strangers[`attendees.${i}`] = 'Not a visitor on this visit: add them to the request first';
    });
    if (Object.keys(strangers).length > 0)
      failWith('invalid', 'request.invalid', 'Some fields are not valid', strangers);

    const now = deps.clock.now();
    const taskIds: string[] = [];
    if (visit.matter_id !== null && input.followUpTasks.length > 0) {
      // The task rules of POST /matters/{id}/tasks: the matter team may add tasks, assigned within it.
      const { viewer } = await loadMatterFor(tx, ctx, visit.matter_id, 'matter.write');
      const assignees = [...new Set(input.followUpTasks.flatMap((t) => (t.assigneeId ? [t.assigneeId] : [])))];
      const onTeam = new Set((await findTeamMembers(tx, visit.matter_id, assignees)).map((m) => m.user_id));
      const details: Record<string, string> = {};
      input.followUpTasks.forEach((t, i) => {
        if (t.assigneeId && !onTeam.has(t.assigneeId))
          details[`followUpTasks.${i}.assigneeId`] = "Not on this matter's team";
      });
      if (Object.keys(details).length > 0) {
        failWith('invalid', 'task.assignee_not_on_team', 'The assignee must be on the matter team', details);
      }
      for (const task of input.followUpTasks) {
        const { id: taskId } = await insertTask(tx, {
          id: deps.newId(),
          matter_id: visit.matter_id,
          title: task.title,
          assignee_id: task.assigneeId ?? null,
          due_on: task.dueOn ?? null,
          created_by: viewer.userId,
          created_at: now,
          completed_at: null,
        });
        taskIds.push(taskId);
        await audit({
          action: 'task.created',
          entityType: 'matter',
          entityId: visit.matter_id,
          details: {
            taskId,
            title: task.title,
            assigneeId: task.assigneeId ?? null,
            dueOn: task.dueOn ?? null,
            visitId: id,
          },
        });
      }
    }
    await updateVisit(tx, id, {
      status: 'held',
      held_start: input.heldStart,
      held_end: input.heldEnd,
      record_notes_privileged: input.privilegedNotes?.trim() ? input.privilegedNotes : null,
      updated_at: now,
    });
    await setVisitAttendance(tx, id, input.attendees);
    await audit({
      action: 'visit.recorded',
      entityType: 'visit',
      entityId: id,
      details: {
        personId: visit.person_id,
        from: visit.status,
        heldStart: input.heldStart,
        heldEnd: input.heldEnd,
        durationMinutes: duration.ok ? duration.value : null,
        attendees: input.attendees,
        hasPrivilegedNotes: Boolean(input.privilegedNotes?.trim()),
        taskIds,
      },
    });
    const row = await findVisibleVisit(tx, viewerOf(ctx), id);
    if (!row) throw visitNotFound();
    const [view] = await presentVisits(tx, [row]);
    if (!view) throw visitNotFound();
    return { visit: view, taskIds };
  });
