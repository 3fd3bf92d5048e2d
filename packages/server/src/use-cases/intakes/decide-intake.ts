import { type DecideIntakeInput, type IntakeDetail, transitionIntake } from '@redress/core';
import { updateIntake } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadIntake, requireTriage } from './intake-access.js';
import { reloadIntake } from './intake-writes.js';

/**
 * Declines, waitlists or refers an intake, with a reason (required to decline or refer) and, to refer,
 * the organisation. Accepting is POST /intakes/{id}/accept, which opens the person and matter. A
 * waitlisted intake may be decided again; any other decided intake is reopened first. Audited as
 * `intake.decided`.
 */
export const decideIntake = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: DecideIntakeInput,
): Promise<IntakeDetail> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const principal = requireTriage(ctx);
    const intake = await loadIntake(tx, id, { forUpdate: true });
    const moved = transitionIntake(
      { state: intake.state, decision: intake.decision },
      {
        kind: 'decide',
        decision: input.decision,
        reason: input.reason,
        referralOrganisation: input.referralOrganisation,
      },
    );
    if (!moved.ok) return failWith(moved.error.category, moved.error.code, moved.error.message, moved.error.details);
    const now = deps.clock.now();
    await updateIntake(
      tx,
      id,
      {
        state: moved.value.state,
        decision: moved.value.decision,
        decision_reason: moved.value.decisionReason,
        referral_organisation: moved.value.referralOrganisation,
        decided_at: now,
        decided_by: principal.userId,
      },
      now,
    );
    await audit({
      action: 'intake.decided',
      entityType: 'intake',
      entityId: id,
      details: {
        intakeId: id,
        decision: moved.value.decision,
        reason: moved.value.decisionReason,
        referralOrganisation: moved.value.referralOrganisation,
        previousDecision: intake.decision,
      },
    });
    return reloadIntake(tx, deps, ctx, id);
  });
