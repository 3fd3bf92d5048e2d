import multipart from '@fastify/multipart';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { DOCUMENT_UPLOAD_URL } from '../documents/document-upload.js';
import { LETTER_TEMPLATE_UPLOAD_URL } from '../letters/letter-template-upload.js';
import { INTAKE_DOCUMENT_UPLOAD_URL } from '../use-cases/intakes/intake-urls.js';
import type { RosterUploadPart } from '../use-cases/screening/create-screening-run.js';

/** The only route that takes multipart form data: a roster upload for a screening run. */
export const SCREENING_UPLOAD_URL = '/api/v1/screening/runs';

/** The default cap on a roster upload (REDRESS_SCREENING_MAX_UPLOAD_MB). */
export const DEFAULT_SCREENING_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Room for the form's fields and part headers around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * The routes that take multipart form data (POST, and PUT for a letter template), each reading its own
 * parts (roster upload, document uploads). Any other route refuses a multipart body with 415.
 */
export const MULTIPART_UPLOAD_URLS: ReadonlySet<string> = new Set([
  SCREENING_UPLOAD_URL,
  DOCUMENT_UPLOAD_URL,
  LETTER_TEMPLATE_UPLOAD_URL,
  INTAKE_DOCUMENT_UPLOAD_URL,
]);

const isUploadRoute = (request: FastifyRequest) =>
  request.routeOptions.url !== undefined &&
  MULTIPART_UPLOAD_URLS.has(request.routeOptions.url) &&
  (request.method === 'POST' || request.method === 'PUT');

/**
 * Accepts multipart form data on the roster upload route only (any other route answers 415, as for
 * any body that is not JSON). The body is not read here: the route authenticates first, then streams
 * the file into the database as it arrives, so a 200 MB roster never sits in memory. A declared
 * length over the cap is refused before a byte is read; a file that turns out larger is cut at the
 * cap and refused by the use case.
 */
export const registerRosterUpload = async (app: FastifyInstance, maxBytes = DEFAULT_SCREENING_UPLOAD_BYTES) => {
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: maxBytes, files: 1, fields: 50, fieldSize: 10_000, parts: 60, headerPairs: 100 },
  });
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    if (!isUploadRoute(request)) throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE();
    if (Number(request.headers['content-length']) > maxBytes + FORM_OVERHEAD_BYTES) {
      throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
    }
  });
};

/** The upload's parts, in the order sent, as the use case reads them (no HTTP types past this point). */
export async function* rosterUploadParts(request: FastifyRequest): AsyncGenerator<RosterUploadPart> {
  if (!request.isMultipart()) return;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      yield {
        kind: 'field',
        name: part.fieldname,
        value: typeof part.value === 'string' ? part.value : String(part.value),
      };
      continue;
    }
    const stream = part.file;
    yield {
      kind: 'file',
      name: part.fieldname,
      fileName: part.filename,
      data: stream as AsyncIterable<Uint8Array>,
      isTruncated: () => stream.truncated,
    };
    // A file part the use case did not read is drained, so the next part can arrive.
    if (!stream.readableEnded) stream.resume();
  }
}

/**
 * After a refused upload (not a roster, too large, bad fields) the client may still be sending: the
 * rest of the body is read and dropped so the answer reaches it and the connection stays usable (a
 * body cut at the size cap also closes the connection rather than read on).
 */
export const discardRestOfUpload = (
  request: FastifyRequest,
  reply: { header(name: string, value: string): unknown },
  isTooLarge: boolean,
) => {
  const raw = request.raw;
  if (raw.readableEnded) return;
  if (isTooLarge) reply.header('connection', 'close');
  raw.unpipe();
  raw.resume();
};
