import type { OutgoingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DomainFailure,
  IntakeDetail,
  OpenedMatterBody,
  OpenedPersonBody,
  OpenIntakeFromScreeningParam,
  OpenMatterFromScreeningInput,
  PageQuery,
  PersonIdParam,
  PersonScreeningBody,
  PersonScreeningFacts,
  PersonScreeningQuery,
  ScreeningCompareQuery,
  ScreeningComparison,
  ScreeningExportQuery,
  ScreeningResultList,
  ScreeningResultQuery,
  ScreeningRowErrorList,
  ScreeningRunBody,
  ScreeningRunIdParam,
  ScreeningRunList,
} from '@redress/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { discardRestOfUpload, rosterUploadParts, SCREENING_UPLOAD_URL } from '../import/roster-upload.js';
import type { ExportDownload } from '../use-cases/imports/export-list.js';
import { createScreeningRun } from '../use-cases/screening/create-screening-run.js';
import { deleteScreeningRun } from '../use-cases/screening/delete-screening-run.js';
import { exportScreeningRun } from '../use-cases/screening/export-screening-run.js';
import { getPersonScreening } from '../use-cases/screening/get-person-screening.js';
import { openIntakeFromScreening } from '../use-cases/screening/open-intake-from-screening.js';
import { openMatterFromScreening } from '../use-cases/screening/open-matter-from-screening.js';
import { openPersonFromScreening } from '../use-cases/screening/open-person-from-screening.js';
import {
  compareScreeningRuns,
  getScreeningRun,
  listScreeningErrors,
  listScreeningResults,
  listScreeningRuns,
} from '../use-cases/screening/read-screening-runs.js';
import { getScreeningFacts, saveScreeningFacts } from '../use-cases/screening/screening-facts.js';

const tags = ['screening'];

/** Streams a download once the use case has authorised and audited it (see imports.routes.ts). */
const sendDownload = async (reply: FastifyReply, download: ExportDownload) => {
  reply.hijack();
  const prepared = Object.entries(reply.getHeaders()).filter(([, v]) => v !== undefined);
  reply.raw.writeHead(200, {
    ...(Object.fromEntries(prepared) as OutgoingHttpHeaders),
    'content-type': download.contentType,
    'content-disposition': `attachment; filename="${download.filename}"`,
    'cache-control': 'no-store',
  });
  try {
    await pipeline(Readable.from(download.chunks), reply.raw);
  } catch (err) {
    reply.log.error({ err }, 'screening export stopped part-way');
    reply.raw.destroy();
  }
};

