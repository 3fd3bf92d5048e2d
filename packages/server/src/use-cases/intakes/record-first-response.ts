import type { IntakeDetail, RecordFirstResponseInput } from '@redress/core';
import { type Tx, updateIntake } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, type Audit, inTransaction } from '../../deps.js';
import { todayOf } from '../people/person-dates.js';
import { failWith } from '../policy.js';
import { loadIntake, requireTriage } from './intake-access.js';
import { reloadIntake } from './intake-writes.js';

/**
 * Notes the first answer sent to the applicant, inside the caller's transaction (the correspondence
 * work calls it when an acknowledgement goes out). Only the first one counts: a later call keeps the
 * day already recorded and writes nothing. Audited as `intake.first_response`.
 */
export const noteFirstResponse = async (
  tx: Tx,
  deps: Pick<AppDeps, 'clock'>,
  audit: Audit,
  id: string,
  respondedOn: string,
): Promise<boolean> => {
  const intake = await loadIntake(tx, id, { forUpdate: true });
  if (intake.first_response_on !== null) return false;
  if (respondedOn > todayOf(deps)) {
    failWith('invalid', 'request.invalid', 'Some fields are not valid', { respondedOn: 'In the future' });
  }
  if (respondedOn < intake.received_on) {
    failWith('invalid', 'request.invalid', 'Some fields are not valid', {
      respondedOn: `Before the intake was received (${intake.received_on})`,
    });
  }
  await updateIntake(tx, id, { first_response_on: respondedOn }, deps.clock.now());
  await audit({
    action: 'intake.first_response',
    entityType: 'intake',
    entityId: id,
    details: { intakeId: id, respondedOn },
  });
  return true;
};

/** POST /intakes/{id}/first-response: the first answer went out on this day (today by default). */
export const recordFirstResponse = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: RecordFirstResponseInput,
): Promise<IntakeDetail> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    requireTriage(ctx);
    await noteFirstResponse(tx, deps, audit, id, input.respondedOn ?? todayOf(deps));
    return reloadIntake(tx, deps, ctx, id);
  });
