import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Client } from './harness.js';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 4180 text of the rows, as a spreadsheet program writes it (no formula escaping: test data as is). */
export const csvText = (rows: readonly (readonly string[])[], eol = '\r\n'): string =>
  rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join(eol) + eol;

export const upload = (
  client: Client,
  kind: 'people' | 'matters' | 'contacts',
  body: string | Buffer,
  options: { filename?: string; contentType?: string } = {},
): Promise<LightMyRequestResponse> =>
  client.request(
    'POST',
    `/api/v1/imports?kind=${kind}&filename=${encodeURIComponent(options.filename ?? `${kind}.csv`)}`,
    body,
    { 'content-type': options.contentType ?? CSV_TYPE },
  );

/** Uploads and expects the file to be staged; returns the upload's answer. */
export const stage = async (
  client: Client,
  kind: 'people' | 'matters' | 'contacts',
  body: string | Buffer,
  options: { filename?: string; contentType?: string } = {},
) => {
  const res = await upload(client, kind, body, options);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    header: string[];
    preview: { line: number; cells: string[] }[];
    suggestedMapping: Record<string, string | null>;
    rowCount: number;
    fileType: 'csv' | 'xlsx';
    parseErrors: { line: number; field: string | null; message: string }[];
  };
};

export type Report = {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errorCount: number;
  errors: { line: number; field: string | null; message: string }[];
};

/** Runs a staged import and returns its report. */
export const run = async (client: Client, id: string): Promise<Report> => {
  const res = await client.request('POST', `/api/v1/imports/${id}/run`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().status).toBe('done');
  return res.json().report as Report;
};

/** Stages a file and imports it with the suggested mapping. */
export const importFile = async (client: Client, kind: 'people' | 'matters' | 'contacts', body: string | Buffer) =>
  run(client, (await stage(client, kind, body)).id);
