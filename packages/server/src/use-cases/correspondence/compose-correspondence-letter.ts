import {
  type ComposedLetterBody,
  type ComposeLetterInput,
  checkMailable,
  DomainFailure,
  LETTER_TEMPLATE_TITLES,
  type LetterLanguage,
  type LetterTemplateKey,
} from '@redress/core';
import { type CorrespondenceRecordRow, findCorrespondence, insertCorrespondence, type Tx } from '@redress/db';
import { PDFDocument } from 'pdf-lib';
import type { RequestContext } from '../../context.js';
import { type AppDeps, type Audit, inTransaction } from '../../deps.js';
import { storeDocument } from '../../documents/store-document.js';
import { type ComposedLetter, composeLetter } from '../../letters/index.js';
import type { PersonAccess } from '../people/person-access.js';
import { authorizeOwner } from './correspondence-access.js';
import { presentCorrespondence } from './correspondence-presenter.js';

/** What a generated letter keeps for the batch print: its envelope, return address and marking. */
export type PrintMeta = Pick<ComposedLetter, 'envelope' | 'sender' | 'marking'>;

export type LetterToStore = {
  template: LetterTemplateKey;
  language: LetterLanguage;
  personId: string | null;
  intakeId: string | null;
  senderUserId: string | null;
  fields: Record<string, string>;
  legalMail: boolean;
  summary: string;
};

const pageCountOf = async (pdf: Uint8Array): Promise<number | null> => {
  try {
    return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
  } catch {
    return null;
  }
};

/**
 * Composes a letter from a template in the caller's transaction (the caller has checked write access
 * to the person or intake), stores its PDF as a generated letter and logs it as ready to print.
 * Refused while the person's mail is on hold, with the hold's reason.
 */
export const composeAndStoreLetter = async (
  deps: AppDeps,
  ctx: RequestContext,
  tx: Tx,
  audit: Audit,
  access: PersonAccess | null,
  letter: LetterToStore,
): Promise<{ record: CorrespondenceRecordRow; composed: ComposedLetter }> => {
  const channel = letter.legalMail ? 'legal_mail' : 'post';
  const person = access?.person ?? null;
  const hold = person?.mail_hold_since
    ? { since: person.mail_hold_since, reason: person.mail_hold_reason ?? '' }
    : null;
  const mailable = checkMailable(channel, hold);
  if (!mailable.ok) throw new DomainFailure(mailable.error);

  const composed = await composeLetter(deps, tx, {
    template: letter.template,
    language: letter.language,
    personId: letter.personId,
    intakeId: letter.intakeId,
    senderUserId: letter.senderUserId,
    fields: letter.fields,
    legalMail: letter.legalMail,
  });
  if (!composed.ok) throw new DomainFailure(composed.error);
  const { pdf, envelope, sender, marking } = composed.value;
  const uploadedBy = ctx.actor?.userId ?? null;
  const document = await storeDocument(tx, deps, {
    personId: letter.personId,
    intakeId: letter.intakeId,
    kind: 'generated_letter',
    fileName: `${letter.template}-${deps.clock.now().toISOString().slice(0, 10)}.pdf`,
    bytes: pdf,
    mediaType: 'application/pdf',
    pageCount: await pageCountOf(pdf),
    isPrivileged: false,
    uploadedBy,
  });
  const now = deps.clock.now();
  const printMeta: PrintMeta = { envelope, sender, marking };
  const record = await insertCorrespondence(tx, {
    id: deps.newId(),
    person_id: letter.personId,
    intake_id: letter.intakeId,
    direction: 'out',
    channel,
    state: 'ready',
    sent_on: null,
    received_on: null,
    summary: letter.summary,
    template_key: letter.template,
    language: letter.language,
    print_meta: JSON.stringify(printMeta),
    document_id: document.id,
    staff_id: letter.senderUserId ?? uploadedBy,
    returned_reason: null,
    created_at: now,
    updated_at: now,
  });
  await audit({
    action: 'correspondence.letter_composed',
    entityType: 'correspondence',
    entityId: record.id,
    details: {
      personId: letter.personId,
      intakeId: letter.intakeId,
      template: letter.template,
      language: letter.language,
      legalMail: letter.legalMail,
      documentId: document.id,
      senderUserId: letter.senderUserId,
    },
  });
  return { record, composed: composed.value };
};

/** POST /correspondence/letters: a letter from a template, stored and logged as ready to print. */
export const composeCorrespondenceLetter = (
  deps: AppDeps,
  ctx: RequestContext,
  input: ComposeLetterInput,
): Promise<ComposedLetterBody> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const owner = { personId: input.personId ?? null, intakeId: input.intakeId ?? null };
    const access = await authorizeOwner(tx, ctx, owner, 'write');
    const { record, composed } = await composeAndStoreLetter(deps, ctx, tx, audit, access, {
      template: input.template,
      language: input.language,
      ...owner,
      senderUserId: input.senderUserId ?? ctx.actor?.userId ?? null,
      fields: input.fields,
      legalMail: input.legalMail,
      summary: input.summary ?? LETTER_TEMPLATE_TITLES[input.template],
    });
    const view = await findCorrespondence(tx, record.id);
    if (!view || !record.document_id) throw new Error('letter vanished');
    return {
      correspondence: presentCorrespondence(view),
      documentId: record.document_id,
      marking: composed.marking,
      envelopeLines: composed.envelope?.lines ?? null,
    };
  });
