import { type DocumentBody, OCR_LANGUAGES, type OcrLanguage } from '@redress/core';
import type { DocumentRow, Executor } from '@redress/db';
import { findUserById } from '@redress/db';

/** Names of the users who uploaded documents, by id. */
export type UserNames = ReadonlyMap<string, string>;

const isOcrLanguage = (v: string | null): v is OcrLanguage =>
  v !== null && (OCR_LANGUAGES as readonly string[]).includes(v);

/** A document's metadata and text as the API shows it (never its bytes, hash or corrector). */
export const presentDocument = (row: DocumentRow, users?: UserNames): DocumentBody => ({
  id: row.id,
  personId: row.person_id,
  intakeId: row.intake_id,
  kind: row.kind,
  fileName: row.file_name,
  mediaType: row.media_type,
  byteSize: Number(row.byte_size),
  pageCount: row.page_count,
  isPrivileged: row.is_privileged,
  ocr: {
    state: row.ocr_state,
    language: isOcrLanguage(row.ocr_language) ? row.ocr_language : null,
    confidence: row.ocr_confidence === null ? null : Number(row.ocr_confidence),
    error: row.ocr_error,
  },
  text: row.corrected_text ?? row.ocr_text,
  correctedText: row.corrected_text,
  ocrText: row.ocr_text,
  uploadedBy: row.uploaded_by ? { id: row.uploaded_by, name: users?.get(row.uploaded_by) ?? '' } : null,
  createdAt: new Date(row.created_at).toISOString(),
});

/** The names of the uploaders of these documents, for presentDocument. */
export const uploaderNames = async (db: Executor, rows: readonly DocumentRow[]): Promise<UserNames> => {
  const names = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.uploaded_by).filter((v): v is string => v !== null))) {
    const user = await findUserById(db, id);
    if (user) names.set(id, user.name);
  }
  return names;
};
