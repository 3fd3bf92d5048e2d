import { type BatchPrintInput, DomainFailure, domainError, mailHoldError } from '@redress/core';
import { lockCorrespondence, readDocumentBytes, recordIntakeFirstResponse, updateCorrespondence } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { type BatchItem, renderBatchPdf } from '../../letters/index.js';
import { getEnvelope } from '../facilities/get-envelope.js';
import { todayOf } from '../people/person-dates.js';
import type { PrintMeta } from './compose-correspondence-letter.js';
import { authorizeOwner, correspondenceNotFound } from './correspondence-access.js';

export type BatchPrintResult = { pdf: Uint8Array; count: number };

const refuse = (category: 'not_found' | 'conflict' | 'unprocessable', code: string, message: string, at: number) =>
  new DomainFailure(domainError(category, code, message, { [`ids.${at}`]: message }));

/**
 * One PDF of many letters, in the order asked, each followed by its envelope (or the labels after
 * them), and every letter logged as sent today, all in one transaction: the batch is refused as a
 * whole, naming the letter, when one is not a letter ready to print, when its person's mail went on
 * hold since it was written, or when the person's address changed since.
 */
export const batchPrintLetters = (
  deps: AppDeps,
  ctx: RequestContext,
  input: BatchPrintInput,
): Promise<BatchPrintResult> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const records = await lockCorrespondence(tx, input.ids);
    const byId = new Map(records.map((r) => [r.id, r]));
    const items: BatchItem[] = [];
    const today = todayOf(deps);
    const txDeps = { database: { ...deps.database, db: tx } };
    for (const [at, id] of input.ids.entries()) {
      const record = byId.get(id);
      if (!record) throw refuse('not_found', 'correspondence.not_found', `No such letter: ${id}`, at);
      const access = await authorizeOwner(
        tx,
        ctx,
        { personId: record.person_id, intakeId: record.intake_id },
        'write',
        { forUpdate: true, hidden: correspondenceNotFound },
      );
      const label = `"${record.summary.slice(0, 80)}"${access ? ` to ${access.person.legal_name}` : ''}`;
      if (record.direction !== 'out' || record.state !== 'ready' || record.document_id === null) {
        throw refuse(
          'unprocessable',
          'correspondence.not_printable',
          `The letter ${label} is not a generated letter ready to print (it is ${record.state})`,
          at,
        );
      }
      const meta = (record.print_meta ?? { envelope: null, sender: null, marking: null }) as PrintMeta;
      if (access) {
        const { mail_hold_since: since, mail_hold_reason: reason } = access.person;
        if (since) {
          const hold = mailHoldError({ since, reason: reason ?? '' });
          throw refuse('conflict', 'mail.hold', `The letter ${label} cannot go: ${hold.message}`, at);
        }
        if (meta.envelope) {
          const current = await getEnvelope(txDeps, ctx, access.person.id);
          if (current.lines.join('\n') !== meta.envelope.lines.join('\n')) {
            throw refuse(
              'conflict',
              'correspondence.address_changed',
              `The address of ${access.person.legal_name} changed since the letter ${label} was written: compose it again`,
              at,
            );
          }
        }
      }
      const pdf = await readDocumentBytes(tx, record.document_id);
      if (!pdf) throw new Error(`document ${record.document_id} has no bytes`);
      items.push({ pdf, envelope: meta.envelope, sender: meta.sender, marking: meta.marking });
    }
    const pdf = await renderBatchPdf(items, input.mode);
    const now = deps.clock.now();
    for (const [position, id] of input.ids.entries()) {
      const record = byId.get(id);
      if (!record) continue;
      await updateCorrespondence(tx, id, { state: 'sent', sent_on: today, updated_at: now });
      // The first answer to an intake's writer is what the intake's response time is measured to.
      const isFirstResponse = record.intake_id ? await recordIntakeFirstResponse(tx, record.intake_id, today) : false;
      await audit({
        action: 'correspondence.sent',
        entityType: 'correspondence',
        entityId: id,
        details: {
          personId: record.person_id,
          intakeId: record.intake_id,
          sentOn: today,
          batch: { position: position + 1, size: input.ids.length, mode: input.mode },
          ...(isFirstResponse ? { intakeFirstResponseOn: today } : {}),
        },
      });
    }
    return { pdf, count: items.length };
  });
