import { z } from 'zod';
import { isCalendarDate } from '../case-file/calendar-date.js';

/**
 * The common intake questionnaire of innocence and clemency work (domain.md 4.6: background,
 * conviction, claim, investigation history, trial, post-conviction history, evidence and its
 * testability, materials the applicant has). Every section and field is optional: staff fill it
 * progressively from a letter, a call or a returned paper questionnaire, and a family member fills
 * what they know on the public form.
 *
 * Text is plain text everywhere: a letter, an envelope or a PDF shows it as written, so markup has no
 * business in it and tag-like input is refused with "Plain text only".
 */

export const INTAKE_CHANNELS = ['mailed_letter', 'public_form', 'referral', 'phone_call'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
/** The channels staff record by hand; public_form intakes come only through the public endpoint. */
export const STAFF_INTAKE_CHANNELS = ['mailed_letter', 'referral', 'phone_call'] as const;
export type StaffIntakeChannel = (typeof STAFF_INTAKE_CHANNELS)[number];

export const INTAKE_CHANNEL_LABELS: Record<IntakeChannel, string> = {
  mailed_letter: 'Mailed letter',
  public_form: 'Public form',
  referral: 'Referral',
  phone_call: 'Phone call',
};

/** The languages an intake is handled in (forms, answers, OCR); other languages are noted as other. */
export const INTAKE_LANGUAGES = ['en', 'es', 'other'] as const;
export type IntakeLanguage = (typeof INTAKE_LANGUAGES)[number];

/** The languages the public form and its messages are written in. */
export const PUBLIC_FORM_LANGUAGES = ['en', 'es'] as const;
export type PublicFormLanguage = (typeof PUBLIC_FORM_LANGUAGES)[number];

export const PRISONER_NUMBER_SYSTEMS = ['cdcr', 'bop', 'county', 'other'] as const;
export type PrisonerNumberSystem = (typeof PRISONER_NUMBER_SYSTEMS)[number];

export const CLAIM_TYPES = [
  'actual_innocence',
  'wrongful_conviction_other',
  'excessive_sentence',
  'clemency',
  'parole',
  'other',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const CLAIM_TYPE_LABELS: Record<ClaimType, string> = {
  actual_innocence: 'Actual innocence',
  wrongful_conviction_other: 'Wrongful conviction (other grounds)',
  excessive_sentence: 'Excessive sentence',
  clemency: 'Clemency',
  parole: 'Parole',
  other: 'Other',
};

export const TRIAL_OR_PLEA = ['trial', 'plea', 'unknown'] as const;
export const DNA_TESTABLE = ['yes', 'no', 'unknown'] as const;
export const MATERIAL_KINDS = [
  'trial_transcript',
  'appeal_briefs',
  'police_reports',
  'court_decisions',
  'other',
] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const PLAIN_TEXT_MESSAGE = 'Plain text only';

/** A tag (`<b>`, `</p>`, `<!--`, `<?xml`) or a character reference (`&lt;`, `&#60;`): markup, not a letter. */
const MARKUP = /<\s*[a-z!?/]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});/i;
export const looksLikeMarkup = (s: string): boolean => MARKUP.test(s);

/** Control characters, line separators and bidirectional overrides hide or reorder text. */
const HIDDEN = /[\p{Cc}\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;

/** One line of plain text (a name, a number, a court). */
export const PlainLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine((s) => !HIDDEN.test(s), 'Must not contain control or invisible characters')
    .refine((s) => !looksLikeMarkup(s), PLAIN_TEXT_MESSAGE);

/** Plain text over several lines (line breaks and tabs allowed). */
export const PlainText = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .refine((s) => !HIDDEN.test(s.replace(/[\t\n\r]/g, '')), 'Must not contain control or invisible characters')
    .refine((s) => !looksLikeMarkup(s), PLAIN_TEXT_MESSAGE);

const Day = z
  .string()
  .refine(isCalendarDate, 'Not a real calendar date (YYYY-MM-DD)')
  .describe('Calendar date, YYYY-MM-DD');

/** A state's two-letter code, or US for a federal conviction. */
export const JurisdictionCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'A two-letter state code, or US for federal')
  .describe('Two-letter state code (CA, TX...), or US for a federal conviction');

const LONG = 10_000;

export const IntakeBackground = z.strictObject({
  name: PlainLine(200).optional().describe("The applicant's name as written"),
  aliases: z.array(PlainLine(200)).max(20, 'At most 20 names').optional(),
  prisonerNumber: PlainLine(64).optional().describe('CDCR number, BOP register number, booking number...'),
  numberSystem: z.enum(PRISONER_NUMBER_SYSTEMS).optional().describe('cdcr, bop, county or other'),
  facilityId: z.uuid().optional().describe('A facility from the directory'),
  facilityName: PlainLine(200).optional().describe('The facility as written, when it is not in the directory'),
  jurisdiction: JurisdictionCode.optional(),
  dateOfBirth: Day.optional(),
  language: z.enum(INTAKE_LANGUAGES).optional().describe('en, es or other'),
});

