import {
  BatchPrintInput,
  ComposedLetterBody,
  ComposeLetterInput,
  CorrespondenceBody,
  CorrespondenceIdParam,
  CorrespondenceListQuery,
  CorrespondencePage,
  LogCorrespondenceInput,
  UpdateCorrespondenceInput,
} from '@redress/core';
import { sendDocument } from '../documents/send-document.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { batchPrintLetters } from '../use-cases/correspondence/batch-print-letters.js';
import { changeCorrespondence } from '../use-cases/correspondence/change-correspondence.js';
import { composeCorrespondenceLetter } from '../use-cases/correspondence/compose-correspondence-letter.js';
import { getCorrespondencePdf } from '../use-cases/correspondence/get-correspondence-pdf.js';
import { listCorrespondence } from '../use-cases/correspondence/list-correspondence.js';
import { logCorrespondence } from '../use-cases/correspondence/log-correspondence.js';

const tags = ['correspondence'];

export const correspondenceRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/correspondence',
    summary:
      "Letters, calls and video visits, newest first: a person's (a person you may not see: 404), an intake's (intake triage), or all you may see (e.g. state=ready: the print queue)",
    tags,
    auth: 'user',
    query: CorrespondenceListQuery,
    response: CorrespondencePage,
    errors: [400, 403, 404],
    handler: ({ deps, ctx, query }) => listCorrespondence(deps, ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/correspondence',
    summary:
      'Log a letter in or out, a call or a video visit; the scan is a document uploaded first (documentId). An outgoing letter by post or legal mail is refused while the mail is on hold (409 mail.hold)',
    tags,
    auth: 'user',
    body: LogCorrespondenceInput,
    response: CorrespondenceBody,
    status: 201,
    errors: [400, 403, 404, 409],
    handler: ({ deps, ctx, body }) => logCorrespondence(deps, ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/correspondence/letters',
    summary:
      'A letter from a template (DOCX merged, PDF stored as a generated letter), logged as ready to print; 409 mail.hold with the reason while the mail is on hold',
    tags,
    auth: 'user',
    body: ComposeLetterInput,
    response: ComposedLetterBody,
    status: 201,
    errors: [400, 403, 404, 409, 422],
    handler: ({ deps, ctx, body }) => composeCorrespondenceLetter(deps, ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/correspondence/batch-print',
    summary:
      'One PDF of the letters in the order given, each with its envelope (or address labels), ready to print; every letter is logged as sent today. Refused as a whole (naming the letter in details) when one is not ready, or its person has a mail hold (409 mail.hold) or a new address since',
    tags,
    auth: 'user',
    body: BatchPrintInput,
    errors: [400, 403, 404, 409, 422],
    handler: async ({ deps, ctx, body, reply }) => {
      const { pdf } = await batchPrintLetters(deps, ctx, body);
      const day = deps.clock.now().toISOString().slice(0, 10);
      sendDocument(reply, { bytes: pdf, mediaType: 'application/pdf', fileName: `letters-${day}.pdf` });
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/correspondence/:id',
    summary:
      "Mark a letter sent, or returned by the facility (with the reason: puts the person's mail on hold), back to draft or ready; correct the summary; attach the scan",
    tags,
    auth: 'user',
    params: CorrespondenceIdParam,
    body: UpdateCorrespondenceInput,
    response: CorrespondenceBody,
    errors: [400, 403, 404, 409, 422],
    handler: ({ deps, ctx, params, body }) => changeCorrespondence(deps, ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/correspondence/:id/pdf',
    summary: 'The scan or the generated PDF of a letter',
    tags,
    auth: 'user',
    params: CorrespondenceIdParam,
    errors: [404],
    handler: async ({ deps, ctx, params, reply }) => {
      sendDocument(reply, await getCorrespondencePdf(deps, ctx, params.id));
    },
  }),
];
