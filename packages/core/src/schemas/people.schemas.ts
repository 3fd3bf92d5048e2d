import { z } from 'zod';
import { compareDates, isCalendarDate } from '../case-file/calendar-date.js';
import { IDENTIFIER_SYSTEMS, normaliseIdentifier } from '../case-file/identifiers.js';
import { MATTER_OUTCOMES, MATTER_TYPES, PERSON_STATUSES, type PersonStatus } from '../case-file/matters.js';
import { AUTHORITIES, EXECUTION_METHODS, SENTENCE_EVENT_KINDS } from '../case-file/sentence.js';
import { Email, Id, IsoDateTime, Line, PageQuery } from './common.js';

// People, their aliases, identifiers and custody placements, convictions with counts and parties,
// sentence events and the derived sentence, the timeline, the activity feed and saved list views.

const DATE_MESSAGE = 'Not a real calendar date (YYYY-MM-DD)';
const Day = z.string().refine(isCalendarDate, DATE_MESSAGE).describe('Calendar date, YYYY-MM-DD');
const DayOut = z.string().describe('Calendar date, YYYY-MM-DD');

/** Free text over several lines (addresses, notes): line breaks and tabs, no other control characters. */
const Paragraph = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .refine((s) => s.trim().length > 0, 'Required')
    .refine(
      (s) => !/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.test(s.replace(/[\t\n\r]/g, '')),
      'Must not contain control or invisible characters',
    );

/** Fields every change must name at least one of. */
const atLeastOne = { message: 'Change at least one field' };
const hasAny = (v: object) => Object.keys(v).length > 0;

// ---- Enumerations ----

export const PersonStatusField = z.enum(PERSON_STATUSES).describe('in_custody, released, on_parole or deceased');
export const ALIAS_KINDS = ['alias', 'spelling', 'committed_name', 'former_name'] as const;
export const AliasKindField = z.enum(ALIAS_KINDS).describe('alias, spelling, committed_name or former_name');
export const IdentifierSystemField = z
  .enum(IDENTIFIER_SYSTEMS)
  .describe('cdcr, bop, county_booking, fbi, state_id, other');
export const PLACEMENT_SOURCES = ['locator', 'letter', 'family', 'court', 'returned_mail', 'phone', 'other'] as const;
export const PlacementSourceField = z.enum(PLACEMENT_SOURCES).describe('How the move was learned');
export const CONVICTION_JURISDICTIONS = ['CA', 'US', 'other'] as const;
export const DISPOSITIONS = ['plea', 'jury', 'bench'] as const;
export const OFFENSE_DEGREES = ['first', 'second', 'third'] as const;
export const CONVICTION_PARTY_ROLES = ['victim', 'survivor', 'co_defendant'] as const;
export type ConvictionPartyRole = (typeof CONVICTION_PARTY_ROLES)[number];
/** Victims and survivors: restricted fields, seen and written only by the legal team. */
export const RESTRICTED_PARTY_ROLES: ReadonlySet<ConvictionPartyRole> = new Set(['victim', 'survivor']);
export const ConvictionPartyRoleField = z
  .enum(CONVICTION_PARTY_ROLES)
  .describe('victim and survivor are restricted (legal team only); co_defendant is not');
export const SentenceEventKindField = z.enum(SENTENCE_EVENT_KINDS).describe('What happened to the sentence');
export const AuthorityField = z.enum(AUTHORITIES).describe('Who acted');
export const ExecutionMethodField = z.enum(EXECUTION_METHODS);

// ---- Route parameters ----

export const PersonIdParam = z.strictObject({ id: Id });
export const PersonAliasParam = z.strictObject({ id: Id, aliasId: Id });
export const PersonIdentifierParam = z.strictObject({ id: Id, identifierId: Id });
export const PersonPlacementParam = z.strictObject({ id: Id, placementId: Id });
export const PersonConvictionParam = z.strictObject({ id: Id, convictionId: Id });
export const ConvictionIdParam = z.strictObject({ id: Id });
export const SentenceEventParam = z.strictObject({ id: Id, eventId: Id });
export const ConvictionPartyParam = z.strictObject({ id: Id, partyId: Id });
export const SavedViewIdParam = z.strictObject({ id: Id });

