import {
  DOCUMENT_MEDIA_TYPES,
  type DocumentBody,
  type DocumentMediaType,
  isImage,
  UploadDocumentFields,
} from '@redress/core';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { checkUpload } from '../../documents/check-upload.js';
import { presentDocument, uploaderNames } from '../../documents/document-presenter.js';
import { DEFAULT_DOCUMENT_MAX_BYTES, readUploadForm, type UploadPart } from '../../documents/document-upload.js';
import { nudgeOcr, storeDocument } from '../../documents/store-document.js';
import { zodDetails } from '../../http/errors.js';
import { loadPersonAccess, loadPersonForWrite, requirePersonWrite } from '../people/person-access.js';
import { failWith } from '../policy.js';
import { requirePrivilegedWrite } from './document-access.js';

export type UploadPersonDocumentInput = { personId: string; parts: AsyncIterable<UploadPart> };

/** What a person's record takes: scans and photos (images), and PDFs. Word files are templates' business. */
export const PERSON_DOCUMENT_TYPES: readonly DocumentMediaType[] = DOCUMENT_MEDIA_TYPES.filter((t) =>
  t === 'application/pdf' ? true : t.startsWith('image/'),
);

/** Kinds whose images are read with OCR in English unless another language is asked for. */
const READ_BY_DEFAULT = new Set(['letter_scan', 'questionnaire_scan']);

/**
 * Adds a document to a person's record (multipart: `file` and the fields `kind`, `isPrivileged`,
 * `ocrLanguage`), as adding a conviction: the person must be visible and writable, and a privileged
 * document needs the legal team. The file is judged by its bytes (checkUpload); an image is queued
 * for OCR in the upload's transaction, and a worker is nudged after commit. Audited as
 * `document.uploaded`.
 */
export const uploadPersonDocument = async (
  deps: AppDeps,
  ctx: RequestContext,
  input: UploadPersonDocumentInput,
): Promise<DocumentBody> => {
  const db = deps.database.db;
  // Nobody who may not add to the record gets to send a file: checked before a byte is read.
  requirePersonWrite(await loadPersonAccess(db, ctx, input.personId));
  const maxBytes = deps.documentMaxBytes ?? DEFAULT_DOCUMENT_MAX_BYTES;
  const form = await readUploadForm(input.parts, maxBytes);
  const parsed = UploadDocumentFields.safeParse(form.fields);
  if (!parsed.success) failWith('invalid', 'request.invalid', 'Some fields are not valid', zodDetails(parsed.error));
  const fields = parsed.data as UploadDocumentFields;
  const checked = await checkUpload(form.file.bytes, { allowed: PERSON_DOCUMENT_TYPES, maxBytes });
  if (!checked.ok)
    return failWith(checked.error.category, checked.error.code, checked.error.message, checked.error.details);
  const { mediaType, pageCount } = checked.value;
  const ocrLanguage = isImage(mediaType)
    ? (fields.ocrLanguage ?? (READ_BY_DEFAULT.has(fields.kind) ? 'eng' : null))
    : null;

  const row = await inTransaction(deps, ctx, async (tx, audit) => {
    const access = await loadPersonForWrite(tx, ctx, input.personId);
    if (fields.isPrivileged) requirePrivilegedWrite(access);
    const stored = await storeDocument(tx, deps, {
      personId: input.personId,
      intakeId: null,
      kind: fields.kind,
      fileName: form.file.fileName,
      bytes: form.file.bytes,
      mediaType,
      pageCount,
      isPrivileged: fields.isPrivileged,
      uploadedBy: ctx.actor?.userId ?? null,
      ocrLanguage,
    });
    await audit({
      action: 'document.uploaded',
      entityType: 'document',
      entityId: stored.id,
      details: {
        documentId: stored.id,
        personId: input.personId,
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
