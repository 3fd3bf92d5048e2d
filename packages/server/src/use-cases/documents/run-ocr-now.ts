import { isImage, type OcrLanguage, sniffMediaType } from '@redress/core';
import { claimDocumentOcr, readDocumentBytes, setDocumentOcr } from '@redress/db';
import { systemContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import type { OcrEngine } from '../../ocr/ocr-engine.js';

export type OcrDeps = Pick<AppDeps, 'database' | 'clock' | 'logger'> & { ocr: OcrEngine };

export type OcrOutcome =
  | { outcome: 'done'; documentId: string; confidence: number; characters: number; ms: number }
  | { outcome: 'failed'; documentId: string; error: string }
  /** Not queued (done already, claimed by another worker, deleted, or never asked for). */
  | { outcome: 'skipped'; documentId: string };

const OCR_LANGUAGE_OF: Record<string, OcrLanguage> = { eng: 'eng', spa: 'spa' };

/** Text as the database can hold it (no NUL characters), without tesseract's trailing blank lines. */
const storableText = (text: string) => text.replaceAll('\0', '').replace(/\s+$/, '');

/**
 * Reads the text of one queued document: claims it (so two workers never read one document twice),
 * recognises its image, and stores the text and confidence, or the reason it failed, with an audit
 * entry `document.ocr_completed`. The OCR job calls this; so can tests and the CLI, directly.
 */
export const runOcrNow = async (deps: OcrDeps, documentId: string): Promise<OcrOutcome> => {
  const db = deps.database.db;
  const claimed = await claimDocumentOcr(db, documentId);
  if (!claimed) return { outcome: 'skipped', documentId };
  const language = OCR_LANGUAGE_OF[claimed.ocr_language ?? 'eng'] ?? 'eng';
  const started = performance.now();
  let result: { text: string; confidence: number } | { error: string };
  try {
    const bytes = await readDocumentBytes(db, documentId);
    const mediaType = bytes ? sniffMediaType(bytes) : null;
    if (!bytes) result = { error: 'The document has no content' };
    else if (!mediaType || !isImage(mediaType)) result = { error: 'Only images are read with OCR' };
    else result = await deps.ocr.recognise(bytes, language);
  } catch (err) {
    deps.logger.warn({ err, documentId }, 'OCR failed');
    result = { error: `OCR failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500) };
  }
  const ms = Math.round(performance.now() - started);
  return inTransaction(deps, systemContext('ocr'), async (tx, audit) => {
    if ('error' in result) {
      await setDocumentOcr(tx, documentId, { state: 'failed', language, error: result.error });
    } else {
      await setDocumentOcr(tx, documentId, {
        state: 'done',
        language,
        text: storableText(result.text),
        confidence: Math.round(result.confidence * 10) / 10,
      });
    }
    const isDone = !('error' in result);
    await audit({
      action: 'document.ocr_completed',
      entityType: 'document',
      entityId: documentId,
      details: {
        documentId,
        language,
        state: isDone ? 'done' : 'failed',
        ms,
        ...('error' in result
          ? { error: result.error }
          : { confidence: result.confidence, characters: result.text.length }),
      },
    });
    if ('error' in result) return { outcome: 'failed' as const, documentId, error: result.error };
    return {
      outcome: 'done' as const,
      documentId,
      confidence: result.confidence,
      characters: result.text.length,
      ms,
    };
  });
};
