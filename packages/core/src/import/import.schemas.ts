import { z } from 'zod';
import { Id, IsoDateTime, Line } from '../schemas/common.js';
import { EXPORT_FILES } from './export-writers.js';
import { IMPORT_KINDS } from './import-fields.js';

export const IMPORT_STATUSES = ['uploaded', 'mapped', 'dry_run', 'importing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const ImportKindField = z.enum(IMPORT_KINDS).describe('What the rows are: people, matters or contacts');

export const UploadImportQuery = z.strictObject({
  kind: ImportKindField,
  filename: Line(255).describe('The name of the uploaded file, for the record (the type is read from the bytes)'),
});
export type UploadImportQuery = z.infer<typeof UploadImportQuery>;

export const ColumnMappingInput = z
  .record(z.string().max(300), z.string().max(100).nullable())
  .refine((m) => Object.keys(m).length <= 500, 'At most 500 columns')
  .describe('Header of a column -> the field it fills, or null to leave the column out');

export const SetImportMappingInput = z.strictObject({ mapping: ColumnMappingInput });
export type SetImportMappingInput = z.infer<typeof SetImportMappingInput>;

export const RowErrorView = z.object({
  line: z.number().int().describe('Line of the file (CSV) or row of the sheet (XLSX)'),
  field: z.string().nullable().describe('The field at fault; null when it is the row as a whole'),
  message: z.string(),
});

export const ImportReportView = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int().describe('Rows refused; each is listed in errors with its line and reason'),
  errorCount: z.number().int().describe('All errors found; errors lists the first of them'),
  errors: z.array(RowErrorView),
});

export const ImportPreviewRow = z.object({ line: z.number().int(), cells: z.array(z.string()) });

export const ImportUploadedView = z.object({
  id: Id,
  kind: ImportKindField,
  filename: z.string(),
  fileType: z.enum(['csv', 'xlsx']),
  header: z.array(z.string()),
  preview: z.array(ImportPreviewRow).describe('The first 10 rows'),
  suggestedMapping: z.record(z.string(), z.string().nullable()),
  rowCount: z.number().int(),
  parseErrors: z.array(RowErrorView).describe('Rows the file itself garbles (an unclosed quote)'),
});

export const ImportView = z.object({
  id: Id,
  kind: ImportKindField,
  filename: z.string(),
  status: z.enum(IMPORT_STATUSES),
  header: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()).nullable().describe('Null until one is saved'),
  suggestedMapping: z.record(z.string(), z.string().nullable()),
  rowCount: z.number().int(),
  progress: z.object({ rowsDone: z.number().int(), rowsTotal: z.number().int() }),
  report: ImportReportView.nullable().describe('The import run (so far, while it runs)'),
  dryRunReport: ImportReportView.nullable().describe('The last dry run'),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type ImportView = z.infer<typeof ImportView>;

export const ExportFileParam = z.strictObject({
  file: z
    .enum(EXPORT_FILES)
    .describe('people.csv, people.json, matters.csv, matters.json, contacts.csv or contacts.json'),
});
