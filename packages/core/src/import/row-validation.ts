import { z } from 'zod';
import { type CalendarDate, isCalendarDate } from '../case-file/calendar-date.js';
import { normaliseIdentifier } from '../case-file/identifiers.js';
import {
  MATTER_OUTCOMES,
  MATTER_TYPE_LABELS,
  MATTER_TYPES,
  type MatterOutcome,
  type MatterType,
  PERSON_STATUSES,
  type PersonStatus,
} from '../case-file/matters.js';
import { normaliseName } from '../case-file/names.js';
import { Email, Line } from '../schemas/common.js';
import { ContactKindField } from '../schemas/contacts.schemas.js';
import { normaliseHeader, type ResolvedMapping } from './column-mapping.js';
import type { ImportKind } from './import-fields.js';

type ContactKind = z.infer<typeof ContactKindField>;
const CONTACT_KINDS = ContactKindField.options;

/** The identifier systems a people import fills, one column each. */
export type ImportedIdentifierSystem = 'cdcr' | 'bop' | 'county_booking';

/**
 * What a row says. A key that is absent means the cell was blank or its column not mapped: an import
 * never erases a value that is already stored (a blank cell says nothing).
 */
export type PersonImportRecord = {
  externalId: string;
  legalName: string;
  aliases?: string[];
  dateOfBirth?: CalendarDate;
  gender?: string;
  preferredLanguage?: string;
  status?: PersonStatus;
  identifiers: Partial<Record<ImportedIdentifierSystem, string>>;
  phone?: string;
  email?: string;
  mailingAddress?: string;
  notes?: string;
};

export type MatterImportRecord = {
  externalId: string;
  personExternalId: string;
  type: MatterType;
  title: string;
  /** The stage's name as the type's pipeline spells it. */
  stage?: string;
  decisionMaker?: string;
  openedOn?: CalendarDate;
  closedOn?: CalendarDate;
  outcome?: MatterOutcome;
  releaseDate?: CalendarDate;
};

export type ContactImportRecord = {
  externalId: string;
  kind?: ContactKind;
  name: string;
  organisation?: string;
  title?: string;
  email?: string;
  phone?: string;
  address?: string;
  notes?: string;
};

export type ImportRecordOf = {
  people: PersonImportRecord;
  matters: MatterImportRecord;
  contacts: ContactImportRecord;
};

/** One problem with one row: its line in the file, the field (null: the row as a whole) and why. */
export type RowError = { line: number; field: string | null; message: string };

export type ValidationContext = {
  /** Today's date where the team works: a date of birth after it is impossible. */
  today: CalendarDate;
  /** The pipeline of each matter type (the defaults, or the workspace's own). */
  stagesOf: (type: MatterType) => readonly string[];
};

export type RowValidation<R> = { ok: true; record: R } | { ok: false; errors: RowError[] };

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/;
const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const pad = (n: string, width: number) => n.padStart(width, '0');

/** A cell's value quoted in a message, cut short so a runaway cell does not flood the report. */
const quoted = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

/**
 * Dates as spreadsheets hold them: `YYYY-MM-DD` (also with / or . and a time of day, which is
 * dropped) or the US `M/D/YYYY`. Anything else, two-digit years and days that do not exist
 * (2023-02-30) are refused with a reason.
 */
export const parseSheetDate = (raw: string): { ok: true; value: CalendarDate } | { ok: false; message: string } => {
  const v = raw.trim();
  let y: string;
  let m: string;
  let d: string;
  const iso = ISO_DATE.exec(v);
  const us = US_DATE.exec(v);
  if (iso) [, y = '', m = '', d = ''] = iso;
  else if (us) [, m = '', d = '', y = ''] = us;
  else return { ok: false, message: `${quoted(v)} is not a date: write it as YYYY-MM-DD (e.g. 1971-04-23)` };
  if (y.length !== 4) return { ok: false, message: `${quoted(v)}: write the year with four digits` };
  const value = `${y}-${pad(m, 2)}-${pad(d, 2)}`;
  return isCalendarDate(value) ? { ok: true, value } : { ok: false, message: `${quoted(v)} is not a real date` };
};

