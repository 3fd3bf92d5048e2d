import {
  type CorrespondenceBody,
  checkMailable,
  DomainFailure,
  transitionCorrespondence,
  type UpdateCorrespondenceInput,
} from '@redress/core';
import {
  findCorrespondence,
  lockCorrespondence,
  recordIntakeFirstResponse,
  setMailHold,
  updateCorrespondence,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { todayOf } from '../people/person-dates.js';
import { correspondenceNotFound, loadCorrespondenceFor } from './correspondence-access.js';
import { presentCorrespondence } from './correspondence-presenter.js';
import { checkOwnDocument } from './log-correspondence.js';

/**
 * Moves a letter on: sent (stamps the day; refused while the person's mail is on hold), returned by
 * the facility (with the reason; puts the person's mail on hold in the same transaction), or back to
 * draft/ready. The summary may be corrected at any time.
 */
export const changeCorrespondence = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateCorrespondenceInput,
): Promise<CorrespondenceBody> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { access } = await loadCorrespondenceFor(tx, ctx, id, 'write', { forUpdate: true });
    const [record] = await lockCorrespondence(tx, [id]);
    if (!record) throw correspondenceNotFound();
    const now = deps.clock.now();
    const changes: Parameters<typeof updateCorrespondence>[2] = { updated_at: now };
    const details: Record<string, unknown> = { personId: record.person_id, intakeId: record.intake_id };
    if (input.summary !== undefined && input.summary !== record.summary) {
      changes.summary = input.summary;
      details.summaryChanged = true;
    }
    if (input.documentId !== undefined && input.documentId !== record.document_id) {
      await checkOwnDocument(tx, input.documentId, { personId: record.person_id, intakeId: record.intake_id });
      changes.document_id = input.documentId;
      details.documentId = input.documentId;
    }
    let mailHoldPlaced = false;
    if (input.state !== undefined && input.state !== record.state) {
      const step = transitionCorrespondence(
        {
          direction: record.direction,
          channel: record.channel,
          state: record.state,
          sentOn: record.sent_on,
          receivedOn: record.received_on,
        },
        { to: input.state, on: input.on, reason: input.reason, today: todayOf(deps) },
      );
      if (!step.ok) throw new DomainFailure(step.error);
      const person = access?.person ?? null;
      const hold = person?.mail_hold_since
        ? { since: person.mail_hold_since, reason: person.mail_hold_reason ?? '' }
        : null;
      if (input.state === 'sent') {
        const mailable = checkMailable(record.channel, hold);
        if (!mailable.ok) throw new DomainFailure(mailable.error);
      }
      Object.assign(changes, {
        state: step.value.state,
        sent_on: step.value.sentOn,
        received_on: step.value.receivedOn,
        returned_reason: step.value.returnedReason,
      });
      Object.assign(details, { from: record.state, to: step.value.state, on: input.on ?? todayOf(deps) });
      if (step.value.returnedReason) details.reason = step.value.returnedReason;
      if (step.value.state === 'sent' && record.intake_id && step.value.sentOn) {
        if (await recordIntakeFirstResponse(tx, record.intake_id, step.value.sentOn)) {
          details.intakeFirstResponseOn = step.value.sentOn;
        }
      }
      // A returned letter puts the mail on hold; a hold already on (an earlier return, a transfer) stays as it is.
      if (step.value.mailHold && person && hold === null) {
        await setMailHold(tx, person.id, step.value.mailHold, now);
        mailHoldPlaced = true;
        await audit({
          action: 'person.mail_hold_placed',
          entityType: 'person',
          entityId: person.id,
          details: { personId: person.id, ...step.value.mailHold, correspondenceId: id },
        });
      }
    }
    await updateCorrespondence(tx, id, changes);
    await audit({
      action: input.state === 'returned' ? 'correspondence.returned' : 'correspondence.updated',
      entityType: 'correspondence',
      entityId: id,
      details: { ...details, mailHoldPlaced },
    });
    const view = await findCorrespondence(tx, id);
    if (!view) throw new Error('correspondence vanished');
    return presentCorrespondence(view);
  });
