import { type AssignIntakeInput, decide, type IntakeDetail, transitionIntake } from '@redress/core';
import { type Executor, findUserForAssignment, updateIntake } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadIntake, requireTriage } from './intake-access.js';
import { reloadIntake } from './intake-writes.js';

/** An assignee must be an active user who may triage intakes themselves. */
export const requireAssignee = async (db: Executor, userId: string, field: string): Promise<void> => {
  const user = await findUserForAssignment(db, userId);
  if (!user || user.is_disabled) {
    failWith('invalid', 'request.invalid', 'Some fields are not valid', { [field]: 'No such user' });
    return;
  }
  const canTriage = decide({ role: user.role, action: 'intake.triage', membership: 'none', isPrivileged: false });
  if (!canTriage.allowed) {
    failWith('invalid', 'request.invalid', 'Some fields are not valid', {
      [field]: `${user.name} cannot triage intakes (role ${user.role})`,
    });
  }
};

/**
 * Gives the intake to someone to read (or takes it back: null). Assigning a new intake starts its
 * review; a decided intake keeps its decision. Audited as `intake.assigned`.
 */
export const assignIntake = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: AssignIntakeInput,
): Promise<IntakeDetail> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    requireTriage(ctx);
    const intake = await loadIntake(tx, id, { forUpdate: true });
    if (input.userId) await requireAssignee(tx, input.userId, 'userId');
    const startsReview = intake.state === 'new' && input.userId !== null;
    if (startsReview) {
      const moved = transitionIntake({ state: intake.state, decision: intake.decision }, { kind: 'review' });
      if (!moved.ok) return failWith(moved.error.category, moved.error.code, moved.error.message);
    }
    await updateIntake(
      tx,
      id,
      { assigned_to: input.userId, ...(startsReview ? { state: 'in_review' as const } : {}) },
      deps.clock.now(),
    );
    await audit({
      action: 'intake.assigned',
      entityType: 'intake',
      entityId: id,
      details: {
        intakeId: id,
        from: intake.assigned_to,
        to: input.userId,
        ...(startsReview ? { state: 'in_review' } : {}),
      },
    });
    return reloadIntake(tx, deps, ctx, id);
  });
