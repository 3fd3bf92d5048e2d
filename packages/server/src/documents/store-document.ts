import { createHash } from 'node:crypto';
import { type DocumentMediaType, isImage, type OcrLanguage } from '@redress/core';
import { type DocumentKind, type DocumentRow, type Executor, insertDocument, setDocumentOcr } from '@redress/db';
import type { AppDeps } from '../deps.js';

/** The OCR job's queue name (jobs/ocr-jobs.ts works it). */
export const OCR_JOB = 'documents.ocr';

export type StoreDocumentInput = {
  personId: string | null;
  intakeId: string | null;
  kind: DocumentKind;
  fileName: string;
  bytes: Uint8Array;
  /** From checkUpload: the type the bytes show. */
  mediaType: DocumentMediaType;
  pageCount: number | null;
  isPrivileged?: boolean;
  uploadedBy: string | null;
  /** Read the text of an image in this language (queued for the OCR worker); no OCR when absent. */
  ocrLanguage?: OcrLanguage | null;
};

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** File names keep their letters but lose path parts and control characters. */
export const cleanFileName = (name: string, fallback = 'document'): string => {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const clean = base.replace(/[\p{Cc}\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]/gu, '').trim();
  return (clean || fallback).slice(0, 255);
};

/**
 * Stores a checked upload (see checkUpload) in the caller's transaction, which also writes its audit
 * entry. An image with an OCR language is queued for OCR in the same transaction; call nudgeOcr after
 * commit so a worker starts on it at once (the OCR sweep finds it otherwise).
 */
export const storeDocument = async (
  tx: Executor,
  deps: Pick<AppDeps, 'clock' | 'newId'>,
  input: StoreDocumentInput,
): Promise<DocumentRow> => {
  const row = await insertDocument(tx, {
    id: deps.newId(),
    personId: input.personId,
    intakeId: input.intakeId,
    kind: input.kind,
    fileName: cleanFileName(input.fileName),
    mediaType: input.mediaType,
    bytes: input.bytes,
    sha256: sha256Of(input.bytes),
    pageCount: input.pageCount,
    isPrivileged: input.isPrivileged ?? false,
    uploadedBy: input.uploadedBy,
    now: deps.clock.now(),
  });
  if (input.ocrLanguage && isImage(input.mediaType)) {
    return (await setDocumentOcr(tx, row.id, { state: 'queued', language: input.ocrLanguage })) ?? row;
  }
  return row;
};

/**
 * Asks a worker to OCR a queued document now (after the commit that queued it). Without a job queue
 * in this process, or if sending fails, the OCR sweep picks the document up within a minute.
 */
export const nudgeOcr = async (deps: Pick<AppDeps, 'jobs' | 'logger'>, documentId: string): Promise<void> => {
  if (!deps.jobs) return;
  try {
    await deps.jobs.send(OCR_JOB, { documentId }, { singletonKey: documentId });
  } catch (err) {
    deps.logger.warn({ err, documentId }, 'could not send the OCR job; the sweep will pick the document up');
  }
};
