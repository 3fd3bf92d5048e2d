import { z } from 'zod';
import { isCalendarDate } from '../case-file/calendar-date.js';
import { MATTER_TYPES } from '../case-file/matters.js';
import { INTAKE_AGE_BUCKETS } from '../intake/intake-metrics.js';
import {
  CLAIM_TYPES,
  INTAKE_CHANNELS,
  INTAKE_LANGUAGES,
  IntakeQuestionnaire,
  IntakeQuestionnaireChange,
  JurisdictionCode,
  PlainLine,
  PRISONER_NUMBER_SYSTEMS,
  PUBLIC_FORM_LANGUAGES,
  STAFF_INTAKE_CHANNELS,
} from '../intake/intake-questionnaire.js';
import {
  decisionReasonIssues,
  INTAKE_DECISIONS,
  INTAKE_STATES,
  NON_ACCEPT_DECISIONS,
} from '../intake/intake-states.js';
import { Id, IsoDateTime, PageQuery } from './common.js';
import { DocumentBody } from './documents.schemas.js';
import { PersonStatusField } from './people.schemas.js';
import { ConflictMatchView } from './search.schemas.js';

// Intakes: first letters, public-form submissions, referrals and phone calls, the triage queue, the
// decision, and the accepted intake that becomes a person and a matter. Plus the public form.

const Day = z
  .string()
  .refine(isCalendarDate, 'Not a real calendar date (YYYY-MM-DD)')
  .describe('Calendar date, YYYY-MM-DD');
const DayOut = z.string().describe('Calendar date, YYYY-MM-DD');
const UserRef = z.object({ id: Id, name: z.string() });

// ---- Enumerations ----

export const IntakeChannelField = z
  .enum(INTAKE_CHANNELS)
  .describe('mailed_letter, public_form, referral or phone_call');
export const StaffIntakeChannelField = z
  .enum(STAFF_INTAKE_CHANNELS)
  .describe('mailed_letter, referral or phone_call (public_form intakes come from the public form)');
export const IntakeStateField = z.enum(INTAKE_STATES).describe('new, in_review or decided');
export const IntakeDecisionField = z.enum(INTAKE_DECISIONS).describe('accepted, declined, waitlisted or referred');
export const ClaimTypeField = z.enum(CLAIM_TYPES);
export const IntakeLanguageField = z.enum(INTAKE_LANGUAGES).describe('en, es or other');
export const PrisonerNumberSystemField = z.enum(PRISONER_NUMBER_SYSTEMS).describe('cdcr, bop, county or other');
export const IntakeAgeBucketField = z.enum(INTAKE_AGE_BUCKETS).describe('Days since received: 0-7, 8-30, 31-90, 90+');

// ---- Route parameters ----

export const IntakeIdParam = z.strictObject({ id: Id });
export const IntakeDocumentParam = z.strictObject({ id: Id, documentId: Id });

// ---- Inputs ----

/** Who sent the intake in: a family member or advocate on the public form, or the referring organisation. */
export const SubmittedByInput = z.strictObject({
  name: PlainLine(200).min(1, 'Required'),
  relationship: PlainLine(100).optional().describe('e.g. mother, friend, advocate, referring attorney'),
  contact: PlainLine(300).optional().describe('Phone, email or postal address to reply to'),
});
export type SubmittedByInput = z.infer<typeof SubmittedByInput>;

export const CreateIntakeInput = z.strictObject({
  channel: StaffIntakeChannelField,
  receivedOn: Day.optional().describe("The day the letter, referral or call came in; defaults to today's date"),
  questionnaire: IntakeQuestionnaire.default({}),
  submittedBy: SubmittedByInput.nullable().optional().describe('For a referral: the organisation and its contact'),
  assignedTo: Id.nullable().optional().describe('A user who may triage intakes'),
});
export type CreateIntakeInput = z.infer<typeof CreateIntakeInput>;

