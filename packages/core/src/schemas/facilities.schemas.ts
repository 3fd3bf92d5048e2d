import { z } from 'zod';
import { Id, IsoDateTime, Line, PageQuery } from './common.js';

// The facility directory: state prisons and federal institutions, with the address their mailrooms take
// mail at for the people they hold, and the envelope address block for a person in custody.

export const FACILITY_JURISDICTIONS = ['CA', 'US', 'county', 'other'] as const;
export type FacilityJurisdiction = (typeof FACILITY_JURISDICTIONS)[number];
export const FACILITY_KINDS = [
  'prison',
  'medical_center',
  'detention_center',
  'transfer_center',
  'camp',
  'complex',
  'jail',
  'other',
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export const FacilityJurisdictionField = z
  .enum(FACILITY_JURISDICTIONS)
  .describe('CA: California (CDCR); US: Federal Bureau of Prisons; county: a county jail');
export const FacilityKindField = z.enum(FACILITY_KINDS).describe('Kind of facility');

const FacilityCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'Letters, digits and dashes, 2 to 32 characters (e.g. CDCR-SQ)')
  .describe('Stable code: CDCR-<institution> or BOP-<BOP facility code>');
const StateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Two-letter state or territory code')
  .describe('Two-letter state code');
const Zip = z
  .string()
  .trim()
  .regex(/^\d{5}(-\d{4})?$/, 'A ZIP code: 5 digits, or ZIP+4')
  .describe('ZIP code');
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().\-/x]{3,40}$/i, 'Digits, spaces and + ( ) - . / x only')
  .describe('Phone number');
const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required')
    .max(max, `At most ${max} characters`)
    .refine((s) => !/[^\P{Cc}\t\n\r]/u.test(s), 'Must not contain control characters');

export const FacilityIdParam = z.strictObject({ id: Id });

const BooleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const FacilityListQuery = PageQuery.extend({
  jurisdiction: FacilityJurisdictionField.optional(),
  kind: FacilityKindField.optional(),
  q: Line(200).optional().describe('Part of the name, code or city'),
  active: BooleanParam.optional().describe('true: open facilities only; false: closed ones only'),
}).strict();
export type FacilityListQuery = z.infer<typeof FacilityListQuery>;

/** The fields a person may set on a directory entry (all but code, name and jurisdiction are optional). */
const facilityFields = {
  kind: FacilityKindField,
  securityLevel: Line(100).nullable().describe('e.g. "low", "high", "I, III, IV"'),
  streetAddress: Line(200).nullable().describe('Physical street address (for visits, not for mail)'),
  city: Line(100).nullable(),
  state: StateCode.nullable(),
  zip: Zip.nullable(),
  mailLine1: Line(200)
    .nullable()
    .describe('Mailing address for incarcerated people: the P.O. Box (or street) line, e.g. "P.O. Box 7500"'),
  mailCity: Line(100).nullable(),
  mailState: StateCode.nullable(),
  mailZip: Zip.nullable(),
  mailNote: Text(2000)
    .nullable()
    .describe('What the mailing lines cannot say: boxes by yard, a legal-mail box, a camp box'),
  phone: Phone.nullable(),
  visitingInfo: Text(2000).nullable(),
  source: Text(500).nullable().describe('Where the entry comes from and when it was checked'),
  isActive: z.boolean().describe('False for a closed facility, kept for past placements'),
  isVerified: z.boolean().describe('Whether the entry was checked against the published source'),
};

type MailFields = {
  mailLine1?: string | null;
  mailCity?: string | null;
  mailState?: string | null;
  mailZip?: string | null;
};

/**
 * A mailing address is whole or absent: a box without its city, state and ZIP cannot be mailed to.
 * Returns field -> message for the missing parts.
 */
export const mailingAddressProblems = (f: MailFields): Record<string, string> => {
  const has = (v: string | null | undefined) => v !== null && v !== undefined && v !== '';
  if (![f.mailLine1, f.mailCity, f.mailState, f.mailZip].some(has)) return {};
  const problems: Record<string, string> = {};
  if (!has(f.mailCity)) problems.mailCity = 'Required with a mailing address';
  if (!has(f.mailState)) problems.mailState = 'Required with a mailing address';
  if (!has(f.mailZip)) problems.mailZip = 'Required with a mailing address';
  return problems;
};

