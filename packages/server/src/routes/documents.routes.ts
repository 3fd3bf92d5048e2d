import {
  CorrectDocumentTextInput,
  DocumentBody,
  DocumentIdParam,
  DocumentList,
  DomainFailure,
  PersonIdParam,
  RunDocumentOcrInput,
} from '@redress/core';
import { z } from 'zod';
import { DOCUMENT_UPLOAD_URL } from '../documents/document-upload.js';
import { sendDocument } from '../documents/send-document.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { discardRestOfUpload, rosterUploadParts } from '../import/roster-upload.js';
import { correctDocumentText } from '../use-cases/documents/correct-document-text.js';
import { getDocument, getDocumentContent, listPersonDocuments } from '../use-cases/documents/read-documents.js';
import { requestDocumentOcr } from '../use-cases/documents/request-document-ocr.js';
import { uploadPersonDocument } from '../use-cases/documents/upload-person-document.js';

const tags = ['documents'];

export const documentsRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: DOCUMENT_UPLOAD_URL,
    summary:
      "Add a document to a person's record: multipart form data with the `file` (PNG, JPEG, TIFF, WebP or PDF, judged by its bytes; at most REDRESS_DOCUMENT_MAX_MB, 25 MB by default) and the fields `kind`, `isPrivileged` and `ocrLanguage` (eng or spa; letter and questionnaire scans are read in English by default). Images are read with OCR in the background: `ocr.state` tells when the text is there",
    tags,
    auth: 'user',
    params: PersonIdParam,
    response: DocumentBody,
    status: 201,
    errors: [400, 403, 404, 413],
    handler: async ({ deps, ctx, params, request, reply }) => {
      try {
        return await uploadPersonDocument(deps, ctx, { personId: params.id, parts: rosterUploadParts(request) });
      } catch (e) {
        discardRestOfUpload(request, reply, e instanceof DomainFailure && e.error.category === 'too_large');
        throw e;
      }
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/people/:id/documents',
    summary:
      "A person's documents, oldest first (privileged ones only for the legal team of one of the person's matters)",
    tags,
    auth: 'user',
    params: PersonIdParam,
    response: DocumentList,
    errors: [404],
    handler: ({ deps, ctx, params }) => listPersonDocuments(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/documents/:id',
    summary:
      "A document's metadata and text (corrected text if any, else the OCR text). Access follows its person, or intake triage for an intake's documents",
    tags,
    auth: 'user',
    params: DocumentIdParam,
    response: DocumentBody,
    errors: [404],
    handler: ({ deps, ctx, params }) => getDocument(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/documents/:id/content',
    summary:
      "A document's bytes, with the media type its bytes showed on upload; images and PDFs are shown in place, under a policy that runs nothing",
    tags,
    auth: 'user',
    params: DocumentIdParam,
    // Documentation only: the bytes are sent as they are.
    response: z.unknown().describe('The file: image/png, image/jpeg, image/tiff, image/webp or application/pdf'),
    errors: [404],
    handler: async ({ deps, ctx, params, reply }) => {
      sendDocument(reply, await getDocumentContent(deps, ctx, params.id));
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/documents/:id/text',
    summary: "Correct a document's text: it wins over the OCR text for display and search (null clears it; audited)",
    tags,
    auth: 'user',
    params: DocumentIdParam,
    body: CorrectDocumentTextInput,
    response: DocumentBody,
    errors: [400, 403, 404],
    handler: ({ deps, ctx, params, body }) =>
      correctDocumentText(deps, ctx, { documentId: params.id, text: body.text }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/documents/:id/ocr',
    summary:
      "Read a document's image again with OCR, in a language (eng or spa); queued, as on upload. The corrected text is kept",
    tags,
    auth: 'user',
    params: DocumentIdParam,
    body: RunDocumentOcrInput,
    response: DocumentBody,
    status: 202,
    errors: [400, 403, 404, 409, 422],
    handler: ({ deps, ctx, params, body }) =>
      requestDocumentOcr(deps, ctx, { documentId: params.id, language: body.language }),
  }),
];
