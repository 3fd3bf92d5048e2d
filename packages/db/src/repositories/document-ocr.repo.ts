import type { Executor } from '../executor.js';
import type { DocumentRow } from './documents.repo.js';

// The OCR queue is the documents table itself: a document waits in `ocr_state = 'queued'`, a worker
// claims it by moving it to 'running' (only one claim can win), and writes 'done' or 'failed'.

/**
 * Claims a queued document for OCR: the one UPDATE that moves it from 'queued' to 'running'. Two
 * workers racing for one document get it once; the loser gets undefined.
 */
export const claimDocumentOcr = async (
  db: Executor,
  id: string,
): Promise<Pick<DocumentRow, 'id' | 'ocr_language' | 'media_type'> | undefined> =>
  db
    .updateTable('documents')
    .set({ ocr_state: 'running', ocr_error: null })
    .where('id', '=', id)
    .where('ocr_state', '=', 'queued')
    .returning(['id', 'ocr_language', 'media_type'])
    .executeTakeFirst();

/** Documents in one OCR state, oldest first (the sweep's view of the queue). */
export const listDocumentIdsInOcrState = async (
  db: Executor,
  state: 'queued' | 'running',
  limit = 500,
): Promise<string[]> =>
  (
    await db
      .selectFrom('documents')
      .select(['id'])
      .where('ocr_state', '=', state)
      .orderBy('created_at', 'asc')
      .limit(limit)
      .execute()
  ).map((r) => r.id);

/** Puts back a document whose worker died mid-way; a document that finished meanwhile stays done. */
export const requeueDocumentOcr = async (db: Executor, id: string): Promise<boolean> =>
  (
    await db
      .updateTable('documents')
      .set({ ocr_state: 'queued' })
      .where('id', '=', id)
      .where('ocr_state', '=', 'running')
      .executeTakeFirst()
  ).numUpdatedRows > 0n;