// ---- People ----

export const AliasInput = z.strictObject({
  name: Line(200).describe('Another name or spelling, as written'),
  kind: AliasKindField.default('alias'),
});
export type AliasInput = z.infer<typeof AliasInput>;
export const UpdateAliasInput = z
  .strictObject({ name: Line(200).optional(), kind: AliasKindField.optional() })
  .refine(hasAny, atLeastOne);
export type UpdateAliasInput = z.infer<typeof UpdateAliasInput>;

/** An identifier, checked and normalised per system (CDCR C98556, BOP 12345-678; others free text). */
export const IdentifierInput = z
  .strictObject({
    system: IdentifierSystemField,
    value: z.string().max(100, 'At most 100 characters'),
    issuer: Line(200).nullable().optional().describe('e.g. the county of a booking number'),
  })
  .transform((v, ctx) => {
    const checked = normaliseIdentifier(v.system, v.value);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.message, path: ['value'] });
      return z.NEVER;
    }
    return { system: v.system, value: checked.value, issuer: v.issuer ?? null };
  });
export type IdentifierInput = z.output<typeof IdentifierInput>;

export const UpdateIdentifierInput = z
  .strictObject({
    system: IdentifierSystemField.optional(),
    value: z.string().max(100, 'At most 100 characters').optional(),
    issuer: Line(200).nullable().optional(),
  })
  .refine(hasAny, atLeastOne);
export type UpdateIdentifierInput = z.infer<typeof UpdateIdentifierInput>;

