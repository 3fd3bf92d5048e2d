import { DomainFailure, transitionVisit, type UpdateVisitInput, type VisitBody } from '@redress/core';
import { findVisibleVisit, lockVisit, updateVisit } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { viewerOf } from '../people/person-access.js';
import { loadVisitFor, visitNotFound } from './visit-access.js';
import { presentVisits } from './visit-presenter.js';

/**
 * Moves a visit on: approved, denied (with the facility's reason), scheduled (with the time the
 * facility set; again to reschedule), cancelled, or asked again after a denial. A visit becomes held
 * only with its record (POST /visits/{id}/record).
 */
export const changeVisit = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateVisitInput,
): Promise<VisitBody> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    await loadVisitFor(tx, ctx, id, 'write');
    const visit = await lockVisit(tx, id);
    if (!visit) throw visitNotFound();
    const now = deps.clock.now();
    const changes: Parameters<typeof updateVisit>[2] = { updated_at: now };
    const details: Record<string, unknown> = { personId: visit.person_id };
    if (input.purpose !== undefined && input.purpose !== visit.purpose) {
      changes.purpose = input.purpose;
      details.purposeChanged = true;
    }
    const isReschedule = input.status === undefined && input.scheduledStart !== undefined;
    const to = input.status ?? (isReschedule ? 'scheduled' : undefined);
    if (to !== undefined) {
      const step = transitionVisit(
        {
          status: visit.status,
          scheduledStart: visit.scheduled_start?.toISOString() ?? null,
          scheduledEnd: visit.scheduled_end?.toISOString() ?? null,
        },
        { to, scheduledStart: input.scheduledStart, scheduledEnd: input.scheduledEnd, reason: input.reason },
      );
      if (!step.ok) throw new DomainFailure(step.error);
      Object.assign(changes, {
        status: step.value.status,
        scheduled_start: step.value.scheduledStart,
        scheduled_end: step.value.scheduledEnd,
        decided_reason: step.value.decidedReason ?? visit.decided_reason,
      });
      Object.assign(details, {
        from: visit.status,
        to: step.value.status,
        scheduledStart: step.value.scheduledStart,
        scheduledEnd: step.value.scheduledEnd,
        reason: step.value.decidedReason,
      });
    }
    await updateVisit(tx, id, changes);
    await audit({
      action: to !== undefined ? 'visit.status_changed' : 'visit.updated',
      entityType: 'visit',
      entityId: id,
      details,
    });
    const row = await findVisibleVisit(tx, viewerOf(ctx), id);
    if (!row) throw visitNotFound();
    const [view] = await presentVisits(tx, [row]);
    if (!view) throw visitNotFound();
    return view;
  });