export const IntakeConviction = z.strictObject({
  offence: PlainText(1000).optional(),
  statutes: z.array(PlainLine(200)).max(50, 'At most 50 statutes').optional().describe('As written, e.g. "PC 187(a)"'),
  county: PlainLine(100).optional(),
  court: PlainLine(200).optional(),
  caseNumber: PlainLine(100).optional(),
  convictionDate: Day.optional(),
  sentence: PlainText(1000).optional(),
  coDefendants: z.array(PlainLine(200)).max(20, 'At most 20 names').optional(),
});

export const IntakeClaim = z.strictObject({
  innocenceClaim: PlainText(LONG).optional().describe('The claim in the applicant’s words'),
  claimType: z.enum(CLAIM_TYPES).optional(),
  whyWronglyConvicted: PlainText(LONG).optional(),
  alibi: PlainText(LONG).optional(),
});

export const IntakeTrial = z.strictObject({
  trialOrPlea: z.enum(TRIAL_OR_PLEA).optional(),
  defenceCounsel: PlainLine(200).optional(),
  keyEvidence: PlainText(LONG).optional(),
  witnesses: PlainText(LONG).optional(),
});

export const IntakePostConviction = z.strictObject({
  appeal: PlainText(LONG).optional(),
  habeas: PlainText(LONG).optional(),
  priorFilings: PlainText(LONG).optional(),
});

export const IntakeEvidence = z.strictObject({
  physicalEvidence: PlainText(LONG).optional(),
  dnaTestable: z.enum(DNA_TESTABLE).optional().describe('yes, no or unknown'),
  evidenceLocation: PlainText(2000).optional(),
});

export const IntakeMaterials = z.strictObject({
  has: z
    .array(z.enum(MATERIAL_KINDS))
    .max(MATERIAL_KINDS.length)
    .optional()
    .describe('trial_transcript, appeal_briefs, police_reports, court_decisions, other'),
  notes: PlainText(LONG).optional(),
});

export const IntakeQuestionnaire = z
  .strictObject({
    background: IntakeBackground.optional(),
    conviction: IntakeConviction.optional(),
    claim: IntakeClaim.optional(),
    investigationHistory: PlainText(LONG).optional().describe('Who investigated, what was found'),
    trial: IntakeTrial.optional(),
    postConviction: IntakePostConviction.optional(),
    evidence: IntakeEvidence.optional(),
    materials: IntakeMaterials.optional(),
  })
  .describe('The common intake questionnaire; every section optional, filled progressively');
export type IntakeQuestionnaire = z.infer<typeof IntakeQuestionnaire>;

/** The columns an intake keeps beside its questionnaire for the triage filters and duplicate search. */
export type IntakeSummaryFields = {
  applicantName: string | null;
  applicantDob: string | null;
  prisonerNumber: string | null;
  numberSystem: PrisonerNumberSystem | null;
  facilityId: string | null;
  jurisdiction: string | null;
  claimType: ClaimType | null;
  language: IntakeLanguage;
};

const blank = (s: string | undefined): string | null => (s !== undefined && s.trim() !== '' ? s.trim() : null);

export const intakeSummaryFields = (q: IntakeQuestionnaire): IntakeSummaryFields => ({
  applicantName: blank(q.background?.name),
  applicantDob: blank(q.background?.dateOfBirth),
  prisonerNumber: blank(q.background?.prisonerNumber),
  numberSystem: q.background?.numberSystem ?? null,
  facilityId: q.background?.facilityId ?? null,
  jurisdiction: blank(q.background?.jurisdiction),
  claimType: q.claim?.claimType ?? null,
  language: q.background?.language ?? 'en',
});

/**
 * A change to a questionnaire, section by section: a section given replaces the stored one whole, a
 * section set to null is removed, and a section left out is kept.
 */
export const IntakeQuestionnaireChange = z
  .strictObject({
    background: IntakeBackground.nullable().optional(),
    conviction: IntakeConviction.nullable().optional(),
    claim: IntakeClaim.nullable().optional(),
    investigationHistory: PlainText(LONG).nullable().optional(),
    trial: IntakeTrial.nullable().optional(),
    postConviction: IntakePostConviction.nullable().optional(),
    evidence: IntakeEvidence.nullable().optional(),
    materials: IntakeMaterials.nullable().optional(),
  })
  .describe('Sections to replace (null removes a section; sections left out are kept)');
export type IntakeQuestionnaireChange = z.infer<typeof IntakeQuestionnaireChange>;

export const mergeQuestionnaire = (
  current: IntakeQuestionnaire,
  change: IntakeQuestionnaireChange,
): IntakeQuestionnaire => {
  const merged: Record<string, unknown> = { ...current };
  for (const [section, value] of Object.entries(change)) {
    if (value === undefined) continue;
    if (value === null) delete merged[section];
    else merged[section] = value;
  }
  return merged as IntakeQuestionnaire;
};
