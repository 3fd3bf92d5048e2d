import type { MailHoldReleasedView, ReleaseMailHoldInput } from '@redress/core';
import { listPlacements, setMailHold, updatePlacement } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadPersonForWrite } from './person-access.js';
import { todayOf } from './person-dates.js';
import { currentPlacementId, presentPlacement } from './person-presenters.js';

/** The new address is confirmed: mail may go out again, and the current placement records the day. */
export const releaseMailHold = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  input: ReleaseMailHoldInput,
): Promise<MailHoldReleasedView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const access = await loadPersonForWrite(tx, ctx, personId, { forUpdate: true });
    const { mail_hold_since: since, mail_hold_reason: reason } = access.person;
    if (!since) return failWith('unprocessable', 'person.no_mail_hold', 'There is no mail hold on this person');
    const confirmedOn = input.confirmedOn ?? todayOf(deps);
    const placements = await listPlacements(tx, personId);
    const currentId = currentPlacementId(placements);
    const current = currentId ? await updatePlacement(tx, currentId, { address_confirmed_at: confirmedOn }) : null;
    await setMailHold(tx, personId, null, deps.clock.now());
    await audit({
      action: 'person.mail_hold_released',
      entityType: 'person',
      entityId: personId,
      details: { personId, since, reason, confirmedOn, placementId: currentId },
    });
    return { mailHold: null, currentPlacement: current ? presentPlacement(current, currentId) : null };
  });
