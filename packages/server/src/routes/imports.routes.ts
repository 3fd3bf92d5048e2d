import type { OutgoingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ExportFileParam,
  IdParam,
  ImportReportView,
  ImportUploadedView,
  ImportView,
  SetImportMappingInput,
  UploadImportQuery,
} from '@redress/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { IMPORT_UPLOAD_URL } from '../import/spreadsheet-body.js';
import { dryRunImport } from '../use-cases/imports/dry-run-import.js';
import { type ExportDownload, exportList } from '../use-cases/imports/export-list.js';
import { getImport } from '../use-cases/imports/get-import.js';
import { runStagedImport } from '../use-cases/imports/run-import.js';
import { setImportMapping } from '../use-cases/imports/set-import-mapping.js';
import { uploadImport } from '../use-cases/imports/upload-import.js';

/**
 * Streams a download. The reply is taken over from Fastify (which would buffer or re-send it) once
 * the use case has authorised and audited the export; the headers Fastify's hooks prepared (security
 * headers) go out with it.
 */
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
    // Headers are gone: all that can be done is to cut the response short and say why in the log.
    reply.log.error({ err }, 'export stopped part-way');
    reply.raw.destroy();
  }
};

export const importsRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: IMPORT_UPLOAD_URL,
    summary:
      'Upload a spreadsheet to import: the file is the raw body (Content-Type text/csv or the XLSX type, at most 50 MB); its rows are staged, not yet imported',
    tags: ['imports'],
    auth: 'user',
    query: UploadImportQuery,
    response: ImportUploadedView,
    status: 201,
    errors: [400, 403, 413],
    handler: ({ deps, ctx, query, request }) => uploadImport(deps, ctx, { ...query, body: request.body }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/imports/:id',
    summary: "An import's status, progress and reports",
    tags: ['imports'],
    auth: 'user',
    params: IdParam,
    response: ImportView,
    errors: [403, 404],
    handler: ({ deps, ctx, params }) => getImport(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/imports/:id/mapping',
    summary: 'Save which column fills which field',
    tags: ['imports'],
    auth: 'user',
    params: IdParam,
    body: SetImportMappingInput,
    response: ImportView,
    errors: [400, 403, 404, 409, 422],
    handler: ({ deps, ctx, params, body }) => setImportMapping(deps, ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/imports/:id/dry-run',
    summary: 'Check every row and report what the import would do, writing nothing (first 100 errors)',
    tags: ['imports'],
    auth: 'user',
    params: IdParam,
    response: ImportReportView,
    errors: [403, 404, 409, 422],
    handler: ({ deps, ctx, params }) => dryRunImport(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/imports/:id/run',
    summary: 'Import the rows; a run that stopped part-way continues, a finished one updates by external id',
    tags: ['imports'],
    auth: 'user',
    params: IdParam,
    response: ImportView,
    errors: [403, 404, 409, 422],
    handler: ({ deps, ctx, params }) => runStagedImport(deps, ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/export/:file',
    summary: 'Export a list as CSV or JSON (streamed; only records you may see; audited)',
    tags: ['export'],
    auth: 'user',
    params: ExportFileParam,
    // Documentation only: the file is streamed (text/csv or application/json) and never parsed here.
    response: z.unknown().describe('The file: CSV with a header row, or a JSON array of records'),
    errors: [403, 404],
    handler: async ({ deps, ctx, params, reply }) => {
      await sendDownload(reply, await exportList(deps, ctx, params.file));
    },
  }),
];
