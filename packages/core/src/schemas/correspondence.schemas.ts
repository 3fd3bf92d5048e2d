import { z } from 'zod';
import { isCalendarDate } from '../case-file/calendar-date.js';
import {
  CORRESPONDENCE_CHANNELS,
  CORRESPONDENCE_DIRECTIONS,
  CORRESPONDENCE_STATES,
} from '../correspondence/correspondence.js';
import { LETTER_LANGUAGES, LETTER_TEMPLATE_KEYS } from '../correspondence/letters.js';
import { Id, IsoDateTime, Line, PageQuery } from './common.js';

// Correspondence: every letter in and out of a person (or an intake, before anyone is a client), by
// channel, with its scan or generated PDF; letters from templates; batch printing.

const Day = z.iso
  .date({ message: 'Use a real date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, 'Use a real date as YYYY-MM-DD')
  .describe('Calendar date, YYYY-MM-DD');
const DayOut = z.string().describe('Calendar date, YYYY-MM-DD');

/** Several lines of plain text: tabs and line breaks allowed, other control characters not. */
const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required')
    .max(max, `At most ${max} characters`)
    .refine((s) => !/[^\P{Cc}\t\n\r]/u.test(s), 'Must not contain control characters');

export const CorrespondenceChannelField = z
  .enum(CORRESPONDENCE_CHANNELS)
  .describe('post, legal_mail (confidential legal mail), messaging_service (prison messaging), phone or video_visit');
export const CorrespondenceDirectionField = z
  .enum(CORRESPONDENCE_DIRECTIONS)
  .describe('in: from the person (or about them) to us; out: from us');
export const CorrespondenceStateField = z
  .enum(CORRESPONDENCE_STATES)
  .describe('draft, ready (printed letter waiting to go), sent, returned (by the facility) or received');
export const CorrespondenceTemplateField = z.enum(LETTER_TEMPLATE_KEYS).describe('Letter template');
const LanguageField = z.enum(LETTER_LANGUAGES).describe('Language of the letter: en or es');
export const BatchPrintModeField = z
  .enum(['envelopes', 'labels'])
  .describe('envelopes: each letter followed by its #10 envelope; labels: the letters, then a sheet of address labels');

export const CorrespondenceIdParam = z.strictObject({ id: Id });

// ---- Queries ----

export const CorrespondenceListQuery = PageQuery.extend({
  personId: Id.optional().describe("A person's correspondence (a person you may not see: 404)"),
  intakeId: Id.optional().describe("An intake's correspondence (needs intake triage)"),
  state: CorrespondenceStateField.optional(),
  direction: CorrespondenceDirectionField.optional(),
  channel: CorrespondenceChannelField.optional(),
}).strict();
export type CorrespondenceListQuery = z.infer<typeof CorrespondenceListQuery>;

// ---- Inputs ----

const personOrIntake = <T extends { personId?: string | undefined; intakeId?: string | undefined }>(v: T) =>
  (v.personId === undefined) !== (v.intakeId === undefined);
const PERSON_OR_INTAKE = { message: 'Give either personId or intakeId', path: ['personId'] };

export const LogCorrespondenceInput = z
  .strictObject({
    personId: Id.optional().describe('The person written to or heard from'),
    intakeId: Id.optional().describe('Or the intake, before the writer is a client'),
    direction: CorrespondenceDirectionField,
    channel: CorrespondenceChannelField,
    state: CorrespondenceStateField.optional().describe(
      'in: received (the default); out: sent (the default), draft or ready',
    ),
    on: Day.optional().describe('The day it was sent or received; defaults to today'),
    summary: Text(5000).describe('What it said or was about'),
    staffId: Id.optional().describe('The staff member who wrote, took the call or opened the letter; defaults to you'),
    documentId: Id.optional().describe(
      'The scan: a document of the same person (POST /api/v1/people/{id}/documents) or intake, uploaded first',
    ),
  })
  .refine(personOrIntake, PERSON_OR_INTAKE);
export type LogCorrespondenceInput = z.infer<typeof LogCorrespondenceInput>;

export const UpdateCorrespondenceInput = z
  .strictObject({
    state: CorrespondenceStateField.optional().describe(
      'sent (stamps the day), returned (needs reason; puts the mail hold on the person), or back to draft/ready',
    ),
    on: Day.optional().describe('The day it was sent or returned; defaults to today'),
    reason: Line(500).optional().describe('Why the facility returned it (e.g. "transferred", "refused")'),
    summary: Text(5000).optional(),
    documentId: Id.optional().describe('Attach the scan: a document of the same person or intake'),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field' })
  .refine((v) => v.state !== 'returned' || v.reason !== undefined, {
    message: 'Say why the letter came back',
    path: ['reason'],
  });
export type UpdateCorrespondenceInput = z.infer<typeof UpdateCorrespondenceInput>;

export const ComposeLetterInput = z
  .strictObject({
    template: CorrespondenceTemplateField,
    language: LanguageField.default('en'),
    personId: Id.optional(),
    intakeId: Id.optional(),
    senderUserId: Id.optional().describe('The attorney who signs (legal mail needs an attorney); defaults to you'),
    fields: z
      .record(z.string().max(64), z.string().max(5000))
      .default({})
      .describe('Values for merge fields the record cannot fill (e.g. decline_reason)'),
    legalMail: z
      .boolean()
      .default(true)
      .describe('Mark the envelope as confidential legal mail (CDCR) or special mail (BOP), from an attorney'),
    summary: Text(5000).optional().describe('Summary for the correspondence log; defaults to the template title'),
  })
  .refine(personOrIntake, PERSON_OR_INTAKE);
export type ComposeLetterInput = z.infer<typeof ComposeLetterInput>;

export const BatchPrintInput = z.strictObject({
  ids: z
    .array(Id)
    .min(1, 'Choose at least one letter')
    .max(1000, 'At most 1,000 letters in one batch')
    .refine((ids) => new Set(ids).size === ids.length, 'Each letter once')
    .describe('Letters (ready or draft, with a PDF), in the order to print'),
  mode: BatchPrintModeField.default('envelopes'),
});
export type BatchPrintInput = z.infer<typeof BatchPrintInput>;

// ---- Responses ----

export const CorrespondenceBody = z
  .object({
    id: Id,
    personId: Id.nullable(),
    personName: z.string().nullable(),
    intakeId: Id.nullable(),
    direction: CorrespondenceDirectionField,
    channel: CorrespondenceChannelField,
    state: CorrespondenceStateField,
    sentOn: DayOut.nullable(),
    receivedOn: DayOut.nullable(),
    summary: z.string(),
    templateKey: z.string().nullable().describe('The template of a generated letter'),
    language: z.string().nullable(),
    documentId: Id.nullable().describe('The scan or generated PDF (GET /api/v1/correspondence/{id}/pdf)'),
    staff: z.object({ id: Id, name: z.string() }).nullable(),
    returnedReason: z.string().nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .describe('A letter, call or visit log entry');
export type CorrespondenceBody = z.infer<typeof CorrespondenceBody>;

export const CorrespondencePage = z.object({
  items: z.array(CorrespondenceBody).describe('Newest first'),
  nextCursor: z.string().nullable(),
});
export type CorrespondencePage = z.infer<typeof CorrespondencePage>;

export const ComposedLetterBody = z
  .object({
    correspondence: CorrespondenceBody,
    documentId: Id.describe('The generated PDF'),
    marking: z.string().nullable().describe('The legal-mail marking on the envelope'),
    envelopeLines: z.array(z.string()).nullable(),
  })
  .describe('A letter generated from a template, logged as ready to print');
export type ComposedLetterBody = z.infer<typeof ComposedLetterBody>;
