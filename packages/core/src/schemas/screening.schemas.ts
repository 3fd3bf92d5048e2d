import { z } from 'zod';
import { isCalendarDate } from '../case-file/calendar-date.js';
import { PATHWAY_IDS, SCREENING_STATUSES } from '../screening/pathways.js';
import { ScreeningConviction, ScreeningSubject } from '../screening/screening-subject.js';
import { Id, IsoDateTime, Line, PageQuery } from './common.js';

// Relief screening over HTTP: one person from the case file, and screening runs over uploaded rosters.

const Day = z.iso
  .date({ message: 'Use a real date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, 'Use a real date as YYYY-MM-DD')
  .describe('Calendar date, YYYY-MM-DD');

export const PathwayField = z.enum(PATHWAY_IDS).describe('Relief pathway id (screening-format.md)');
export const ScreeningStatusField = z.enum(SCREENING_STATUSES).describe('Screening status');

const RuleTraceBody = z.object({
  rule_id: z.string(),
  role: z.string(),
  outcome: z.enum(['held', 'failed', 'unknown', 'pending', 'not_applicable']),
  date: z.string().optional(),
  reason: z.string(),
  citations: z.array(z.string()),
  missing: z.array(z.string()).optional(),
});

export const PathwayResultBody = z
  .object({
    pathway: PathwayField,
    status: ScreeningStatusField,
    eligible_from: z.string().nullable(),
    rule_ids: z.array(z.string()),
    reasons: z.array(z.string()),
    citations: z.array(z.string()),
    missing_facts: z.array(z.string()),
    dates: z.record(z.string(), z.string()).optional(),
    flags: z.array(z.string()).optional(),
    overlays: z
      .array(
        z.object({
          overlay: z.string(),
          title: z.string(),
          matches: z.boolean().nullable(),
          reasons: z.array(z.string()),
        }),
      )
      .optional(),
    trace: z.array(RuleTraceBody).optional(),
  })
  .describe('One pathway for one person: status, date, reasons and citations');
export type PathwayResultBody = z.infer<typeof PathwayResultBody>;

export const PathwayInfo = z.object({
  id: PathwayField,
  title: z.string(),
  jurisdiction: z.enum(['CA', 'US']),
  matterType: z.string(),
});

// ---- One person, from the case file ----

export const PersonScreeningQuery = z.strictObject({
  asOf: Day.optional().describe("The date to screen on; today's date when absent"),
});

/**
 * Facts that screening needs and the rest of the case file does not hold (sentencing schemes,
 * theory of liability, medical determinations...). Conviction facts are keyed by conviction id.
 */
export const ConvictionScreeningFacts = ScreeningConviction.pick({
  theory_of_liability: true,
  findings: true,
  felony: true,
  sex_offense: true,
  crime_of_violence: true,
  drug: true,
  sentenced_under: true,
  fsa_2010_applied_at_sentencing: true,
  sentence_completed: true,
  victim: true,
  controlling: true,
  term_months: true,
}).partial();

export const PersonScreeningFacts = ScreeningSubject.pick({
  sentencing_schemes: true,
  prior_strikes: true,
  prior_super_strikes: true,
  prior_felony_convictions: true,
  pc290_registrant: true,
  criminal_history: true,
  medical: true,
  bop_request: true,
  prior_404_motion: true,
  pending_litigation: true,
  charging_document_allowed_imputed_malice: true,
  referral: true,
})
  .extend({
    jurisdiction: z
      .enum(['CA', 'US'])
      .nullish()
      .describe('Which law screens this person; from the convictions when absent'),
    custody_start: Day.nullish().describe('Start of continuous creditable custody; from placements when absent'),
    custody_continuous: z.boolean().nullish(),
    expected_release_date: Day.nullish(),
    convictions: z.record(Id, ConvictionScreeningFacts).optional(),
  })
  .strict()
  .describe('Screening facts the case file does not otherwise hold');
export type PersonScreeningFacts = z.infer<typeof PersonScreeningFacts>;

export const MissingFactBody = z.object({
  field: z.string().describe('Input field, e.g. custody.continuous or convictions[].theory_of_liability'),
  label: z.string(),
  /** Where a user fills it in: the screening facts form, or a part of the case file. */
  where: z.enum(['screening_facts', 'person', 'convictions', 'placements', 'sentence_events']),
  pathways: z.array(PathwayField),
});

export const PersonScreeningBody = z.object({
  personId: Id,
  asOf: z.string(),
  ruleBookVersion: z.string(),
  jurisdiction: z.enum(['CA', 'US']).nullable(),
  /** Why the person could not be screened (no conviction recorded...), when that is so. */
  unavailableReason: z.string().nullable(),
  results: z.array(PathwayResultBody),
  missingFacts: z.array(MissingFactBody),
  warnings: z.array(z.string()),
  pathways: z.array(PathwayInfo),
});
export type PersonScreeningBody = z.infer<typeof PersonScreeningBody>;

export const OpenMatterFromScreeningInput = z.strictObject({
  pathway: PathwayField,
  asOf: Day.optional(),
});
export const OpenedMatterBody = z.object({ matterId: Id, type: z.string(), title: z.string() });

// ---- Screening runs over rosters ----

export const SCREENING_RUN_STATES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;

export const ScreeningRunBody = z.object({
  id: Id,
  name: z.string(),
  asOf: z.string(),
  pathways: z.array(PathwayField).nullable().describe('Pathways screened; all when null'),
  state: z.enum(SCREENING_RUN_STATES),
  fileName: z.string(),
  fileBytes: z.number().int(),
  bytesRead: z.number().int().describe('Progress: bytes of the roster read so far'),
  peopleScreened: z.number().int(),
  rowErrors: z.number().int(),
  failureReason: z.string().nullable(),
  ruleBookVersion: z.string(),
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: IsoDateTime,
  startedAt: IsoDateTime.nullable(),
  finishedAt: IsoDateTime.nullable(),
  /** People by pathway and status, and how many become eligible in the 12 months after as_of. */
  summary: z
    .object({
      byPathway: z.record(z.string(), z.record(z.string(), z.number().int())),
      eligibleWithin12Months: z.number().int(),
    })
    .nullable(),
});
export type ScreeningRunBody = z.infer<typeof ScreeningRunBody>;

export const ScreeningRunList = z.object({ items: z.array(ScreeningRunBody), nextCursor: z.string().nullable() });
export const ScreeningRunIdParam = z.strictObject({ id: Id });

export const ScreeningRunFields = z.strictObject({
  name: Line(200).optional(),
  asOf: Day.optional(),
  pathways: z.array(PathwayField).optional(),
});

export const SCREENING_RESULT_SORTS = ['eligible_from', '-eligible_from', 'subject', 'status'] as const;

export const ScreeningResultQuery = PageQuery.extend({
  pathway: PathwayField.optional(),
  status: z
    .union([ScreeningStatusField, z.array(ScreeningStatusField)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  eligibleBy: Day.optional().describe('Only results eligible on or before this date'),
  q: z.string().trim().max(200).optional().describe('Subject id or name contains'),
  sort: z.enum(SCREENING_RESULT_SORTS).default('eligible_from'),
});

export const ScreeningResultRow = z.object({
  subjectId: z.string(),
  name: z.string().nullable(),
  line: z.number().int().describe('Line of the roster where the person starts'),
  result: PathwayResultBody,
});
export const ScreeningResultList = z.object({
  items: z.array(ScreeningResultRow),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});

export const ScreeningRowError = z.object({
  line: z.number().int(),
  subjectId: z.string().nullable(),
  message: z.string(),
});
export const ScreeningRowErrorList = z.object({ items: z.array(ScreeningRowError), total: z.number().int() });

export const ScreeningExportQuery = z.strictObject({ format: z.enum(['csv', 'jsonl']).default('csv') });

export const ScreeningCompareQuery = z.strictObject({
  with: Id.describe('The earlier run to compare with'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const ScreeningChange = z.object({
  subjectId: z.string(),
  name: z.string().nullable(),
  pathway: PathwayField,
  kind: z.enum(['new', 'changed', 'gone']),
  before: z.object({ status: ScreeningStatusField, eligible_from: z.string().nullable() }).nullable(),
  after: z.object({ status: ScreeningStatusField, eligible_from: z.string().nullable() }).nullable(),
});
export const ScreeningComparison = z.object({
  counts: z.object({ new: z.number().int(), changed: z.number().int(), gone: z.number().int() }),
  items: z.array(ScreeningChange),
});

export const OpenIntakeFromScreeningParam = z.strictObject({ id: Id, subjectId: z.string().min(1).max(200) });
export const OpenedPersonBody = z.object({ personId: Id });
