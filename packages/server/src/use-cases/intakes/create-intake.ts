import type { CreateIntakeInput, IntakeDetail } from '@redress/core';
import { insertIntake, nextIntakeReference } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { todayOf } from '../people/person-dates.js';
import { failWith } from '../policy.js';
import { requireAssignee } from './assign-intake.js';
import { requireTriage } from './intake-access.js';
import { questionnaireColumns, reloadIntake, submittedByColumns } from './intake-writes.js';

/**
 * Records an intake that came by post, referral or phone, with whatever of the questionnaire staff
 * filled from it (often nothing yet: the letter is uploaded next). It starts as `new` with a fresh
 * reference (IN-<year>-<n>). Audited as `intake.created`.
 */
export const createIntake = (deps: AppDeps, ctx: RequestContext, input: CreateIntakeInput): Promise<IntakeDetail> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const principal = requireTriage(ctx);
    const today = todayOf(deps);
    const receivedOn = input.receivedOn ?? today;
    if (receivedOn > today)
      failWith('invalid', 'request.invalid', 'Some fields are not valid', { receivedOn: 'In the future' });
    if (input.assignedTo) await requireAssignee(tx, input.assignedTo, 'assignedTo');
    const columns = await questionnaireColumns(tx, deps, input.questionnaire, 'questionnaire');
    const now = deps.clock.now();
    const id = deps.newId();
    const reference = await nextIntakeReference(tx, Number(today.slice(0, 4)));
    await insertIntake(tx, {
      ...columns,
      ...submittedByColumns(input.submittedBy ?? null),
      id,
      reference,
      channel: input.channel,
      state: 'new',
      received_on: receivedOn,
      assigned_to: input.assignedTo ?? null,
      created_by: principal.userId,
      created_at: now,
      updated_at: now,
      questionnaire: input.questionnaire,
    } as Parameters<typeof insertIntake>[1]);
    await audit({
      action: 'intake.created',
      entityType: 'intake',
      entityId: id,
      details: { intakeId: id, reference, channel: input.channel, receivedOn, assignedTo: input.assignedTo ?? null },
    });
    return reloadIntake(tx, deps, ctx, id);
  });