const Identifiers = z
  .array(IdentifierInput)
  .max(20, 'At most 20 identifiers')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((i, index) => {
      const key = `${i.system}:${i.value.toUpperCase()}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'Listed twice', path: [index, 'value'] });
      seen.add(key);
    });
  });

const personFields = {
  dateOfBirth: Day.nullable().optional().describe('Date of birth; a real date, not in the future'),
  gender: Line(60).nullable().optional(),
  preferredLanguage: Line(60).nullable().optional(),
  status: PersonStatusField,
  phone: Line(40).nullable().optional(),
  email: Email.nullable().optional(),
  mailingAddress: Paragraph(1000).nullable().optional().describe('Where mail reaches the person'),
  notes: Paragraph(20_000).nullable().optional().describe('Plain text, stored as written and shown as text'),
};

export const CreatePersonInput = z.strictObject({
  legalName: Line(200).describe('Legal name, as written (HTML is kept as text)'),
  aliases: z.array(AliasInput).max(50, 'At most 50 aliases').default([]),
  identifiers: Identifiers.default([]),
  ...personFields,
  status: PersonStatusField.default('in_custody'),
});
export type CreatePersonInput = z.infer<typeof CreatePersonInput>;

export const UpdatePersonInput = z
  .strictObject({ legalName: Line(200).optional(), ...personFields, status: PersonStatusField.optional() })
  .refine(hasAny, atLeastOne);
export type UpdatePersonInput = z.infer<typeof UpdatePersonInput>;

export const AliasView = z.object({ id: Id, name: z.string(), kind: AliasKindField });
export type AliasView = z.infer<typeof AliasView>;
export const IdentifierView = z.object({
  id: Id,
  system: IdentifierSystemField,
  value: z.string(),
  issuer: z.string().nullable(),
});
export type IdentifierView = z.infer<typeof IdentifierView>;

// ---- Custody placements and the mail hold ----

const checkPlacementDates = (v: { fromDate?: string; toDate?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (v.fromDate && v.toDate && isCalendarDate(v.fromDate) && compareDates(v.toDate, v.fromDate) < 0) {
    ctx.addIssue({ code: 'custom', message: 'Before the start date', path: ['toDate'] });
  }
};

export const AddPlacementInput = z
  .strictObject({
    facilityId: Id.nullable().optional().describe('A facility from the directory; its name is used by default'),
    facilityName: Line(200).optional().describe('Required unless facilityId is given'),
    housing: Line(200).nullable().optional().describe('e.g. "Condemned / East Block"'),
    fromDate: Day.describe('First day at this placement (not before the date of birth)'),
    toDate: Day.nullable().optional().describe('Last day; empty while the person is still there'),
    learnedFrom: PlacementSourceField.default('other'),
    addressConfirmedAt: Day.nullable().optional().describe('The day the mailing address was confirmed'),
  })
  .superRefine((v, ctx) => {
    if (!v.facilityId && !v.facilityName) {
      ctx.addIssue({ code: 'custom', message: 'Name the facility', path: ['facilityName'] });
    }
    checkPlacementDates(v, ctx);
  });
export type AddPlacementInput = z.infer<typeof AddPlacementInput>;

export const UpdatePlacementInput = z
  .strictObject({
    facilityId: Id.nullable().optional(),
    facilityName: Line(200).optional(),
    housing: Line(200).nullable().optional(),
    fromDate: Day.optional(),
    toDate: Day.nullable().optional(),
    learnedFrom: PlacementSourceField.optional(),
    addressConfirmedAt: Day.nullable()
      .optional()
      .describe("Confirming the current placement's address releases the mail hold"),
  })
  .refine(hasAny, atLeastOne)
  .superRefine(checkPlacementDates);
export type UpdatePlacementInput = z.infer<typeof UpdatePlacementInput>;

export const ReleaseMailHoldInput = z.strictObject({
  confirmedOn: Day.optional().describe("Day the new address was confirmed; defaults to today's date"),
});
export type ReleaseMailHoldInput = z.infer<typeof ReleaseMailHoldInput>;

export const PlacementView = z.object({
  id: Id,
  facilityId: Id.nullable(),
  facilityName: z.string(),
  housing: z.string().nullable(),
  fromDate: DayOut,
  toDate: DayOut.nullable(),
  learnedFrom: PlacementSourceField,
  addressConfirmedAt: DayOut.nullable(),
  isCurrent: z.boolean().describe('The open placement (no end date) that started last'),
});
export type PlacementView = z.infer<typeof PlacementView>;

export const MailHoldView = z
  .object({ since: DayOut, reason: z.string() })
  .describe('No mail goes out while set: a transfer was learned and the new address is not confirmed');
export type MailHoldView = z.infer<typeof MailHoldView>;

export const PlacementAddedView = z.object({
  placement: PlacementView,
  closedPlacement: PlacementView.nullable().describe('The open placement this one closed, if any'),
  mailHold: MailHoldView.nullable(),
});
export type PlacementAddedView = z.infer<typeof PlacementAddedView>;

export const MailHoldReleasedView = z.object({
  mailHold: z.null(),
  currentPlacement: PlacementView.nullable().describe('Its address is now confirmed'),
});
export type MailHoldReleasedView = z.infer<typeof MailHoldReleasedView>;

// ---- Convictions, counts and parties ----

export const CountInput = z.strictObject({
  statute: Line(200).describe('As written, e.g. "PC 187(a)" or "21 U.S.C. 841(b)(1)(B)"'),
  description: Line(500).nullable().optional(),
  degree: z.enum(OFFENSE_DEGREES).nullable().optional(),
  isAttempt: z.boolean().default(false),
});
export type CountInput = z.infer<typeof CountInput>;

export const ConvictionPartyInput = z.strictObject({
  role: ConvictionPartyRoleField,
  name: Line(200),
  notify: z.boolean().default(false).describe('Victim-notification duty applies'),
  notes: Paragraph(2000).nullable().optional(),
});
export type ConvictionPartyInput = z.infer<typeof ConvictionPartyInput>;
export const UpdateConvictionPartyInput = z
  .strictObject({
    role: ConvictionPartyRoleField.optional(),
    name: Line(200).optional(),
    notify: z.boolean().optional(),
    notes: Paragraph(2000).nullable().optional(),
  })
  .refine(hasAny, atLeastOne);
export type UpdateConvictionPartyInput = z.infer<typeof UpdateConvictionPartyInput>;

const convictionFields = {
  caseNumber: Line(100).nullable().optional(),
  court: Line(200).nullable().optional().describe('e.g. "Los Angeles County Superior Court"'),
  county: Line(100).nullable().optional(),
  jurisdiction: z.enum(CONVICTION_JURISDICTIONS).optional(),
  offenseStart: Day.nullable().optional().describe('Offense date, or the first day of a range'),
  offenseEnd: Day.nullable().optional().describe('Last day of an offense range'),
  convictionDate: Day.nullable().optional(),
  disposition: z.enum(DISPOSITIONS).nullable().optional(),
  enhancements: z.array(Line(200)).max(50).optional(),
  specialCircumstances: z.array(Line(200)).max(50).optional(),
  prosecutor: Line(200).nullable().optional(),
  defenseCounsel: Line(200).nullable().optional(),
  judge: Line(200).nullable().optional(),
};

type ConvictionDates = { offenseStart?: string | null; offenseEnd?: string | null; convictionDate?: string | null };
/** The dates a conviction's fields must keep in order (checked again after a change is merged). */
export const convictionDateIssues = (v: ConvictionDates): Record<string, string> => {
  const issues: Record<string, string> = {};
  const real = (d: string | null | undefined): d is string => typeof d === 'string' && isCalendarDate(d);
  if (real(v.offenseEnd) && !v.offenseStart) issues.offenseStart = 'Give the first day of the range';
  if (real(v.offenseEnd) && real(v.offenseStart) && compareDates(v.offenseEnd, v.offenseStart) < 0) {
    issues.offenseEnd = 'Before the first day of the offense';
  }
  if (real(v.convictionDate) && real(v.offenseStart) && compareDates(v.convictionDate, v.offenseStart) < 0) {
    issues.convictionDate = 'Before the offense';
  }
  return issues;
};
const refineConvictionDates = (v: ConvictionDates, ctx: z.RefinementCtx) => {
  for (const [path, message] of Object.entries(convictionDateIssues(v))) {
    ctx.addIssue({ code: 'custom', message, path: [path] });
  }
};

export const CreateConvictionInput = z
  .strictObject({
    ...convictionFields,
    jurisdiction: z.enum(CONVICTION_JURISDICTIONS).default('CA'),
    enhancements: z.array(Line(200)).max(50).default([]),
    specialCircumstances: z.array(Line(200)).max(50).default([]),
    counts: z.array(CountInput).max(100).default([]).describe('In order; position follows the list'),
    parties: z
      .array(ConvictionPartyInput)
      .max(100)
      .default([])
      .describe('Victims and survivors need the legal team of one of the matters of the person'),
  })
  .superRefine(refineConvictionDates);
export type CreateConvictionInput = z.infer<typeof CreateConvictionInput>;

export const UpdateConvictionInput = z
  .strictObject({
    ...convictionFields,
    counts: z.array(CountInput).max(100).optional().describe('Replaces every count'),
  })
  .refine(hasAny, atLeastOne)
  .superRefine(refineConvictionDates);
export type UpdateConvictionInput = z.infer<typeof UpdateConvictionInput>;

export const CountView = z.object({
  id: Id,
  position: z.number().int(),
  statute: z.string(),
  description: z.string().nullable(),
  degree: z.enum(OFFENSE_DEGREES).nullable(),
  isAttempt: z.boolean(),
});
export type CountView = z.infer<typeof CountView>;

export const ConvictionPartyView = z.object({
  id: Id,
  convictionId: Id,
  role: ConvictionPartyRoleField,
  name: z.string(),
  notify: z.boolean(),
  notes: z.string().nullable(),
});
export type ConvictionPartyView = z.infer<typeof ConvictionPartyView>;

// ---- Sentence events and the derived sentence ----

const Months = z.number().int().min(1).max(1200).describe('Length in months');
/** Strict for input (unknown keys are refused); the view strips whatever else a stored term holds. */
const termUnion = (object: typeof z.strictObject | typeof z.object) =>
  z
    .discriminatedUnion('type', [
      object({ type: z.literal('death') }),
      object({ type: z.literal('lwop') }),
      object({ type: z.literal('life') }),
      object({
        type: z.literal('indeterminate'),
        minYears: z.number().int().min(1).max(100).describe('N of "N years to life"'),
      }),
      object({ type: z.literal('determinate'), months: Months }),
      object({ type: z.literal('probation'), months: Months }),
      object({ type: z.literal('county_jail'), months: Months }),
    ])
    .describe('A term: death, lwop, life, indeterminate (minYears), determinate, probation, county_jail (months)');
export const SentenceTermField = termUnion(z.strictObject);
const SentenceTermView = termUnion(z.object);

export const SentenceEventInput = z.strictObject({
  kind: SentenceEventKindField,
  date: Day,
  authority: AuthorityField.nullable().optional(),
  authorityName: Line(200).nullable().optional().describe('e.g. "Governor Gavin Newsom"'),
  term: SentenceTermField.nullable()
    .optional()
    .describe('The new term, for imposed, modified, resentenced and commuted'),
  executionMethod: ExecutionMethodField.nullable()
    .optional()
    .describe('For execution_method_set, or with a death sentence when imposed'),
  note: Paragraph(2000).nullable().optional(),
  documentId: Id.nullable().optional().describe("One of the person's documents: the order, the warrant, the grant"),
});
export type SentenceEventInput = z.infer<typeof SentenceEventInput>;

export const UpdateSentenceEventInput = z
  .strictObject({
    kind: SentenceEventKindField.optional(),
    date: Day.optional(),
    authority: AuthorityField.nullable().optional(),
    authorityName: Line(200).nullable().optional(),
    term: SentenceTermField.nullable().optional(),
    executionMethod: ExecutionMethodField.nullable().optional(),
    note: Paragraph(2000).nullable().optional(),
    documentId: Id.nullable().optional(),
  })
  .refine(hasAny, atLeastOne);
export type UpdateSentenceEventInput = z.infer<typeof UpdateSentenceEventInput>;

export const SentenceEventView = z.object({
  id: Id,
  convictionId: Id,
  position: z.number().int().describe('Order as entered, for events on the same day'),
  kind: SentenceEventKindField,
  date: DayOut,
  authority: AuthorityField.nullable(),
  authorityName: z.string().nullable(),
  term: SentenceTermView.nullable(),
  executionMethod: ExecutionMethodField.nullable(),
  note: z.string().nullable(),
  documentId: Id.nullable().describe('The document behind the event, if one is attached'),
  label: z.string().describe('The event in words'),
});
export type SentenceEventView = z.infer<typeof SentenceEventView>;

export const SENTENCE_STATUSES = [
  'active',
  'stayed',
  'suspended',
  'vacated',
  'pardoned',
  'paroled',
  'released',
  'discharged',
  'died',
  'executed',
] as const;
export const CurrentSentenceView = z
  .object({
    term: SentenceTermView,
    status: z.enum(SENTENCE_STATUSES),
    executionMethod: ExecutionMethodField.nullable(),
    since: DayOut.describe('Date of the event that brought about the current status'),
    commutedFrom: SentenceTermView.nullable(),
    label: z.string().describe('The sentence in words'),
  })
  .describe('Derived from the sentence events, never typed');
export type CurrentSentenceView = z.infer<typeof CurrentSentenceView>;

export const SentenceIssueView = z.object({
  eventId: z.string(),
  field: z.enum(['kind', 'date', 'term', 'executionMethod']),
  message: z.string(),
});

export const ConvictionView = z.object({
  id: Id,
  personId: Id,
  caseNumber: z.string().nullable(),
  court: z.string().nullable(),
  county: z.string().nullable(),
  jurisdiction: z.enum(CONVICTION_JURISDICTIONS),
  offenseStart: DayOut.nullable(),
  offenseEnd: DayOut.nullable(),
  convictionDate: DayOut.nullable(),
  disposition: z.enum(DISPOSITIONS).nullable(),
  enhancements: z.array(z.string()),
  specialCircumstances: z.array(z.string()),
  prosecutor: z.string().nullable(),
  defenseCounsel: z.string().nullable(),
  judge: z.string().nullable(),
  counts: z.array(CountView),
  parties: z.array(ConvictionPartyView).describe('Victims and survivors only for the legal team'),
  sentenceEvents: z.array(SentenceEventView).describe('In date order'),
  currentSentence: CurrentSentenceView.nullable(),
  sentenceIssues: z.array(SentenceIssueView).describe('Events that do not fit the history (from imports)'),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type ConvictionView = z.infer<typeof ConvictionView>;

export const SentenceHistoryView = z
  .object({
    convictionId: Id,
    event: SentenceEventView.nullable().describe('The event added or changed; null after a removal'),
    sentenceEvents: z.array(SentenceEventView).describe('In date order'),
    currentSentence: CurrentSentenceView.nullable(),
    sentenceIssues: z.array(SentenceIssueView),
  })
  .describe("A conviction's sentence history after a change, re-derived");
export type SentenceHistoryView = z.infer<typeof SentenceHistoryView>;

// ---- The person ----

export const PersonMatterView = z.object({
  id: Id,
  type: z.enum(MATTER_TYPES),
  title: z.string(),
  stage: z.string(),
  outcome: z.enum(MATTER_OUTCOMES),
  openedOn: DayOut,
  closedOn: DayOut.nullable(),
});

export const PersonViewerView = z
  .object({
    canWrite: z.boolean(),
    canReadRestricted: z.boolean().describe('Victims and survivors are shown (legal team)'),
    canWriteRestricted: z.boolean(),
  })
  .describe('What the caller may do with this person');

export const PersonView = z
  .object({
    id: Id,
    externalId: z.string().nullable(),
    legalName: z.string(),
    dateOfBirth: DayOut.nullable(),
    gender: z.string().nullable(),
    preferredLanguage: z.string().nullable(),
    status: PersonStatusField,
    phone: z.string().nullable(),
    email: z.string().nullable(),
    mailingAddress: z.string().nullable(),
    notes: z.string().nullable(),
    mailHold: MailHoldView.nullable(),
    photoDocumentId: Id.nullable().describe("The person's photo (a document of kind photo)"),
    createdBy: Id.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    aliases: z.array(AliasView),
    identifiers: z.array(IdentifierView),
    placements: z.array(PlacementView).describe('Newest first'),
    convictions: z.array(ConvictionView),
    matters: z.array(PersonMatterView).describe('The matters of the person the caller may see'),
    viewer: PersonViewerView,
  })
  .describe('Person');
export type PersonView = z.infer<typeof PersonView>;

export const DUPLICATE_REASONS = ['identifier', 'name', 'alias', 'date_of_birth'] as const;
export const PossibleDuplicateView = z.object({
  id: Id,
  legalName: z.string(),
  dateOfBirth: DayOut.nullable(),
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
  similarity: z.number().describe('Best trigram similarity of the names (0 to 1)'),
});
export type PossibleDuplicateView = z.infer<typeof PossibleDuplicateView>;

export const CreatedPersonView = z.object({
  person: PersonView,
  possibleDuplicates: z
    .array(PossibleDuplicateView)
    .describe('People you may see with a similar name or alias, the same birth date or an identifier'),
});

export const PersonSummary = z
  .object({
    id: Id,
    legalName: z.string(),
    dateOfBirth: DayOut.nullable(),
    status: PersonStatusField,
    hasMailHold: z.boolean(),
    currentPlacement: z
      .object({ facilityName: z.string(), housing: z.string().nullable(), fromDate: DayOut })
      .nullable(),
    identifiers: z.array(z.object({ system: IdentifierSystemField, value: z.string() })),
    createdAt: IsoDateTime,
  })
  .describe('Person in a list');
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PEOPLE_SORTS = ['name', '-name', 'created', '-created', 'dob', '-dob', 'relevance'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

const StatusList = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const parts = [
      ...new Set(
        s
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    ];
    const known = new Set<string>(PERSON_STATUSES);
    for (const p of parts) {
      if (!known.has(p)) {
        ctx.addIssue({ code: 'custom', message: `Unknown status "${p}" (use ${PERSON_STATUSES.join(', ')})` });
        return z.NEVER;
      }
    }
    return parts as PersonStatus[];
  })
  .describe('One or more statuses, comma-separated');

export const PeopleListQuery = PageQuery.extend({
  status: StatusList.optional(),
  name: z.string().trim().min(1).max(200).optional().describe('Fuzzy match on the name and aliases'),
  identifier: z.string().trim().min(1).max(100).optional().describe('An identifier in any system, as written'),
  facility: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Current facility: a facility id, or part of its name'),
  sort: z
    .enum(PEOPLE_SORTS)
    .optional()
    .describe('A leading "-" sorts descending; relevance (needs name) is the default with a name, else name'),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional().describe('Rows to skip (instead of cursor)'),
})
  .strict()
  .superRefine((v, ctx) => {
    if (v.cursor !== undefined && v.offset !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'Use either cursor or offset', path: ['offset'] });
    }
    if (v.sort === 'relevance' && !v.name) {
      ctx.addIssue({ code: 'custom', message: 'Sorting by relevance needs a name', path: ['sort'] });
    }
  });
export type PeopleListQuery = z.infer<typeof PeopleListQuery>;

export const PeoplePage = z.object({ items: z.array(PersonSummary), nextCursor: z.string().nullable() });

// ---- Timeline ----

const TimelineMarkView = z.object({
  id: z.string(),
  kind: z.union([SentenceEventKindField, z.literal('convicted')]),
  date: DayOut,
  label: z.string(),
  byline: z.string().nullable(),
  note: z.string().nullable(),
  issue: z.string().nullable().describe('Why the derivation skipped this event, if it did'),
});

export const PersonTimelineView = z
  .object({
    range: z.object({ from: DayOut, to: DayOut }).nullable(),
    today: DayOut,
    bands: z.array(
      z.object({
        id: Id,
        label: z.string(),
        facilityName: z.string(),
        housing: z.string().nullable(),
        from: DayOut,
        to: DayOut.describe('Today for the open placement'),
        isOpen: z.boolean(),
      }),
    ),
    tracks: z.array(
      z.object({
        convictionId: Id,
        label: z.string(),
        marks: z.array(TimelineMarkView),
        currentSentence: CurrentSentenceView.nullable(),
        issues: z.array(SentenceIssueView),
      }),
    ),
    visits: z
      .array(
        z.object({
          id: Id,
          status: z.enum(['scheduled', 'held']),
          date: DayOut,
          start: z.string().describe('ISO 8601'),
          end: z.string().nullable(),
          label: z.string(),
        }),
      )
      .describe('Scheduled and held legal visits, as marks'),
  })
  .describe('Custody placements as bands, sentence events as marks per conviction, legal visits as marks');
export type PersonTimelineView = z.infer<typeof PersonTimelineView>;

// ---- Activity ----

export const PersonActivityQuery = PageQuery.strict();
export type PersonActivityQuery = z.infer<typeof PersonActivityQuery>;
export const PersonActivityEntry = z.object({
  seq: z.number().int(),
  at: IsoDateTime,
  actorId: Id.nullable(),
  actorLabel: z.string(),
  action: z.string().describe('e.g. person.updated, placement.added, sentence_event.added, matter.stage_changed'),
  entityType: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type PersonActivityEntry = z.infer<typeof PersonActivityEntry>;
export const PersonActivityPage = z.object({ items: z.array(PersonActivityEntry), nextCursor: z.string().nullable() });

// ---- Saved views of lists ----

export const SAVED_VIEW_LISTS = ['people', 'matters', 'contacts', 'tasks'] as const;
export const SavedViewListField = z.enum(SAVED_VIEW_LISTS);
export const SavedViewsQuery = z.strictObject({ list: SavedViewListField });
export const SavedViewQueryField = z
  .record(z.string().max(50), z.union([z.string().max(500), z.number(), z.boolean()]))
  .refine((q) => Object.keys(q).length <= 30, 'At most 30 filters')
  .describe('The list filters as they appear in the URL');
export const CreateSavedViewInput = z.strictObject({
  list: SavedViewListField,
  name: Line(100),
  query: SavedViewQueryField,
});
export type CreateSavedViewInput = z.infer<typeof CreateSavedViewInput>;
export const SavedViewView = z.object({
  id: Id,
  list: SavedViewListField,
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  createdAt: IsoDateTime,
});
export type SavedViewView = z.infer<typeof SavedViewView>;
export const SavedViewList = z.object({ items: z.array(SavedViewView) });

export const SetPersonPhotoInput = z.strictObject({
  documentId: Id.nullable().describe("An image among the person's documents; null removes the photo"),
});
export type SetPersonPhotoInput = z.infer<typeof SetPersonPhotoInput>;
export const PersonPhotoView = z.object({ photoDocumentId: Id.nullable() });
