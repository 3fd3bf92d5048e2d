import type { Readable } from 'node:stream';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

/** The upload route: the only one that takes a spreadsheet as its body. */
export const IMPORT_UPLOAD_URL = '/api/v1/imports';

/** A larger upload is refused with 413 (the "50 MB spreadsheet"). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export const SPREADSHEET_CONTENT_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

const readLimited = async (request: FastifyRequest, payload: Readable, limit: number): Promise<Buffer> => {
  if (Number(request.headers['content-length']) > limit) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
};

/**
 * Accepts CSV and XLSX bodies, as raw bytes up to MAX_UPLOAD_BYTES, on the upload route only: any
 * other route answers these types with 415 before reading a byte. (The rest of the API keeps the
 * server's 1 MB limit for JSON.)
 */
export const registerSpreadsheetBody = (app: FastifyInstance) => {
  app.addContentTypeParser([...SPREADSHEET_CONTENT_TYPES], async (request: FastifyRequest, payload: Readable) => {
    if (request.routeOptions.url !== IMPORT_UPLOAD_URL || request.method !== 'POST') {
      throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE();
    }
    return readLimited(request, payload, MAX_UPLOAD_BYTES);
  });
};
