import {
  AttorneyProfileBody,
  AttorneyProfileInput,
  AttorneyProfileParams,
  DomainFailure,
  LetterTemplateList,
  LetterTemplateParams,
  QuestionnaireQuery,
  RenderLetterInput,
} from '@redress/core';
import { z } from 'zod';
import { sendDocument } from '../documents/send-document.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { discardRestOfUpload, rosterUploadParts } from '../import/roster-upload.js';
import { renderQuestionnairePdf } from '../letters/index.js';
import { LETTER_TEMPLATE_UPLOAD_URL } from '../letters/letter-template-upload.js';
import { getAttorneyProfile, putAttorneyProfile } from '../use-cases/letters/attorney-profiles.js';
import { getLetterTemplateFile, listLetterTemplates } from '../use-cases/letters/letter-templates.js';
import { renderLetter } from '../use-cases/letters/render-letter.js';
import { replaceLetterTemplate, resetLetterTemplate } from '../use-cases/letters/replace-letter-template.js';
import { requireActor } from '../use-cases/policy.js';

const tags = ['letters'];

export const lettersRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/letters/templates',
    summary:
      'The letter templates: keys, languages, the merge fields each may use, and whether an upload replaces the default',
    tags,
    auth: 'user',
    response: LetterTemplateList,
    handler: ({ deps, ctx }) => listLetterTemplates(deps, ctx),
  }),
  defineRoute({
    method: 'GET',
    url: LETTER_TEMPLATE_UPLOAD_URL,
    summary: 'The template in use as a Word file (DOCX), to edit in Word and upload again',
    tags,
    auth: 'user',
    params: LetterTemplateParams,
    response: z.unknown().describe('The DOCX file'),
    handler: async ({ deps, ctx, params, reply }) => {
      const file = await getLetterTemplateFile(deps, ctx, params.key, params.language);
      sendDocument(reply, { ...file, isDownload: true });
    },
  }),
  defineRoute({
    method: 'PUT',
    url: LETTER_TEMPLATE_UPLOAD_URL,
    summary:
      'Replace a template (administrators): multipart form data with the Word file as `file`. Judged by its bytes (DOCX only) and its merge fields: a field the letter does not know, or a broken tag, is refused with its name. Audited',
    tags,
    auth: 'user',
    params: LetterTemplateParams,
    response: z.object({ fields: z.array(z.string()).describe('The merge fields the template uses') }),
    errors: [400, 403, 413],
    handler: async ({ deps, ctx, params, request, reply }) => {
      try {
        return await replaceLetterTemplate(deps, ctx, { ...params, parts: rosterUploadParts(request) });
      } catch (e) {
        discardRestOfUpload(request, reply, e instanceof DomainFailure && e.error.category === 'too_large');
        throw e;
      }
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: LETTER_TEMPLATE_UPLOAD_URL,
    summary: 'Go back to the default template (administrators; audited)',
    tags,
    auth: 'user',
    params: LetterTemplateParams,
    errors: [403],
    handler: ({ deps, ctx, params }) => resetLetterTemplate(deps, ctx, params),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/letters/render',
    summary:
      "A letter from a template as DOCX or PDF. The person must be visible (404); legal mail carries the attorney's name, title and State Bar address and the jurisdiction's marking; a mail hold refuses the letter (409, with the reason); a field the template does not know is refused (400)",
    tags,
    auth: 'user',
    body: RenderLetterInput,
    response: z.unknown().describe('application/pdf or the DOCX file'),
    errors: [400, 403, 404, 409, 422],
    handler: async ({ deps, ctx, body, reply }) => {
      const letter = await renderLetter(deps, ctx, body);
      sendDocument(reply, { ...letter, isDownload: letter.mediaType !== 'application/pdf' });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/letters/questionnaire',
    summary:
      'The paper intake questionnaire (PDF, English or Spanish) with ruled lines to write on and the intake reference on every page',
    tags,
    auth: 'user',
    query: QuestionnaireQuery,
    response: z.unknown().describe('application/pdf'),
    handler: async ({ ctx, query, reply }) => {
      requireActor(ctx);
      const bytes = await renderQuestionnairePdf(query.language, query.reference);
      const name = query.reference
        ? `questionnaire-${query.reference}.${query.language}.pdf`
        : `questionnaire.${query.language}.pdf`;
      sendDocument(reply, { bytes, mediaType: 'application/pdf', fileName: name });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/users/:id/attorney-profile',
    summary: "A user's attorney profile: the return address of legal mail (the user themself or an administrator)",
    tags,
    auth: 'user',
    params: AttorneyProfileParams,
    response: AttorneyProfileBody,
    errors: [403, 404],
    handler: ({ deps, ctx, params }) => getAttorneyProfile(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/users/:id/attorney-profile',
    summary:
      'Set a user\'s attorney profile: name, title ("Attorney at Law") and the address exactly as on the State Bar record (the user themself or an administrator; audited)',
    tags,
    auth: 'user',
    params: AttorneyProfileParams,
    body: AttorneyProfileInput,
    response: AttorneyProfileBody,
    errors: [400, 403, 404],
    handler: ({ deps, ctx, params, body }) => putAttorneyProfile(deps, ctx, params.id, body),
  }),
];