export const UpdateIntakeInput = z
  .strictObject({
    questionnaire: IntakeQuestionnaireChange.optional(),
    receivedOn: Day.optional(),
    submittedBy: SubmittedByInput.nullable().optional(),
    state: z
      .literal('in_review')
      .optional()
      .describe('in_review: start the review, or reopen a decided intake (not an accepted one)'),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field' })
  .describe('Any change starts the review of a new intake; a decided intake is reopened first');
export type UpdateIntakeInput = z.infer<typeof UpdateIntakeInput>;

export const AssignIntakeInput = z.strictObject({
  userId: Id.nullable().describe('A user who may triage intakes; null unassigns'),
});
export type AssignIntakeInput = z.infer<typeof AssignIntakeInput>;

export const DecideIntakeInput = z
  .strictObject({
    decision: z
      .enum(NON_ACCEPT_DECISIONS)
      .describe('declined, waitlisted or referred; accept with POST /intakes/{id}/accept'),
    reason: PlainLine(2000).nullable().optional().describe('Required to decline or refer'),
    referralOrganisation: PlainLine(300).nullable().optional().describe('Required to refer'),
  })
  .superRefine((v, ctx) => {
    for (const [path, message] of Object.entries(decisionReasonIssues(v))) {
      ctx.addIssue({ code: 'custom', message, path: [path] });
    }
  });
export type DecideIntakeInput = z.infer<typeof DecideIntakeInput>;

export const AcceptIntakeInput = z.strictObject({
  matterType: z.enum(MATTER_TYPES).describe('The matter opened for the new person'),
  matterTitle: PlainLine(200).min(1, 'Required').optional().describe('Defaults to "<type>: <person name>"'),
  reason: PlainLine(2000).nullable().optional(),
  personOverrides: z
    .strictObject({
      legalName: PlainLine(200).min(1, 'Required').optional(),
      dateOfBirth: Day.nullable().optional(),
      status: PersonStatusField.optional(),
    })
    .optional()
    .describe('Only what differs from the questionnaire; everything else is taken from it'),
  acknowledgeConflicts: z
    .boolean()
    .default(false)
    .describe('Required (true) when the conflict check finds anyone; otherwise 409 intake.conflicts_unacknowledged'),
});
export type AcceptIntakeInput = z.infer<typeof AcceptIntakeInput>;

export const RecordFirstResponseInput = z.strictObject({
  respondedOn: Day.optional().describe("The day the first answer went out; defaults to today's date"),
});
export type RecordFirstResponseInput = z.infer<typeof RecordFirstResponseInput>;

export const INTAKE_SORTS = ['received', '-received', 'updated', '-updated'] as const;

export const IntakeListQuery = PageQuery.extend({
  state: IntakeStateField.optional(),
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: new and in_review only (the backlog)'),
  decision: IntakeDecisionField.optional(),
  channel: IntakeChannelField.optional(),
  receivedBefore: Day.optional().describe('Received before this day (older intakes)'),
  receivedFrom: Day.optional().describe('Received on or after this day'),
  age: IntakeAgeBucketField.optional(),
  jurisdiction: JurisdictionCode.optional(),
  claimType: ClaimTypeField.optional(),
  language: IntakeLanguageField.optional(),
  assignedTo: z
    .union([z.literal('me'), z.literal('none'), Id])
    .optional()
    .describe('A user id, "me" or "none" (unassigned)'),
  sort: z.enum(INTAKE_SORTS).default('received').describe('received: oldest first (the default triage order)'),
}).strict();
export type IntakeListQuery = z.infer<typeof IntakeListQuery>;

export const IntakeMetricsQuery = z
  .strictObject({
    from: Day.optional().describe('First day counted; defaults to 12 weeks before today'),
    to: Day.optional().describe("Last day counted; defaults to today's date"),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', message: 'Before from', path: ['to'] });
  });
export type IntakeMetricsQuery = z.infer<typeof IntakeMetricsQuery>;

// ---- Responses ----

export const SubmittedByView = z.object({
  name: z.string(),
  relationship: z.string().nullable(),
  contact: z.string().nullable(),
});

export const IntakeSummary = z
  .object({
    id: Id,
    reference: z.string().describe('Short human code, e.g. IN-2026-00042'),
    channel: IntakeChannelField,
    state: IntakeStateField,
    decision: IntakeDecisionField.nullable(),
    applicantName: z.string().nullable(),
    applicantDob: DayOut.nullable(),
    prisonerNumber: z.string().nullable(),
    numberSystem: PrisonerNumberSystemField.nullable(),
    facility: z.object({ id: Id, name: z.string() }).nullable(),
    jurisdiction: z.string().nullable(),
    claimType: ClaimTypeField.nullable(),
    language: IntakeLanguageField,
    assignedTo: UserRef.nullable(),
    receivedOn: DayOut,
    firstResponseOn: DayOut.nullable(),
    ageDays: z.number().int().describe('Days since received'),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .describe('Intake in the triage queue');
export type IntakeSummary = z.infer<typeof IntakeSummary>;

export const IntakePage = z.object({ items: z.array(IntakeSummary), nextCursor: z.string().nullable() });
export type IntakePage = z.infer<typeof IntakePage>;

export const DUPLICATE_STRENGTHS = ['strong', 'possible', 'weak'] as const;
export const DuplicateStrengthField = z
  .enum(DUPLICATE_STRENGTHS)
  .describe('strong: same identifier, or a close name and the same birth date; possible; weak');
export const INTAKE_DUPLICATE_REASONS = ['identifier', 'name', 'alias', 'date_of_birth'] as const;
const DuplicateReasons = z.array(z.enum(INTAKE_DUPLICATE_REASONS));

export const IntakeDuplicatePersonView = z.object({
  personId: Id,
  legalName: z.string(),
  dateOfBirth: DayOut.nullable(),
  identifiers: z.array(z.object({ system: z.string(), value: z.string() })),
  reasons: DuplicateReasons,
  similarity: z.number().describe('Best trigram similarity of the names (0 to 1)'),
  strength: DuplicateStrengthField,
});
export type IntakeDuplicatePersonView = z.infer<typeof IntakeDuplicatePersonView>;

export const PriorIntakeView = z.object({
  id: Id,
  reference: z.string(),
  applicantName: z.string().nullable(),
  receivedOn: DayOut,
  state: IntakeStateField,
  decision: IntakeDecisionField.nullable(),
  reasons: DuplicateReasons,
  similarity: z.number(),
  strength: DuplicateStrengthField,
});
export type PriorIntakeView = z.infer<typeof PriorIntakeView>;

export const IntakeConflictsView = z
  .object({
    checkedNames: z.array(z.string()).describe('The applicant name, aliases and co-defendants checked'),
    matches: z.array(ConflictMatchView),
  })
  .describe('The conflict check of the applicant and co-defendants, run afresh on each read');
export type IntakeConflictsView = z.infer<typeof IntakeConflictsView>;

export const IntakeDetail = IntakeSummary.extend({
  questionnaire: IntakeQuestionnaire,
  submittedBy: SubmittedByView.nullable(),
  decisionReason: z.string().nullable(),
  referralOrganisation: z.string().nullable(),
  decidedAt: IsoDateTime.nullable(),
  decidedBy: UserRef.nullable(),
  createdBy: UserRef.nullable().describe('Null for a public-form submission'),
  person: z.object({ id: Id, legalName: z.string() }).nullable().describe('Set once accepted'),
  matter: z.object({ id: Id, title: z.string() }).nullable().describe('Set once accepted'),
  documents: z.array(DocumentBody).describe('Letter scans and returned questionnaires, oldest first'),
  duplicates: z.array(IntakeDuplicatePersonView).describe('People who may be the applicant'),
  priorIntakes: z.array(PriorIntakeView).describe('Other intakes that may be from the same person'),
  conflicts: IntakeConflictsView,
}).describe('Intake');
export type IntakeDetail = z.infer<typeof IntakeDetail>;

export const AcceptedIntakeView = z.object({
  intake: IntakeDetail,
  person: z.object({ id: Id, legalName: z.string() }),
  matter: z.object({ id: Id, title: z.string(), type: z.enum(MATTER_TYPES) }),
});
export type AcceptedIntakeView = z.infer<typeof AcceptedIntakeView>;

export const IntakeMetricsView = z
  .object({
    from: DayOut,
    to: DayOut,
    receivedPerWeek: z
      .array(
        z.object({
          week: z.string().describe('ISO week, e.g. 2026-W05'),
          weekStart: DayOut.describe('Its Monday'),
          letters: z.number().int().describe('Mailed letters'),
          total: z.number().int().describe('All channels'),
        }),
      )
      .describe('Every week of the range, oldest first, zeros included'),
    backlog: z
      .array(z.object({ bucket: IntakeAgeBucketField, count: z.number().int() }))
      .describe('Open intakes (new or in review) today, by days since received'),
    firstResponse: z.object({
      count: z.number().int().describe('Intakes received in the range that were answered'),
      unanswered: z.number().int(),
      medianDays: z.number().nullable(),
      p90Days: z.number().nullable(),
    }),
    decisionsByReason: z
      .array(
        z.object({
          decision: IntakeDecisionField,
          reason: z.string().nullable(),
          count: z.number().int(),
        }),
      )
      .describe('Decisions made in the range, most frequent first'),
  })
  .describe('Intake metrics');
export type IntakeMetricsView = z.infer<typeof IntakeMetricsView>;

// ---- The public form ----

export const PublicFormLanguageField = z.enum(PUBLIC_FORM_LANGUAGES).describe('en (English) or es (Spanish)');

/**
 * A public submission, from a family member or an advocate (no sign-in). Validated with
 * `parsePublicIntake` so field messages come back in the submission's language. `website` is a honeypot:
 * people leave it empty.
 */
export const PublicIntakeInput = z.strictObject({
  language: PublicFormLanguageField.default('en'),
  website: z.string().max(500).optional().describe('Leave empty'),
  submittedBy: SubmittedByInput.extend({
    contact: PlainLine(300).min(1, 'Required').describe('Phone, email or postal address to reply to'),
  }),
  questionnaire: IntakeQuestionnaire.superRefine((q, ctx) => {
    if (!q.background?.name?.trim()) {
      ctx.addIssue({ code: 'custom', message: 'Required', path: ['background', 'name'] });
    }
  }).describe('background.name (the person in prison) is required'),
});
export type PublicIntakeInput = z.infer<typeof PublicIntakeInput>;

export const PublicIntakeAccepted = z
  .object({ reference: z.string().describe('Quote it when writing to us') })
  .describe('Received');
export type PublicIntakeAccepted = z.infer<typeof PublicIntakeAccepted>;

export const PublicIntakeFormQuery = z.strictObject({ language: PublicFormLanguageField.default('en') });

export const PublicIntakeFormView = z
  .object({
    language: PublicFormLanguageField,
    title: z.string(),
    introduction: z.string(),
    submit: z.string(),
    received: z.string().describe('Shown after a submission, before the reference'),
    fields: z.array(
      z.object({
        path: z.string().describe('Dotted path in the body, e.g. questionnaire.background.name'),
        label: z.string(),
        help: z.string().nullable(),
        isRequired: z.boolean(),
        options: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
      }),
    ),
  })
  .describe('The labels of the public intake form');
export type PublicIntakeFormView = z.infer<typeof PublicIntakeFormView>;
