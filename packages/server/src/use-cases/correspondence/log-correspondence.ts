import {
  type CorrespondenceBody,
  checkMailable,
  DomainFailure,
  initialCorrespondence,
  type LogCorrespondenceInput,
} from '@redress/core';
import { type Executor, findCorrespondence, findDocument, findUserRoles, insertCorrespondence } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { todayOf } from '../people/person-dates.js';
import { failWith } from '../policy.js';
import { authorizeOwner } from './correspondence-access.js';
import { presentCorrespondence } from './correspondence-presenter.js';

/** A document given with a record must belong to the same person or intake (never another's file). */
export const checkOwnDocument = async (
  db: Executor,
  documentId: string,
  owner: { personId: string | null; intakeId: string | null },
) => {
  const document = await findDocument(db, documentId);
  const isOwn =
    document !== undefined &&
    ((owner.personId !== null && document.person_id === owner.personId) ||
      (owner.intakeId !== null && document.intake_id === owner.intakeId));
  if (!isOwn) {
    failWith('invalid', 'request.invalid', 'Some fields are not valid', {
      documentId: 'Choose a document uploaded to this person or intake',
    });
  }
};

/**
 * Logs a letter in or out, a call or a video visit. An outgoing letter by post or legal mail is
 * refused while the person's mail is on hold (it would go to the wrong prison), unless it is a draft.
 */
export const logCorrespondence = (
  deps: AppDeps,
  ctx: RequestContext,
  input: LogCorrespondenceInput,
): Promise<CorrespondenceBody> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const owner = { personId: input.personId ?? null, intakeId: input.intakeId ?? null };
    const access = await authorizeOwner(tx, ctx, owner, 'write');
    const start = initialCorrespondence(
      { direction: input.direction, channel: input.channel, state: input.state, on: input.on },
      todayOf(deps),
    );
    if (!start.ok) throw new DomainFailure(start.error);
    if (access && input.direction === 'out' && start.value.state !== 'draft') {
      const person = access.person;
      const hold = person.mail_hold_since
        ? { since: person.mail_hold_since, reason: person.mail_hold_reason ?? '' }
        : null;
      const mailable = checkMailable(input.channel, hold);
      if (!mailable.ok) throw new DomainFailure(mailable.error);
    }
    const staffId = input.staffId ?? ctx.actor?.userId ?? null;
    if (input.staffId) {
      const [staff] = await findUserRoles(tx, [input.staffId]);
      if (!staff) failWith('invalid', 'request.invalid', 'Some fields are not valid', { staffId: 'No such user' });
    }
    if (input.documentId) await checkOwnDocument(tx, input.documentId, owner);
    const now = deps.clock.now();
    const row = await insertCorrespondence(tx, {
      id: deps.newId(),
      person_id: owner.personId,
      intake_id: owner.intakeId,
      direction: input.direction,
      channel: input.channel,
      state: start.value.state,
      sent_on: start.value.sentOn,
      received_on: start.value.receivedOn,
      summary: input.summary,
      template_key: null,
      language: null,
      document_id: input.documentId ?? null,
      staff_id: staffId,
      returned_reason: null,
      created_at: now,
      updated_at: now,
    });
    await audit({
      action: 'correspondence.logged',
      entityType: 'correspondence',
      entityId: row.id,
      details: {
        ...owner,
        direction: row.direction,
        channel: row.channel,
        state: row.state,
        sentOn: row.sent_on,
        receivedOn: row.received_on,
        documentId: row.document_id,
      },
    });
    const view = await findCorrespondence(tx, row.id);
    if (!view) throw new Error('correspondence vanished');
    return presentCorrespondence(view);
  });
