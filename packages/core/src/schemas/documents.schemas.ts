import { z } from 'zod';
import { DOCUMENT_MEDIA_TYPES } from '../documents/file-signature.js';
import { Id, IsoDateTime } from './common.js';

// Documents (letter scans, photos, returned questionnaires, generated letters) and the text OCR read
// from them. The bytes are served by GET /api/v1/documents/{id}/content; these are the metadata.

export const DOCUMENT_KINDS = [
  'letter_scan',
  'questionnaire_scan',
  'photo',
  'template',
  'generated_letter',
  'visit_record',
  'other',
] as const;
export type DocumentKindName = (typeof DOCUMENT_KINDS)[number];
export const DocumentKindField = z
  .enum(DOCUMENT_KINDS)
  .describe('letter_scan, questionnaire_scan, photo, template, generated_letter, visit_record or other');

export const OCR_LANGUAGES = ['eng', 'spa'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];
export const OcrLanguageField = z.enum(OCR_LANGUAGES).describe('OCR language: eng (English) or spa (Spanish)');

export const OCR_STATES = ['none', 'queued', 'running', 'done', 'failed'] as const;
export type OcrStateName = (typeof OCR_STATES)[number];
export const OcrStateField = z
  .enum(OCR_STATES)
  .describe('none (no OCR asked), queued, running, done or failed (see ocr.error)');

export const DocumentMediaTypeField = z
  .enum(DOCUMENT_MEDIA_TYPES)
  .describe('The media type the bytes show (checked on upload), never the one the client declared');

// ---- Route parameters ----

export const DocumentIdParam = z.strictObject({ id: Id });

// ---- Inputs ----

/** A form field's text as a boolean ("true"/"false", as browsers and curl send them). */
const FormBoolean = z
  .union([z.boolean(), z.enum(['true', 'false', 'on', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === 'on' || v === '1');

/**
 * The fields of a multipart upload, beside the `file`. OCR runs on images when `ocrLanguage` is
 * given; letter and questionnaire scans are read in English when it is not.
 */
export const UploadDocumentFields = z.strictObject({
  kind: DocumentKindField.default('other'),
  isPrivileged: FormBoolean.default(false).describe(
    'Privileged (attorney-client or work product): seen only by the legal team, as privileged notes',
  ),
  ocrLanguage: OcrLanguageField.optional().describe(
    'Read the text of an image in this language (eng or spa); letter and questionnaire scans default to eng',
  ),
});
export type UploadDocumentFields = z.infer<typeof UploadDocumentFields>;

export const CorrectDocumentTextInput = z.strictObject({
  text: z
    .string()
    .max(200_000, 'At most 200,000 characters')
    .nullable()
    .describe("A person's reading of the document; it wins over the OCR text for display and search. null clears it"),
});
export type CorrectDocumentTextInput = z.infer<typeof CorrectDocumentTextInput>;

export const RunDocumentOcrInput = z.strictObject({
  language: OcrLanguageField.default('eng'),
});
export type RunDocumentOcrInput = z.infer<typeof RunDocumentOcrInput>;

// ---- Responses ----

export const DocumentBody = z
  .object({
    id: Id,
    personId: Id.nullable(),
    intakeId: Id.nullable(),
    kind: DocumentKindField,
    fileName: z.string(),
    mediaType: z.string().describe('The media type the bytes show'),
    byteSize: z.number().int(),
    pageCount: z.number().int().nullable().describe('Pages of a PDF; 1 for an image; null when unknown'),
    isPrivileged: z.boolean(),
    ocr: z.object({
      state: OcrStateField,
      language: OcrLanguageField.nullable(),
      confidence: z.number().nullable().describe('Mean word confidence, 0-100'),
      error: z.string().nullable(),
    }),
    text: z.string().nullable().describe('The corrected text if any, else the OCR text'),
    correctedText: z.string().nullable(),
    ocrText: z.string().nullable(),
    uploadedBy: z.object({ id: Id, name: z.string() }).nullable(),
    createdAt: IsoDateTime,
  })
  .describe('A document: metadata and text (the bytes: GET /api/v1/documents/{id}/content)');
export type DocumentBody = z.infer<typeof DocumentBody>;

export const DocumentList = z.object({ items: z.array(DocumentBody) }).describe('Documents, oldest first');
export type DocumentList = z.infer<typeof DocumentList>;
