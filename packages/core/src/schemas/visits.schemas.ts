import { z } from 'zod';
import { isCalendarDate } from '../case-file/calendar-date.js';
import { VISIT_STATUSES, VISITOR_CAPACITIES } from '../visits/visits.js';
import { Id, IsoDateTime, Line, PageQuery } from './common.js';

// Legal visits: the request to the facility (15 CCR § 3178), its answer and time, and the visit record.

const Day = z.iso
  .date({ message: 'Use a real date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, 'Use a real date as YYYY-MM-DD')
  .describe('Calendar date, YYYY-MM-DD');
const DayOut = z.string().describe('Calendar date, YYYY-MM-DD');

const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required')
    .max(max, `At most ${max} characters`)
    .refine((s) => !/[^\P{Cc}\t\n\r]/u.test(s), 'Must not contain control characters');

export const VisitStatusField = z
  .enum(VISIT_STATUSES)
  .describe('requested, approved, denied, scheduled, held or cancelled');
export const VisitorCapacityField = z
  .enum(VISITOR_CAPACITIES)
  .describe("attorney, or an attorney's representative (15 CCR § 3178): investigator, law_student or paralegal");

export const VisitIdParam = z.strictObject({ id: Id });

// ---- Queries ----

export const VisitListQuery = PageQuery.extend({
  personId: Id.optional().describe("A person's visits (a person you may not see: 404)"),
  from: Day.optional().describe('Visits on or after this day (scheduled or held time, else the request day)'),
  to: Day.optional().describe('Visits on or before this day'),
  status: VisitStatusField.optional(),
})
  .strict()
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    message: 'from must not be after to',
    path: ['to'],
  });
export type VisitListQuery = z.infer<typeof VisitListQuery>;

export const CalendarFeedQuery = z.strictObject({
  personId: Id.optional().describe("Only this person's visits"),
});
export type CalendarFeedQuery = z.infer<typeof CalendarFeedQuery>;

// ---- Inputs ----

/**
 * What the facility asks of each visitor. These are personal data of staff: readable only by the
 * person's legal team, and only on this visit.
 */
const visitorDetailFields = {
  dateOfBirth: Day.nullable().optional().describe("The visitor's date of birth"),
  idNumber: Line(50).nullable().optional().describe("Driver's licence or state ID number"),
  barNumber: Line(30).nullable().optional().describe('State Bar number (an attorney; or the sponsoring attorney)'),
  barInGoodStanding: z
    .boolean()
    .nullable()
    .optional()
    .describe('Whether the State Bar shows the attorney active and in good standing'),
  mailingAddress: Text(300).nullable().optional().describe("The visitor's mailing address"),
};

export const VisitorInput = z.strictObject({
  userId: Id.describe('A member of the team'),
  capacity: VisitorCapacityField.optional().describe("Defaults from the user's role"),
  supervisingAttorneyId: Id.nullable().optional().describe("An attorney's representative: the sponsoring attorney"),
  ...visitorDetailFields,
});
export type VisitorInput = z.infer<typeof VisitorInput>;

export const RequestVisitInput = z.strictObject({
  personId: Id,
  facilityId: Id.optional().describe("Defaults to the facility of the person's current placement"),
  matterId: Id.nullable().optional().describe('The matter the visit is for (follow-up tasks go on it)'),
  purpose: Text(1000).describe('What the visit is for'),
  visitors: z.array(VisitorInput).min(1, 'Name at least one visitor').max(10, 'At most 10 visitors'),
  requestedOn: Day.optional().describe('The day the request went to the facility; defaults to today'),
  proposedDates: z.array(Day).max(10, 'At most 10 dates').default([]).describe('Dates that suit the visitors'),
});
export type RequestVisitInput = z.infer<typeof RequestVisitInput>;

