import { type IntakeDetail, mergeQuestionnaire, transitionIntake, type UpdateIntakeInput } from '@redress/core';
import { type IntakeChanges, updateIntake } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { todayOf } from '../people/person-dates.js';
import { failWith } from '../policy.js';
import { loadIntake, requireTriage } from './intake-access.js';
import { questionnaireOf } from './intake-view.js';
import { questionnaireColumns, reloadIntake, submittedByColumns } from './intake-writes.js';

/**
 * Fills in or corrects an intake: questionnaire sections (a section given replaces the stored one),
 * the day it was received, who sent it. Any change starts the review of a new intake. A decided
 * intake is reopened with `state: in_review` first (an accepted one cannot be: its person and matter
 * carry the work on). Audited as `intake.updated` (the sections changed, never their text) and
 * `intake.reopened`.
 */
export const updateIntakeRecord = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateIntakeInput,
): Promise<IntakeDetail> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    requireTriage(ctx);
    const intake = await loadIntake(tx, id, { forUpdate: true });
    const status = { state: intake.state, decision: intake.decision };
    const isReopening = intake.state === 'decided' && input.state === 'in_review';
    const moved = transitionIntake(status, { kind: isReopening ? 'reopen' : 'review' });
    if (!moved.ok) return failWith(moved.error.category, moved.error.code, moved.error.message);

    const changes: IntakeChanges = {};
    if (input.questionnaire) {
      const merged = mergeQuestionnaire(questionnaireOf(intake), input.questionnaire);
      Object.assign(changes, await questionnaireColumns(tx, deps, merged, 'questionnaire'));
    }
    if (input.receivedOn !== undefined) {
      if (input.receivedOn > todayOf(deps)) {
        failWith('invalid', 'request.invalid', 'Some fields are not valid', { receivedOn: 'In the future' });
      }
      if (intake.first_response_on && input.receivedOn > intake.first_response_on) {
        failWith('invalid', 'request.invalid', 'Some fields are not valid', {
          receivedOn: `After the first response (${intake.first_response_on})`,
        });
      }
      changes.received_on = input.receivedOn;
    }
    if (input.submittedBy !== undefined) Object.assign(changes, submittedByColumns(input.submittedBy));
    if (!moved.value.isUnchanged) {
      Object.assign(changes, {
        state: moved.value.state,
        decision: moved.value.decision,
        decision_reason: moved.value.decisionReason,
        referral_organisation: moved.value.referralOrganisation,
        decided_at: null,
        decided_by: null,
      });
    }
    await updateIntake(tx, id, changes, deps.clock.now());
    if (isReopening) {
      await audit({
        action: 'intake.reopened',
        entityType: 'intake',
        entityId: id,
        details: { intakeId: id, previousDecision: intake.decision, previousReason: intake.decision_reason },
      });
    }
    const changed = [
      ...Object.keys(input.questionnaire ?? {}).map((section) => `questionnaire.${section}`),
      ...(input.receivedOn !== undefined ? ['receivedOn'] : []),
      ...(input.submittedBy !== undefined ? ['submittedBy'] : []),
    ];
    if (changed.length > 0 || (!moved.value.isUnchanged && !isReopening)) {
      await audit({
        action: 'intake.updated',
        entityType: 'intake',
        entityId: id,
        details: { intakeId: id, fields: changed, state: moved.value.state },
      });
    }
    return reloadIntake(tx, deps, ctx, id);
  });
