import {
  AcceptedIntakeView,
  AcceptIntakeInput,
  AssignIntakeInput,
  CreateIntakeInput,
  DecideIntakeInput,
  DocumentBody,
  DomainFailure,
  IntakeDetail,
  IntakeDocumentParam,
  IntakeIdParam,
  IntakeListQuery,
  IntakeMetricsQuery,
  IntakeMetricsView,
  IntakePage,
  RecordFirstResponseInput,
  UpdateIntakeInput,
} from '@redress/core';
import { z } from 'zod';
import { sendDocument } from '../documents/send-document.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { discardRestOfUpload, rosterUploadParts } from '../import/roster-upload.js';
import { acceptIntake } from '../use-cases/intakes/accept-intake.js';
import { assignIntake } from '../use-cases/intakes/assign-intake.js';
import { createIntake } from '../use-cases/intakes/create-intake.js';
import { decideIntake } from '../use-cases/intakes/decide-intake.js';
import { getIntakeDocumentContent, uploadIntakeDocument } from '../use-cases/intakes/intake-documents.js';
import { INTAKE_DOCUMENT_UPLOAD_URL } from '../use-cases/intakes/intake-urls.js';
import { getIntake, getIntakeMetrics, listIntakesPage } from '../use-cases/intakes/read-intakes.js';
import { recordFirstResponse } from '../use-cases/intakes/record-first-response.js';
import { updateIntakeRecord } from '../use-cases/intakes/update-intake.js';

const tags = ['intakes'];

/** Intake triage: every route needs the `intake.triage` action (administrators, attorneys, advocates, paralegals). */
export const intakesRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/intakes',
    summary: 'The triage queue, oldest first: filter by state, age, jurisdiction, claim type, language, assignee',
    tags,
    auth: 'user',
    query: IntakeListQuery,
    response: IntakePage,
    errors: [400, 403],
    handler: ({ deps, ctx, query }) => listIntakesPage(deps, ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/intakes/metrics',
    summary: 'Intake metrics: received per ISO week, backlog by age, time to first response, decisions by reason',
    tags,
    auth: 'user',
    query: IntakeMetricsQuery,
    response: IntakeMetricsView,
    errors: [400, 403],
    handler: ({ deps, ctx, query }) => getIntakeMetrics(deps, ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/intakes',
    summary: 'Record an intake that came by post, referral or phone, with what staff filled of the questionnaire',
    tags,
    auth: 'user',
    body: CreateIntakeInput,
    response: IntakeDetail,
    status: 201,
    errors: [400, 403],
    handler: ({ deps, ctx, body }) => createIntake(deps, ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/intakes/:id',
    summary:
      'An intake with its documents, people and earlier intakes that may be the same person, and the conflict check of the applicant and co-defendants',
    tags,
    auth: 'user',
    params: IntakeIdParam,
    response: IntakeDetail,
    errors: [403, 404],
    handler: ({ deps, ctx, params }) => getIntake(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/intakes/:id',
    summary:
      'Fill in or correct the questionnaire (sections replace the stored ones) and fields; starts the review. `state: in_review` reopens a decided intake',
    tags,
    auth: 'user',
    params: IntakeIdParam,
    body: UpdateIntakeInput,
    response: IntakeDetail,
    errors: [400, 403, 404, 409],
    handler: ({ deps, ctx, params, body }) => updateIntakeRecord(deps, ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/intakes/:id/assign',
    summary: 'Assign the intake to a user who may triage (null unassigns)',
    tags,
    auth: 'user',
    params: IntakeIdParam,
    body: AssignIntakeInput,
    response: IntakeDetail,
    errors: [400, 403, 404],
    handler: ({ deps, ctx, params, body }) => assignIntake(deps, ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/intakes/:id/decision',
    summary: 'Decline, waitlist or refer the intake, with a reason (required to decline or refer)',
    tags,
    auth: 'user',
    params: IntakeIdParam,
    body: DecideIntakeInput,
    response: IntakeDetail,
    errors: [400, 403, 404, 409],
    handler: ({ deps, ctx, params, body }) => decideIntake(deps, ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/intakes/:id/accept',
    summary:
      'Accept the intake: the person (name, birth date, other names, prisoner number, facility, conviction) and a matter are created from the questionnaire in one transaction; possible conflicts must be acknowledged',
    tags,
    auth: 'user',
    params: IntakeIdParam,
    body: AcceptIntakeInput,
    response: AcceptedIntakeView,
    status: 201,
    errors: [400, 403, 404, 409],
    handler: ({ deps, ctx, params, body }) => acceptIntake(deps, ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/intakes/:id/first-response',
    summary: 'Record the day the first answer went out to the applicant (only the first one counts)',
    tags,
    auth: 'user',
    params: IntakeIdParam,
    body: RecordFirstResponseInput,
    response: IntakeDetail,
    errors: [400, 403, 404],
    handler: ({ deps, ctx, params, body }) => recordFirstResponse(deps, ctx, params.id, body ?? {}),
  }),
  defineRoute({
    method: 'POST',
    url: INTAKE_DOCUMENT_UPLOAD_URL,
    summary:
      "Add a letter scan, a photo of a letter or a returned questionnaire: multipart form data with the `file` (PNG, JPEG, TIFF, WebP or PDF, judged by its bytes) and the fields `kind` (letter_scan by default), `isPrivileged` and `ocrLanguage` (defaults to the intake's language)",
    tags,
    auth: 'user',
    params: IntakeIdParam,
    response: DocumentBody,
    status: 201,
    errors: [400, 403, 404, 413],
    handler: async ({ deps, ctx, params, request, reply }) => {
      try {
        return await uploadIntakeDocument(deps, ctx, { intakeId: params.id, parts: rosterUploadParts(request) });
      } catch (e) {
        discardRestOfUpload(request, reply, e instanceof DomainFailure && e.error.category === 'too_large');
        throw e;
      }
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/intakes/:id/documents/:documentId/content',
    summary:
      "The bytes of one of the intake's documents, shown in place for images and PDFs, under a policy that runs nothing",
    tags,
    auth: 'user',
    params: IntakeDocumentParam,
    response: z.unknown().describe('The file: image/png, image/jpeg, image/tiff, image/webp or application/pdf'),
    errors: [403, 404],
    handler: async ({ deps, ctx, params, reply }) => {
      sendDocument(reply, await getIntakeDocumentContent(deps, ctx, params.id, params.documentId));
    },
  }),
];
