import type { DocumentBody } from '@redress/core';
import { correctDocumentText as saveCorrection } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { presentDocument, uploaderNames } from '../../documents/document-presenter.js';
import { documentNotFound, loadDocumentFor } from './document-access.js';

export type CorrectDocumentTextInput = { documentId: string; text: string | null };

/**
 * Stores a person's reading of a document's text (it wins over the OCR text for display and search);
 * null clears it. Needs write access to the document's record; audited as `document.text_corrected`
 * (with the lengths, not the text: the document may be privileged).
 */
export const correctDocumentText = async (
  deps: AppDeps,
  ctx: RequestContext,
  input: CorrectDocumentTextInput,
): Promise<DocumentBody> => {
  const text = input.text === null ? null : input.text.replaceAll('\0', '');
  const row = await inTransaction(deps, ctx, async (tx, audit) => {
    const { document } = await loadDocumentFor(tx, ctx, input.documentId, 'write');
    const updated =
      (await saveCorrection(tx, document.id, text, ctx.actor?.userId ?? null, deps.clock.now())) ?? documentNotFound();
    await audit({
      action: 'document.text_corrected',
      entityType: 'document',
      entityId: document.id,
      details: {
        documentId: document.id,
        personId: document.person_id,
        intakeId: document.intake_id,
        previousLength: document.corrected_text?.length ?? null,
        length: text?.length ?? null,
        isCleared: text === null,
      },
    });
    return updated;
  });
  return presentDocument(row, await uploaderNames(deps.database.db, [row]));
};