export const UpdateVisitInput = z
  .strictObject({
    status: VisitStatusField.optional().describe('The new status (held: use POST /visits/{id}/record)'),
    scheduledStart: IsoDateTime.optional().describe('Needed to schedule'),
    scheduledEnd: IsoDateTime.optional().describe('Defaults to two hours after the start'),
    reason: Line(500).optional().describe('Why the facility denied it, or why it was cancelled'),
    purpose: Text(1000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field' });
export type UpdateVisitInput = z.infer<typeof UpdateVisitInput>;

export const RequestLetterInput = z.strictObject({
  language: z.enum(['en', 'es']).default('en'),
  senderUserId: Id.optional().describe('The attorney who signs; defaults to the first attorney visitor'),
  fields: z.record(z.string().max(64), z.string().max(5000)).default({}).describe('Extra merge field values'),
});
export type RequestLetterInput = z.infer<typeof RequestLetterInput>;

export const FollowUpTaskInput = z.strictObject({
  title: Line(300),
  dueOn: Day.nullable().optional(),
  assigneeId: Id.nullable().optional().describe('A member of the matter team'),
});

export const RecordVisitInput = z
  .strictObject({
    heldStart: IsoDateTime,
    heldEnd: IsoDateTime,
    attendees: z.array(Id).min(1, 'Who attended').max(10).describe('Visitors on the visit who attended'),
    privilegedNotes: z
      .string()
      .max(100_000, 'At most 100,000 characters')
      .refine((s) => !/[^\P{Cc}\t\n\r]/u.test(s), 'Must not contain control characters')
      .nullable()
      .optional()
      .describe('Privileged notes of the visit (legal team only)'),
    followUpTasks: z
      .array(FollowUpTaskInput)
      .max(50, 'At most 50 tasks')
      .default([])
      .describe("Tasks created on the visit's matter"),
  })
  .refine((v) => Date.parse(v.heldEnd) > Date.parse(v.heldStart), {
    message: 'The end must be after the start',
    path: ['heldEnd'],
  });
export type RecordVisitInput = z.infer<typeof RecordVisitInput>;

// ---- Responses ----

export const VisitorDetailsBody = z
  .object({
    dateOfBirth: DayOut.nullable(),
    idNumber: z.string().nullable(),
    barNumber: z.string().nullable(),
    barInGoodStanding: z.boolean().nullable(),
    mailingAddress: z.string().nullable(),
  })
  .describe("The visitor's details for the facility (legal team only)");

export const VisitorBody = z.object({
  userId: Id,
  name: z.string(),
  capacity: VisitorCapacityField,
  supervisingAttorney: z.object({ id: Id, name: z.string() }).nullable(),
  attended: z.boolean().nullable().describe('Null until the visit is recorded'),
  details: VisitorDetailsBody.nullable().describe("Null unless you are on the person's legal team"),
});
export type VisitorBody = z.infer<typeof VisitorBody>;

export const VisitBody = z
  .object({
    id: Id,
    personId: Id,
    personName: z.string(),
    facility: z.object({ id: Id, name: z.string() }).nullable(),
    matterId: Id.nullable(),
    status: VisitStatusField,
    purpose: z.string(),
    requestedOn: DayOut,
    proposedDates: z.array(DayOut),
    scheduledStart: IsoDateTime.nullable(),
    scheduledEnd: IsoDateTime.nullable(),
    decidedReason: z.string().nullable(),
    requestDocumentId: Id.nullable().describe('The request letter PDF'),
    visitors: z.array(VisitorBody),
    record: z
      .object({
        heldStart: IsoDateTime,
        heldEnd: IsoDateTime,
        durationMinutes: z.number().int(),
        hasPrivilegedNotes: z.boolean(),
        privilegedNotes: z.string().nullable().describe("Null unless you are on the person's legal team"),
      })
      .nullable()
      .describe('The visit record, once held'),
    createdBy: z.object({ id: Id, name: z.string() }).nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .describe('A legal visit');
export type VisitBody = z.infer<typeof VisitBody>;

export const VisitPage = z.object({ items: z.array(VisitBody), nextCursor: z.string().nullable() });
export type VisitPage = z.infer<typeof VisitPage>;

export const RecordedVisitBody = z.object({
  visit: VisitBody,
  taskIds: z.array(Id).describe('The follow-up tasks created'),
});
export type RecordedVisitBody = z.infer<typeof RecordedVisitBody>;

export const VisitLetterBody = z.object({
  visit: VisitBody,
  correspondenceId: Id,
  documentId: Id,
});
export type VisitLetterBody = z.infer<typeof VisitLetterBody>;
