import { z } from 'zod';
import { LETTER_LANGUAGES, LETTER_TEMPLATE_KEYS } from '../correspondence/letters.js';
import { Id, IsoDateTime } from './common.js';

// Letters from templates, the attorney profile a legal-mail letter is sent from, and the paper
// questionnaire. Rendered letters and questionnaires are answered as bytes (DOCX or PDF).

export const LetterTemplateKeyField = z
  .enum(LETTER_TEMPLATE_KEYS)
  .describe(
    'acknowledgement, decline_referral, request_documents, questionnaire_cover, visit_confirmation or attorney_visit_request',
  );
export const LetterLanguageField = z.enum(LETTER_LANGUAGES).describe('en (English) or es (Spanish)');

export const LetterTemplateParams = z.strictObject({ key: LetterTemplateKeyField, language: LetterLanguageField });

export const LetterFieldBody = z.object({ name: z.string(), description: z.string() });

export const LetterTemplateBody = z.object({
  key: LetterTemplateKeyField,
  title: z.string(),
  fields: z.array(LetterFieldBody).describe('The merge fields this template may use, written {name} in Word'),
  languages: z.array(
    z.object({
      language: LetterLanguageField,
      isCustomised: z.boolean().describe('An uploaded template replaces the default'),
      updatedAt: IsoDateTime.nullable(),
      updatedBy: Id.nullable(),
    }),
  ),
});
export type LetterTemplateBody = z.input<typeof LetterTemplateBody>;
export const LetterTemplateList = z.object({ items: z.array(LetterTemplateBody) });
export type LetterTemplateList = z.input<typeof LetterTemplateList>;

const FieldValue = z.string().max(5000);

export const RenderLetterInput = z.strictObject({
  template: LetterTemplateKeyField,
  language: LetterLanguageField,
  personId: Id.optional().describe('The person written to (must be visible to the caller)'),
  intakeId: Id.optional().describe('The intake written about (intake triage); its person if it has one'),
  senderUserId: Id.optional().describe('The attorney (or staff member) the letter is from; required for legal mail'),
  fields: z
    .record(z.string().max(64), FieldValue)
    .optional()
    .describe('Values typed by staff for the template\'s fields, e.g. {"documents_requested": "Trial transcript"}'),
  legalMail: z
    .boolean()
    .default(false)
    .describe("Confidential legal mail: the attorney's letterhead and the jurisdiction's marking"),
  format: z.enum(['docx', 'pdf']).default('pdf'),
});
export type RenderLetterInput = z.input<typeof RenderLetterInput>;

export const QuestionnaireQuery = z.strictObject({
  language: LetterLanguageField.default('en'),
  reference: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Za-z0-9-]*$/)
    .optional()
    .describe('The intake reference printed on every page (IN-2026-00042)'),
});

export const AttorneyProfileParams = z.strictObject({ id: Id });

const Line = z.string().trim().min(1).max(200);

export const AttorneyProfileInput = z.strictObject({
  displayName: Line.describe("The attorney's name as on the State Bar record"),
  title: Line.default('Attorney at Law').describe('Shown after the name: CDCR treats mail without it as ordinary mail'),
  barNumber: z.string().trim().max(20).nullable().default(null),
  barState: z.string().trim().length(2).default('CA'),
  barAddressLines: z
    .array(Line)
    .min(2)
    .max(6)
    .describe('The address on record with the State Bar, one line each (street, city line)'),
  phone: z.string().trim().max(40).nullable().default(null),
  email: z.email().max(200).nullable().default(null),
});
export type AttorneyProfileInput = z.input<typeof AttorneyProfileInput>;

export const AttorneyProfileBody = z.object({
  userId: Id,
  displayName: z.string(),
  title: z.string(),
  barNumber: z.string().nullable(),
  barState: z.string(),
  barAddressLines: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  returnAddress: z.array(z.string()).describe('The return-address block legal mail carries'),
  updatedAt: IsoDateTime,
});
export type AttorneyProfileBody = z.input<typeof AttorneyProfileBody>;