export const screeningRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/people/:id/screening',
    summary:
      'Relief screening of a person from the case file: every pathway of their law with status, eligible-from date, reasons, citations and the trace of every rule; the facts that would change a result',
    tags,
    auth: 'user',
    params: PersonIdParam,
    query: PersonScreeningQuery,
    response: PersonScreeningBody,
    errors: [400, 404],
    handler: ({ deps, ctx, params, query }) => getPersonScreening(deps, ctx, { personId: params.id, asOf: query.asOf }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/people/:id/screening-facts',
    summary: "A person's screening facts (what screening needs that the rest of the record does not hold)",
    tags,
    auth: 'user',
    params: PersonIdParam,
    response: PersonScreeningFacts,
    errors: [404],
    handler: ({ deps, ctx, params }) => getScreeningFacts(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/people/:id/screening-facts',
    summary: "Replace a person's screening facts (as editing the person's convictions; audited)",
    tags,
    auth: 'user',
    params: PersonIdParam,
    body: PersonScreeningFacts,
    response: PersonScreeningFacts,
    errors: [400, 403, 404],
    handler: ({ deps, ctx, params, body }) => saveScreeningFacts(deps, ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/people/:id/screening/matters',
    summary:
      "Open a matter of the pathway's type for the person from a screening result; its first note cites the result",
    tags,
    auth: 'user',
    params: PersonIdParam,
    body: OpenMatterFromScreeningInput,
    response: OpenedMatterBody,
    status: 201,
    errors: [400, 403, 404, 422],
    handler: ({ deps, ctx, params, body }) =>
      openMatterFromScreening(deps, ctx, { personId: params.id, pathway: body.pathway, asOf: body.asOf }),
  }),
  defineRoute({
    method: 'POST',
    url: SCREENING_UPLOAD_URL,
    summary:
      'Start a screening run: multipart form data with the roster as `file` (CSV or JSON Lines, judged by its bytes; at most REDRESS_SCREENING_MAX_UPLOAD_MB, 200 MB by default) and the fields `name`, `asOf` (YYYY-MM-DD, today by default) and `pathways` (repeated or comma-separated; all by default). The run is screened in the background: read its progress with GET /api/v1/screening/runs/{id}',
    tags,
    auth: 'user',
    response: ScreeningRunBody,
    status: 201,
    errors: [400, 403, 413],
    handler: async ({ deps, ctx, request, reply }) => {
      try {
        return await createScreeningRun(deps, ctx, { parts: rosterUploadParts(request) });
      } catch (e) {
        discardRestOfUpload(request, reply, e instanceof DomainFailure && e.error.category === 'too_large');
        throw e;
      }
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/screening/runs',
    summary: 'Screening runs, newest first',
    tags,
    auth: 'user',
    query: PageQuery.strict(),
    response: ScreeningRunList,
    errors: [400, 403],
    handler: ({ deps, ctx, query }) => listScreeningRuns(deps, ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/screening/runs/:id',
    summary: 'A screening run: state, progress (bytes read, people screened, row errors) and, once done, its summary',
    tags,
    auth: 'user',
    params: ScreeningRunIdParam,
    response: ScreeningRunBody,
    errors: [403, 404],
    handler: ({ deps, ctx, params }) => getScreeningRun(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/screening/runs/:id',
    summary: 'Delete a run with its file and results (its creator or an administrator; audited)',
    tags,
    auth: 'user',
    params: ScreeningRunIdParam,
    errors: [403, 404],
    handler: ({ deps, ctx, params }) => deleteScreeningRun(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/screening/runs/:id/results',
    summary:
      "A page of a run's results, one per person and pathway: filter by pathway, status (repeatable), eligible-by date, id or name; sorted by eligible-from date by default (unknown dates last)",
    tags,
    auth: 'user',
    params: ScreeningRunIdParam,
    query: ScreeningResultQuery.strict(),
    response: ScreeningResultList,
    errors: [400, 403, 404],
    handler: ({ deps, ctx, params, query }) =>
      listScreeningResults(deps, ctx, params.id, {
        limit: query.limit,
        cursor: query.cursor,
        sort: query.sort,
        ...(query.pathway ? { pathway: query.pathway } : {}),
        ...(query.status ? { statuses: query.status } : {}),
        ...(query.eligibleBy ? { eligibleBy: query.eligibleBy } : {}),
        ...(query.q ? { q: query.q } : {}),
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/screening/runs/:id/errors',
    summary: "The roster's malformed rows, by line (the first 1,000; `total` counts them all)",
    tags,
    auth: 'user',
    params: ScreeningRunIdParam,
    response: ScreeningRowErrorList,
    errors: [403, 404],
    handler: ({ deps, ctx, params }) => listScreeningErrors(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/screening/runs/:id/export',
    summary:
      "Export a run's results (screening-format.md): CSV, one row per person and pathway, or JSON Lines, one person per line (needs data.export; audited; streamed)",
    tags,
    auth: 'user',
    params: ScreeningRunIdParam,
    query: ScreeningExportQuery,
    // Documentation only: the file is streamed and never parsed here.
    response: z.unknown().describe('The results file: text/csv or application/x-ndjson'),
    errors: [400, 403, 404],
    handler: async ({ deps, ctx, params, query, reply }) => {
      await sendDownload(reply, await exportScreeningRun(deps, ctx, params.id, query.format));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/screening/runs/:id/compare',
    summary:
      'Compare a run with an earlier one, per person and pathway: new, changed (status or eligible-from date) and gone',
    tags,
    auth: 'user',
    params: ScreeningRunIdParam,
    query: ScreeningCompareQuery,
    response: ScreeningComparison,
    errors: [400, 403, 404],
    handler: ({ deps, ctx, params, query }) => compareScreeningRuns(deps, ctx, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/screening/runs/:id/subjects/:subjectId/person',
    summary:
      'Open a person of the roster as a new person of the case file (name, date of birth, the roster id as an identifier, the screening facts); found instead when opened before. The intake itself is done on the person page',
    tags,
    auth: 'user',
    params: OpenIntakeFromScreeningParam,
    response: OpenedPersonBody,
    status: 201,
    errors: [403, 404, 409],
    handler: ({ deps, ctx, params }) =>
      openPersonFromScreening(deps, ctx, { runId: params.id, subjectId: params.subjectId }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/screening/runs/:id/subjects/:subjectId/intake',
    summary:
      'Open a person of the roster as an intake (a referral): the roster fills the questionnaire and the claim type follows the open pathways; triage, duplicates, the conflict check and acceptance follow',
    tags,
    auth: 'user',
    params: OpenIntakeFromScreeningParam,
    response: IntakeDetail,
    status: 201,
    errors: [403, 404],
    handler: ({ deps, ctx, params }) =>
      openIntakeFromScreening(deps, ctx, { runId: params.id, subjectId: params.subjectId }),
  }),
];
