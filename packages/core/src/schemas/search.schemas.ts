import { z } from 'zod';
import { isCalendarDate } from '../case-file/calendar-date.js';
import { CONFLICT_DECISIONS, CONFLICT_KINDS, CONFLICT_SUBJECT_KINDS } from '../case-file/conflicts.js';
import {
  SEARCH_LIMIT_DEFAULT,
  SEARCH_LIMIT_MAX,
  SEARCH_MATCHES,
  SEARCH_QUERY_MAX,
  SEARCH_QUERY_MIN,
  SEARCH_TYPES,
  type SearchType,
} from '../case-file/search-terms.js';
import { Id, IsoDateTime, Line } from './common.js';

// Global search and the conflict check.

const HIDDEN_CHARACTERS = /[\p{Cc}\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;

// ---- Search ----

export const SearchTypeField = z.enum(SEARCH_TYPES);

const SearchTypes = z
  .string()
  .max(100)
  .transform((s, ctx) => {
    const parts = [
      ...new Set(
        s
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    ];
    const known = new Set<string>(SEARCH_TYPES);
    const unknown = parts.filter((p) => !known.has(p));
    if (unknown.length > 0 || parts.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `Use one or more of ${SEARCH_TYPES.join(', ')}, comma-separated`,
      });
      return z.NEVER;
    }
    // Groups come back in the fixed order, whatever order they were asked in.
    return SEARCH_TYPES.filter((t) => parts.includes(t)) as SearchType[];
  })
  .describe(`What to search, comma-separated: ${SEARCH_TYPES.join(', ')} (default all)`);

export const SearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(SEARCH_QUERY_MIN, `At least ${SEARCH_QUERY_MIN} characters`)
    .max(SEARCH_QUERY_MAX, `At most ${SEARCH_QUERY_MAX} characters`)
    .refine((s) => !HIDDEN_CHARACTERS.test(s), 'Must not contain control or invisible characters')
    .describe('What to look for: a name or alias, an identifier (CDCR, BOP...), a title, words in notes'),
  types: SearchTypes.optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT).describe('Hits per type'),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const HighlightSegmentView = z.object({ text: z.string(), isMatch: z.boolean() });

export const SearchHit = z
  .object({
    id: Id,
    score: z.number().describe('Relevance within its group (higher is better; not comparable across groups)'),
    label: z.string().describe('Main line: the name, the title, or the passage of the note'),
    subLabel: z.string().nullable().describe('Second line: why it matched and where it belongs'),
    link: z.string().describe('Path in the web app, e.g. /people/{id} or /matters/{id}#note-{noteId}'),
    matchedOn: z.enum(SEARCH_MATCHES),
    matterId: Id.optional().describe('Notes: the matter the note is in'),
    personId: Id.optional().describe('Documents: the person whose record holds the document'),
    highlights: z
      .array(HighlightSegmentView)
      .optional()
      .describe('Notes and documents: the passage as plain-text segments, the matched words marked'),
  })
  .describe('Search hit');
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroup = z.object({
  type: SearchTypeField,
  items: z.array(SearchHit),
  hasMore: z.boolean().describe('More hits than the limit'),
});
export type SearchGroup = z.infer<typeof SearchGroup>;

export const SearchResponse = z
  .object({
    q: z.string(),
    groups: z
      .array(SearchGroup)
      .describe('One group per type asked for, in a fixed order; intakes only for those who may triage intakes'),
  })
  .describe('Search results');
export type SearchResponse = z.infer<typeof SearchResponse>;

// ---- Conflict check ----

export const ConflictKindField = z.enum(CONFLICT_KINDS);
export const ConflictDecisionField = z
  .enum(CONFLICT_DECISIONS)
  .describe('no_conflict, conflict_waived (needs a note) or conflict');

export const ConflictCheckIdParam = z.strictObject({ id: Id });

export const RunConflictCheckInput = z.strictObject({
  subjectKind: z.enum(CONFLICT_SUBJECT_KINDS).describe('What is being added: a person, a contact or a party'),
  name: Line(200)
    .refine((s) => s.replace(/[^\p{L}\p{N}]/gu, '').length >= 2, 'At least 2 letters or digits')
    .describe('The name to check, as written'),
  dateOfBirth: z
    .string()
    .refine(isCalendarDate, 'Not a real calendar date (YYYY-MM-DD)')
    .nullable()
    .optional()
    .describe('Lifts a client with the same date of birth to the top'),
});
export type RunConflictCheckInput = z.infer<typeof RunConflictCheckInput>;

export const DecideConflictCheckInput = z
  .strictObject({
    decision: ConflictDecisionField,
    note: z
      .string()
      .max(2000, 'At most 2000 characters')
      .refine((s) => !/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.test(s.replace(/[\t\n\r]/g, '')), {
        message: 'Must not contain control or invisible characters',
      })
      .nullable()
      .optional()
      .describe('Why; required to waive a conflict'),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'conflict_waived' && !v.note?.trim()) {
      ctx.addIssue({ code: 'custom', message: 'Say why the conflict is waived', path: ['note'] });
    }
  });
export type DecideConflictCheckInput = z.infer<typeof DecideConflictCheckInput>;

/** The stored form of a match (the `matches` column), read back through this schema. */
export const StoredConflictMatchRecord = z.object({
  kind: ConflictKindField,
  name: z.string(),
  matchedAlias: z.string().optional(),
  similarity: z.number(),
  personId: z.string().optional(),
  contactId: z.string().optional(),
  isSameDateOfBirth: z.boolean(),
  matters: z.array(z.object({ id: z.string(), title: z.string() })),
});

export const ConflictMatchView = z
  .object({
    kind: ConflictKindField,
    name: z.string().nullable().describe('Null when withheld: a restricted party outside your legal team'),
    label: z.string().describe('What to show: the name, or "Restricted party" when it is withheld'),
    isRestricted: z.boolean().describe('A victim or survivor'),
    isNameWithheld: z.boolean(),
    matchedAlias: z.string().optional().describe('The alias that matched, for a client'),
    similarity: z.number().describe('0 to 1 (one decimal when the name is withheld)'),
    personId: Id.optional().describe('The client, or the person whose conviction names the party, if you may see them'),
    contactId: Id.optional(),
    isSameDateOfBirth: z.boolean(),
    matters: z
      .array(
        z.object({
          id: Id,
          title: z.string().nullable().describe('Null when the matter is not visible to you'),
          isVisible: z.boolean(),
          label: z.string().describe('The title, or a short reference to a matter you cannot open'),
        }),
      )
      .describe('The matters involved'),
    summary: z.string().describe('One readable line'),
  })
  .describe('Conflict match');

const UserRef = z.object({ id: Id, name: z.string() });

export const ConflictCheckView = z
  .object({
    id: Id,
    subjectKind: z.enum(CONFLICT_SUBJECT_KINDS),
    subjectName: z.string(),
    checkedBy: UserRef.nullable(),
    checkedAt: IsoDateTime,
    matches: z.array(ConflictMatchView),
    decision: z
      .object({
        decision: ConflictDecisionField,
        note: z.string().nullable(),
        decidedBy: UserRef.nullable(),
        decidedAt: IsoDateTime,
      })
      .nullable()
      .describe('Null until someone records a decision'),
  })
  .describe('Conflict check');
export type ConflictCheckView = z.infer<typeof ConflictCheckView>;