const SheetDate = z.string().transform((v, ctx) => {
  const parsed = parseSheetDate(v);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

const enumKey = (v: string) => normaliseHeader(v).replace(/ /g, '_');

/** A value of a fixed list, written as its code or in words ("In custody", "Habeas corpus"). */
const enumCell = <T extends string>(values: readonly T[], synonyms: Record<string, T> = {}) =>
  z.string().transform((v, ctx) => {
    const key = enumKey(v);
    const hit = (values as readonly string[]).includes(key) ? (key as T) : synonyms[key];
    if (hit) return hit;
    ctx.addIssue({ code: 'custom', message: `Unknown value ${quoted(v)}: use one of ${values.join(', ')}` });
    return z.NEVER;
  });

const identifierCell = (system: ImportedIdentifierSystem) =>
  z.string().transform((v, ctx) => {
    const checked = normaliseIdentifier(system, v);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  });

// Line breaks and tabs are fine in addresses and notes; other control and invisible characters are not.
const HIDDEN = /(?![\t\n\r])\p{Cc}|[\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;
const MultilineText = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .refine((s) => !HIDDEN.test(s), 'Must not contain control or invisible characters');

// The same rules as the people and contacts APIs, so an imported record is one the API would accept.
const PersonPhone = Line(40);
const ContactPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().\-/x]{3,40}$/i, 'Digits, spaces and + ( ) - . / x only');
const ExternalId = Line(100);

const required = { error: (issue: { input: unknown }) => (issue.input === undefined ? 'Required' : undefined) };

const Aliases = z
  .string()
  .transform((v) => v.split(';').map((a) => a.trim()))
  .transform((names) => names.filter((a) => a.length > 0))
  .pipe(z.array(Line(200)).max(50, 'At most 50 aliases'))
  .transform((names) => {
    const seen = new Set<string>();
    return names.filter((a) => {
      const key = normaliseName(a);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

const STATUS_SYNONYMS: Record<string, PersonStatus> = {
  custody: 'in_custody',
  incarcerated: 'in_custody',
  in_prison: 'in_custody',
  in_jail: 'in_custody',
  free: 'released',
  freed: 'released',
  exonerated: 'released',
  parole: 'on_parole',
  paroled: 'on_parole',
  parolee: 'on_parole',
  dead: 'deceased',
  died: 'deceased',
};

const MATTER_TYPE_SYNONYMS: Record<string, MatterType> = {
  ...Object.fromEntries(MATTER_TYPES.map((t) => [enumKey(MATTER_TYPE_LABELS[t]), t])),
  commutation: 'state_commutation',
  clemency: 'state_commutation',
  federal_clemency: 'federal_commutation',
  innocence: 'innocence_investigation',
  dna: 'dna_testing',
  habeas_corpus: 'habeas',
  re_entry: 'reentry',
  parole: 'parole_hearing',
};

const CONTACT_KIND_SYNONYMS: Record<string, ContactKind> = {
  lab: 'laboratory',
  lawyer: 'attorney',
  counsel: 'attorney',
  press: 'journalist',
  reporter: 'journalist',
  relative: 'family',
  volunteer: 'supporter',
};

const personSchema = (ctx: ValidationContext) =>
  z
    .object({
      external_id: z.string(required).pipe(ExternalId),
      legal_name: z.string(required).pipe(Line(200)),
      aliases: Aliases.optional(),
      date_of_birth: SheetDate.refine((d) => d <= ctx.today, 'A date of birth cannot be in the future').optional(),
      gender: Line(60).optional(),
      preferred_language: Line(60).optional(),
      status: enumCell(PERSON_STATUSES, STATUS_SYNONYMS).optional(),
      cdcr_number: identifierCell('cdcr').optional(),
      bop_register_number: identifierCell('bop').optional(),
      county_booking_number: identifierCell('county_booking').optional(),
      phone: PersonPhone.optional(),
      email: Email.optional(),
      mailing_address: MultilineText(1000).optional(),
      notes: MultilineText(20_000).optional(),
    })
    .transform(
      (p): PersonImportRecord =>
        compact({
          externalId: p.external_id,
          legalName: p.legal_name,
          aliases: p.aliases?.length ? p.aliases : undefined,
          dateOfBirth: p.date_of_birth,
          gender: p.gender,
          preferredLanguage: p.preferred_language,
          status: p.status,
          identifiers: compact({
            cdcr: p.cdcr_number,
            bop: p.bop_register_number,
            county_booking: p.county_booking_number,
          }),
          phone: p.phone,
          email: p.email,
          mailingAddress: p.mailing_address,
          notes: p.notes,
        }),
    );

const matterSchema = (ctx: ValidationContext) =>
  z
    .object({
      external_id: z.string(required).pipe(ExternalId),
      person_external_id: z.string(required).pipe(ExternalId),
      type: z.string(required).pipe(enumCell(MATTER_TYPES, MATTER_TYPE_SYNONYMS)),
      title: z.string(required).pipe(Line(200)),
      stage: Line(100).optional(),
      decision_maker: Line(200).optional(),
      opened_on: SheetDate.optional(),
      closed_on: SheetDate.optional(),
      outcome: enumCell(MATTER_OUTCOMES).optional(),
      release_date: SheetDate.optional(),
    })
    .transform((m, issues): MatterImportRecord => {
      let stage: string | undefined;
      if (m.stage !== undefined) {
        const stages = ctx.stagesOf(m.type);
        stage = stages.find((s) => normaliseHeader(s) === normaliseHeader(m.stage ?? ''));
        if (!stage) {
          issues.addIssue({
            code: 'custom',
            path: ['stage'],
            message: `Not a stage of ${MATTER_TYPE_LABELS[m.type]}: use one of ${stages.join(', ')}`,
          });
        }
      }
      if (m.opened_on && m.closed_on && m.closed_on < m.opened_on) {
        issues.addIssue({
          code: 'custom',
          path: ['closed_on'],
          message: `Closed before it was opened (${m.opened_on})`,
        });
      }
      return compact({
        externalId: m.external_id,
        personExternalId: m.person_external_id,
        type: m.type,
        title: m.title,
        stage,
        decisionMaker: m.decision_maker,
        openedOn: m.opened_on,
        closedOn: m.closed_on,
        outcome: m.outcome,
        releaseDate: m.release_date,
      });
    });

const contactSchema = () =>
  z
    .object({
      external_id: z.string(required).pipe(ExternalId),
      kind: enumCell(CONTACT_KINDS, CONTACT_KIND_SYNONYMS).optional(),
      name: z.string(required).pipe(Line(200)),
      organisation: Line(200).optional(),
      title: Line(200).optional(),
      email: Email.optional(),
      phone: ContactPhone.optional(),
      address: MultilineText(1000).optional(),
      notes: MultilineText(10_000).optional(),
    })
    .transform(
      (c): ContactImportRecord =>
        compact({
          externalId: c.external_id,
          kind: c.kind,
          name: c.name,
          organisation: c.organisation,
          title: c.title,
          email: c.email,
          phone: c.phone,
          address: c.address,
          notes: c.notes,
        }),
    );

/** Drops keys whose value is undefined, so "absent" stays absent. */
const compact = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * Undoes the export's protection against formula injection (`'=...` back to `=...`), so a file
 * exported by Redress imports back unchanged. The value is stored as text either way, and made safe
 * again whenever it is exported.
 */
export const restoreFormulaText = (cell: string): string => cell.replace(/^'(?=[=+\-@\t\r])/, '');

/** The schemas of one import: built once per run, used for every row. */
export type RowValidator<K extends ImportKind> = (row: {
  line: number;
  cells: readonly string[];
}) => RowValidation<ImportRecordOf[K]>;

export const createRowValidator = <K extends ImportKind>(
  kind: K,
  mapping: ResolvedMapping,
  ctx: ValidationContext,
): RowValidator<K> => {
  const schema = (kind === 'people' ? personSchema(ctx) : kind === 'matters' ? matterSchema(ctx) : contactSchema()) as
    | z.ZodType<ImportRecordOf[K]>
    | z.ZodType<unknown>;
  return ({ line, cells }) => {
    if (cells.length > mapping.columnCount && cells.slice(mapping.columnCount).some((c) => c.trim() !== '')) {
      return {
        ok: false,
        errors: [
          {
            line,
            field: null,
            message: `This row has ${cells.length} cells but the header has ${mapping.columnCount} columns: is a comma missing its quotes?`,
          },
        ],
      };
    }
    const input: Record<string, string> = {};
    for (const { field, index } of mapping.columns) {
      const value = restoreFormulaText((cells[index] ?? '').trim());
      if (value !== '') input[field] = value;
    }
    const parsed = schema.safeParse(input);
    if (parsed.success) return { ok: true, record: parsed.data as ImportRecordOf[K] };
    const errors: RowError[] = [];
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? String(issue.path[0]) : null;
      // One message per field is enough to fix a cell.
      if (seen.has(String(field))) continue;
      seen.add(String(field));
      errors.push({ line, field, message: issue.message });
    }
    return { ok: false, errors };
  };
};
