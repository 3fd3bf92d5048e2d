import {
  DOCUMENT_MEDIA_TYPES,
  type DocumentBody,
  type DocumentMediaType,
  isImage,
  type OcrLanguage,
  UploadDocumentFields,
} from '@redress/core';
import { findDocument, readDocumentBytes, updateIntake } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { checkUpload } from '../../documents/check-upload.js';
import { presentDocument, uploaderNames } from '../../documents/document-presenter.js';
import { DEFAULT_DOCUMENT_MAX_BYTES, readUploadForm, type UploadPart } from '../../documents/document-upload.js';
import { nudgeOcr, storeDocument } from '../../documents/store-document.js';
import { zodDetails } from '../../http/errors.js';
import { auditPrivilegedRead } from '../documents/document-access.js';
import { failWith } from '../policy.js';
import { loadIntake, requireTriage } from './intake-access.js';
import { canReadPrivilegedOf } from './intake-writes.js';

/** Letters come as scans or phone photos (images) or PDFs. */
export const INTAKE_DOCUMENT_TYPES: readonly DocumentMediaType[] = DOCUMENT_MEDIA_TYPES.filter((t) =>
  t === 'application/pdf' ? true : t.startsWith('image/'),
);

const OCR_OF_LANGUAGE: Record<string, OcrLanguage> = { en: 'eng', es: 'spa', other: 'eng' };

export type UploadIntakeDocumentInput = { intakeId: string; parts: AsyncIterable<UploadPart> };

/**
 * Adds a letter scan, a photo of a letter or a returned questionnaire to an intake (multipart: `file`,
 * and the fields `kind`, `isPrivileged`, `ocrLanguage`). Images are read with OCR in the intake's
 * language unless another is asked for; a worker is nudged after commit. Uploading to a new intake
 * does not start its review (letters are scanned in before anyone reads them). Audited as
 * `document.uploaded`.
 */
export const uploadIntakeDocument = async (
  deps: AppDeps,
  ctx: RequestContext,
  input: UploadIntakeDocumentInput,
): Promise<DocumentBody> => {
  const db = deps.database.db;
  requireTriage(ctx);
  const intake = await loadIntake(db, input.intakeId);
  const maxBytes = deps.documentMaxBytes ?? DEFAULT_DOCUMENT_MAX_BYTES;
  const form = await readUploadForm(input.parts, maxBytes);
  const parsed = UploadDocumentFields.safeParse({ kind: 'letter_scan', ...form.fields });
  if (!parsed.success) failWith('invalid', 'request.invalid', 'Some fields are not valid', zodDetails(parsed.error));
  const fields = parsed.data as UploadDocumentFields;
  if (fields.isPrivileged && !canReadPrivilegedOf(ctx)) {
    failWith(
      'forbidden',
      'document.privileged_denied',
      'Only attorneys, advocates and paralegals add privileged documents',
      {
        isPrivileged: 'Not for your role',
      },
    );
  }
  const checked = await checkUpload(form.file.bytes, { allowed: INTAKE_DOCUMENT_TYPES, maxBytes });
  if (!checked.ok)
    return failWith(checked.error.category, checked.error.code, checked.error.message, checked.error.details);
  const { mediaType, pageCount } = checked.value;
  const ocrLanguage = isImage(mediaType) ? (fields.ocrLanguage ?? OCR_OF_LANGUAGE[intake.language] ?? 'eng') : null;

  const row = await inTransaction(deps, ctx, async (tx, audit) => {
    const locked = await loadIntake(tx, input.intakeId, { forUpdate: true });
    const stored = await storeDocument(tx, deps, {
      personId: locked.person_id,
      intakeId: locked.id,
      kind: fields.kind,
      fileName: form.file.fileName,
      bytes: form.file.bytes,
      mediaType,
      pageCount,
      isPrivileged: fields.isPrivileged,
      uploadedBy: ctx.actor?.userId ?? null,
      ocrLanguage,
    });
    await updateIntake(tx, locked.id, {}, deps.clock.now());
    await audit({
      action: 'document.uploaded',
      entityType: 'document',
      entityId: stored.id,
      details: {
        documentId: stored.id,
        intakeId: locked.id,
        kind: stored.kind,
        fileName: stored.file_name,
        mediaType,
        byteSize: form.file.bytes.byteLength,
        sha256: stored.sha256,
        pageCount,
        isPrivileged: stored.is_privileged,
        ocrLanguage,
      },
    });
    return stored;
  });
  if (row.ocr_state === 'queued') await nudgeOcr(deps, row.id);
  return presentDocument(row, await uploaderNames(db, [row]));
};

/** The bytes of one of the intake's documents (404 when it is not the intake's, or is privileged beyond the caller). */
export const getIntakeDocumentContent = async (
  deps: AppDeps,
  ctx: RequestContext,
  intakeId: string,
  documentId: string,
): Promise<{ bytes: Uint8Array; mediaType: string; fileName: string }> => {
  const db = deps.database.db;
  requireTriage(ctx);
  await loadIntake(db, intakeId);
  const document = await findDocument(db, documentId);
  const notFound = () => failWith('not_found', 'document.not_found', 'No such document');
  if (!document || document.intake_id !== intakeId) return notFound();
  if (document.is_privileged && !canReadPrivilegedOf(ctx)) return notFound();
  if (document.is_privileged) {
    await inTransaction(deps, ctx, (_tx, audit) => auditPrivilegedRead(audit, [document], 'content'));
  }
  const bytes = (await readDocumentBytes(db, documentId)) ?? notFound();
  return { bytes, mediaType: document.media_type, fileName: document.file_name };
};