const addMailIssues = (value: MailFields, ctx: z.RefinementCtx) => {
  for (const [path, message] of Object.entries(mailingAddressProblems(value))) {
    ctx.addIssue({ code: 'custom', message, path: [path] });
  }
};

export const CreateFacilityInput = z
  .strictObject({
    code: FacilityCode,
    name: Line(200).describe('Name as the department writes it, e.g. "FCI Beaumont Low"'),
    jurisdiction: FacilityJurisdictionField,
    ...facilityFields,
    kind: FacilityKindField.default('prison'),
    isActive: facilityFields.isActive.default(true),
    isVerified: facilityFields.isVerified.default(false),
  })
  .partial({
    securityLevel: true,
    streetAddress: true,
    city: true,
    state: true,
    zip: true,
    mailLine1: true,
    mailCity: true,
    mailState: true,
    mailZip: true,
    mailNote: true,
    phone: true,
    visitingInfo: true,
    source: true,
  })
  .superRefine(addMailIssues);
export type CreateFacilityInput = z.infer<typeof CreateFacilityInput>;

/** A change; the mailing address is checked whole against the entry it changes, in the use case. */
export const UpdateFacilityInput = z
  .strictObject({ name: Line(200), jurisdiction: FacilityJurisdictionField, ...facilityFields })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field' });
export type UpdateFacilityInput = z.infer<typeof UpdateFacilityInput>;

export const FacilityView = z
  .object({
    id: Id,
    code: z.string().nullable(),
    name: z.string(),
    jurisdiction: FacilityJurisdictionField,
    kind: z.string(),
    securityLevel: z.string().nullable(),
    streetAddress: z.string().nullable(),
    city: z.string().nullable(),
    state: z.string().nullable(),
    zip: z.string().nullable(),
    mailLine1: z.string().nullable(),
    mailCity: z.string().nullable(),
    mailState: z.string().nullable(),
    mailZip: z.string().nullable(),
    mailNote: z.string().nullable(),
    phone: z.string().nullable(),
    visitingInfo: z.string().nullable(),
    source: z.string().nullable(),
    isActive: z.boolean(),
    isVerified: z.boolean(),
    isEdited: z.boolean().describe('Changed by a person: the seeded directory no longer updates it'),
    updatedBy: Id.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .describe('Facility');
export type FacilityView = z.infer<typeof FacilityView>;
export const FacilityPage = z.object({ items: z.array(FacilityView), nextCursor: z.string().nullable() });
export type FacilityPage = z.infer<typeof FacilityPage>;

/** One entry of the seeded directory (packages/db/data/facilities/*.json). */
export const FacilityDirectoryEntry = z.strictObject({
  code: FacilityCode,
  name: Line(200),
  jurisdiction: z.enum(['CA', 'US']),
  kind: FacilityKindField,
  securityLevel: z.string().nullable(),
  streetAddress: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  zip: z.string().nullable(),
  mailLine1: z.string().nullable(),
  mailCity: z.string().nullable(),
  mailState: z.string().nullable(),
  mailZip: z.string().nullable(),
  mailNote: z.string().nullable(),
  phone: z.string().nullable(),
  visitingInfo: z.string().nullable(),
  isActive: z.boolean(),
  verified: z.boolean(),
  source: z.string(),
});
export type FacilityDirectoryEntry = z.infer<typeof FacilityDirectoryEntry>;
export const FacilityDirectoryFile = z.object({
  description: z.string(),
  retrieved: z.string(),
  facilities: z.array(FacilityDirectoryEntry),
});

export const EnvelopeView = z
  .object({
    personId: Id,
    jurisdiction: z.enum(['CA', 'US']),
    facility: z.object({ id: Id, code: z.string().nullable(), name: z.string() }),
    identifier: z.object({ system: z.enum(['cdcr', 'bop']), value: z.string() }),
    lines: z.array(z.string()).describe('The address block, top to bottom'),
    legalMail: z.object({
      marking: z.string().describe('What goes on the face of a legal-mail envelope'),
      authority: z.string(),
      senderRule: z.string().describe('What the return address must show'),
    }),
  })
  .describe('Envelope address');
export type EnvelopeView = z.infer<typeof EnvelopeView>;
