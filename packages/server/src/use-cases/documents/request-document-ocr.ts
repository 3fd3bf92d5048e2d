import type { DocumentBody, OcrLanguage } from '@redress/core';
import { setDocumentOcr } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { presentDocument, uploaderNames } from '../../documents/document-presenter.js';
import { nudgeOcr } from '../../documents/store-document.js';
import { failWith } from '../policy.js';
import { documentNotFound, loadDocumentFor } from './document-access.js';

export type RequestDocumentOcrInput = { documentId: string; language: OcrLanguage };

/**
 * Queues a document's image to be read (again) with OCR in a language, for example Spanish after an
 * English read came out garbled. The corrected text, if any, is kept. Images only (422 otherwise);
 * 409 while a read is running. Audited as `document.ocr_requested`.
 */
export const requestDocumentOcr = async (
  deps: AppDeps,
  ctx: RequestContext,
  input: RequestDocumentOcrInput,
): Promise<DocumentBody> => {
  const row = await inTransaction(deps, ctx, async (tx, audit) => {
    const { document } = await loadDocumentFor(tx, ctx, input.documentId, 'write');
    if (!document.media_type.startsWith('image/')) {
      failWith('unprocessable', 'document.ocr_unsupported', 'Only images are read with OCR');
    }
    if (document.ocr_state === 'running') {
      failWith('conflict', 'document.ocr_running', 'The text of this document is being read; try again shortly');
    }
    const queued =
      (await setDocumentOcr(tx, document.id, { state: 'queued', language: input.language })) ?? documentNotFound();
    await audit({
      action: 'document.ocr_requested',
      entityType: 'document',
      entityId: document.id,
      details: { documentId: document.id, personId: document.person_id, language: input.language },
    });
    return queued;
  });
  await nudgeOcr(deps, row.id);
  return presentDocument(row, await uploaderNames(deps.database.db, [row]));
};
