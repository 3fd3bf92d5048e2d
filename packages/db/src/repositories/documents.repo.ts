import type { Selectable } from 'kysely';
import type { Executor } from '../executor.js';
import type { DocumentKind, DocumentTable } from '../tables.js';

// Documents and their bytes. The caller checks access to the record a document belongs to (a person
// or an intake) and the bytes' type before writing; this module only stores and reads.

export type DocumentRow = Omit<Selectable<DocumentTable>, 'search'>;

/** Pieces of at most 1 MiB: one row never holds a whole large scan. */
export const DOCUMENT_CHUNK_BYTES = 1024 * 1024;

const COLUMNS = [
  'id',
  'person_id',
  'intake_id',
  'kind',
  'file_name',
  'media_type',
  'byte_size',
  'sha256',
  'page_count',
  'is_privileged',
  'ocr_state',
  'ocr_language',
  'ocr_text',
  'ocr_confidence',
  'ocr_error',
  'corrected_text',
  'corrected_by',
  'corrected_at',
  'uploaded_by',
  'created_at',
] as const;

export type NewDocument = {
  id: string;
  personId: string | null;
  intakeId: string | null;
  kind: DocumentKind;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  sha256: string;
  pageCount?: number | null;
  isPrivileged?: boolean;
  uploadedBy: string | null;
  now: Date;
};

/** Stores a document and its bytes; call inside the transaction that writes its audit entry. */
export const insertDocument = async (db: Executor, d: NewDocument): Promise<DocumentRow> => {
  const row = await db
    .insertInto('documents')
    .values({
      id: d.id,
      person_id: d.personId,
      intake_id: d.intakeId,
      kind: d.kind,
      file_name: d.fileName,
      media_type: d.mediaType,
      byte_size: d.bytes.byteLength,
      sha256: d.sha256,
      page_count: d.pageCount ?? null,
      is_privileged: d.isPrivileged ?? false,
      ocr_language: null,
      ocr_text: null,
      ocr_confidence: null,
      ocr_error: null,
      corrected_text: null,
      corrected_by: null,
      corrected_at: null,
      uploaded_by: d.uploadedBy,
      created_at: d.now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  // An empty file still gets one (empty) piece, so "no pieces" always means "no such document".
  const pieces = Math.max(1, Math.ceil(d.bytes.byteLength / DOCUMENT_CHUNK_BYTES));
  for (let seq = 0; seq < pieces; seq++) {
    const data = d.bytes.subarray(seq * DOCUMENT_CHUNK_BYTES, (seq + 1) * DOCUMENT_CHUNK_BYTES);
    await db.insertInto('document_chunks').values({ document_id: d.id, seq, data }).execute();
  }
  return row;
};

export const findDocument = (db: Executor, id: string): Promise<DocumentRow | undefined> =>
  db.selectFrom('documents').select(COLUMNS).where('id', '=', id).executeTakeFirst();

export const listDocumentsOf = (db: Executor, owner: { personId: string } | { intakeId: string }) =>
  db
    .selectFrom('documents')
    .select(COLUMNS)
    .where('personId' in owner ? 'person_id' : 'intake_id', '=', 'personId' in owner ? owner.personId : owner.intakeId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();

/** The whole file, its pieces joined in order; undefined if there is no such document. */
export const readDocumentBytes = async (db: Executor, id: string): Promise<Uint8Array | undefined> => {
  const chunks = await db
    .selectFrom('document_chunks')
    .select(['data'])
    .where('document_id', '=', id)
    .orderBy('seq', 'asc')
    .execute();
  if (!chunks.length) return undefined;
  const total = chunks.reduce((n, c) => n + c.data.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c.data, at);
    at += c.data.byteLength;
  }
  return out;
};

export type OcrUpdate =
  | { state: 'queued' | 'running'; language: string }
  | { state: 'done'; language: string; text: string; confidence: number }
  | { state: 'failed'; language: string; error: string };

export const setDocumentOcr = (db: Executor, id: string, u: OcrUpdate) =>
  db
    .updateTable('documents')
    .set({
      ocr_state: u.state,
      ocr_language: u.language,
      ...(u.state === 'done' ? { ocr_text: u.text, ocr_confidence: u.confidence, ocr_error: null } : {}),
      ...(u.state === 'failed' ? { ocr_error: u.error } : {}),
    })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();

/** A person's reading of the text: it wins over the OCR text for display and search. */
export const correctDocumentText = (db: Executor, id: string, text: string | null, by: string | null, now: Date) =>
  db
    .updateTable('documents')
    .set({ corrected_text: text, corrected_by: by, corrected_at: now })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();

export const attachDocument = (
  db: Executor,
  id: string,
  owner: { personId?: string | null; intakeId?: string | null },
) =>
  db
    .updateTable('documents')
    .set({
      ...(owner.personId !== undefined ? { person_id: owner.personId } : {}),
      ...(owner.intakeId !== undefined ? { intake_id: owner.intakeId } : {}),
    })
    .where('id', '=', id)
    .execute();
