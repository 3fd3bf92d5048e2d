import { failWith } from '../use-cases/policy.js';
import type { RosterUploadPart } from '../use-cases/screening/create-screening-run.js';

/** A multipart part as use cases read it (no HTTP types): see rosterUploadParts in import/roster-upload.ts. */
export type UploadPart = RosterUploadPart;

/** The person's document upload route (multipart form data; registered in import/roster-upload.ts). */
export const DOCUMENT_UPLOAD_URL = '/api/v1/people/:id/documents';

/** The default cap on one document (REDRESS_DOCUMENT_MAX_MB). */
export const DEFAULT_DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

export type UploadForm = {
  /** The last value of each field. */
  fields: Record<string, string>;
  file: { fileName: string; bytes: Uint8Array };
};

const tooLarge = (maxBytes: number): never => {
  const mb = Math.floor(maxBytes / (1024 * 1024));
  return failWith('too_large', 'document.too_large', `The file is larger than ${mb} MB, the most this server accepts`, {
    file: `At most ${mb} MB`,
  });
};

/**
 * Reads a form with one file (the field `file`) into memory, refusing it with 413 as soon as it
 * passes `maxBytes` (the rest is not read). Documents are small (scans, photos, letters), and they are
 * judged by their bytes as a whole before anything is stored.
 */
export const readUploadForm = async (parts: AsyncIterable<UploadPart>, maxBytes: number): Promise<UploadForm> => {
  const fields: Record<string, string> = {};
  let file: UploadForm['file'] | null = null;
  for await (const part of parts) {
    if (part.kind === 'field') {
      fields[part.name] = part.value;
      continue;
    }
    if (part.name !== 'file' || file !== null) {
      failWith('invalid', 'request.invalid', 'Send one file, as the form field "file"', {
        [part.name]: 'Unexpected file',
      });
    }
    const pieces: Uint8Array[] = [];
    let size = 0;
    for await (const bytes of part.data) {
      size += bytes.byteLength;
      if (size > maxBytes || part.isTruncated()) tooLarge(maxBytes);
      pieces.push(bytes);
    }
    if (part.isTruncated()) tooLarge(maxBytes);
    file = { fileName: part.fileName, bytes: Buffer.concat(pieces, size) };
  }
  if (!file)
    return failWith('invalid', 'document.no_file', 'Send the file as the form field "file"', { file: 'Required' });
  return { fields, file };
};
