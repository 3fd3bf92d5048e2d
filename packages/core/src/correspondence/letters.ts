import { type CalendarDate, isCalendarDate } from '../case-file/calendar-date.js';
import { fail, ok, type Result } from '../errors.js';
import type { EnvelopeAddress } from './envelope.js';

/**
 * Letters from templates. Staff keep Word (DOCX) templates with merge fields written `{person_name}`;
 * Redress knows a catalogue of fields per template and fills them from the record. A template that
 * names a field outside the catalogue is refused with the field's name (never merged as a blank), and
 * a field the record cannot fill is printed as a rule for a hand-written entry.
 *
 * This module is pure: it builds the payload (every field's value, the letterhead, the marking); the
 * server merges the payload into the DOCX and lays the PDF out.
 */

export const LETTER_TEMPLATE_KEYS = [
  'acknowledgement',
  'decline_referral',
  'request_documents',
  'questionnaire_cover',
  'visit_confirmation',
  'attorney_visit_request',
] as const;
export type LetterTemplateKey = (typeof LETTER_TEMPLATE_KEYS)[number];

export const LETTER_LANGUAGES = ['en', 'es'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

export const LETTER_TEMPLATE_TITLES: Record<LetterTemplateKey, string> = {
  acknowledgement: 'Acknowledgement of a first letter',
  decline_referral: 'Decline with a referral',
  request_documents: 'Request for documents',
  questionnaire_cover: 'Questionnaire cover letter',
  visit_confirmation: 'Visit confirmation',
  attorney_visit_request: 'Attorney-visit request (15 CCR § 3178)',
};

export type LetterField = { name: string; description: string };

const COMMON_FIELDS: readonly LetterField[] = [
  { name: 'today', description: "The letter's date, written out in the letter's language" },
  { name: 'organisation_name', description: 'The name of the organisation (workspace settings)' },
  {
    name: 'person_name',
    description: 'The name the department holds the person under (committed name, else legal name)',
  },
  { name: 'person_first_name', description: "The first word of the person's name, for the salutation" },
  { name: 'person_number', description: 'The CDCR number or BOP register number' },
  { name: 'person_number_label', description: '"CDCR#" or "Reg. No.", matching the number' },
  { name: 'facility_name', description: 'The facility where the person is held now' },
  { name: 'housing', description: 'Housing unit or bed, when recorded' },
  { name: 'address_block', description: "The person's envelope address, one line each" },
  { name: 'intake_reference', description: 'The intake reference, for the reply to quote' },
  { name: 'sender_name', description: "The sender's name (attorney profile, else user name)" },
  { name: 'sender_title', description: 'The sender\'s title, e.g. "Attorney at Law"' },
  { name: 'sender_bar_number', description: "The sender's State Bar number" },
  { name: 'sender_phone', description: "The sender's telephone number" },
  { name: 'sender_email', description: "The sender's e-mail address" },
  { name: 'sender_address', description: "The sender's State Bar address, one line each" },
];

const VISIT_FIELDS: readonly LetterField[] = [
  { name: 'visit_date', description: 'The date of the visit' },
  { name: 'visit_time', description: 'The time of the visit' },
  { name: 'visitor_name', description: 'Who will visit' },
];

const SPECIFIC_FIELDS: Record<LetterTemplateKey, readonly LetterField[]> = {
  acknowledgement: [{ name: 'letter_date', description: 'The date of the letter being acknowledged' }],
  decline_referral: [
    { name: 'decline_reason', description: 'Why the organisation cannot take the case, in plain words' },
    { name: 'referral_organisation', description: 'The organisation the person is referred to' },
    { name: 'referral_address', description: "The referral organisation's mailing address" },
  ],
  request_documents: [
    { name: 'documents_requested', description: 'The documents asked for, one per line' },
    { name: 'reply_by', description: 'The date by which a reply would help' },
  ],
  questionnaire_cover: [{ name: 'reply_by', description: 'The date by which a reply would help' }],
  visit_confirmation: [...VISIT_FIELDS, { name: 'visit_purpose', description: 'What the visit is for' }],
  attorney_visit_request: [
    ...VISIT_FIELDS,
    { name: 'visit_alternative_dates', description: 'Other dates that would suit' },
    { name: 'litigation_coordinator', description: "The litigation coordinator's name or office" },
    { name: 'facility_address', description: "The facility's mailing address for staff" },
    { name: 'visitor_role', description: 'Attorney, investigator, law student, paralegal...' },
    { name: 'visitor_mailing_address', description: "The visitor's mailing address" },
    { name: 'visitor_dob', description: "The visitor's date of birth" },
    { name: 'visitor_id_number', description: "The visitor's driver's licence or state ID number" },
    { name: 'visitor_bar_number', description: "The visitor's (or supervising attorney's) State Bar number" },
    { name: 'visitor_bar_status', description: 'Bar standing, e.g. "Active, in good standing (California)"' },
  ],
};

/** The fields a template may use: the common ones and its own. */
export const letterFields = (template: LetterTemplateKey): readonly LetterField[] => [
  ...COMMON_FIELDS,
  ...SPECIFIC_FIELDS[template],
];

export const isLetterTemplateKey = (value: string): value is LetterTemplateKey =>
  (LETTER_TEMPLATE_KEYS as readonly string[]).includes(value);

/** The tags a template uses that are not in its catalogue, in the order first seen, once each. */
export const findUnknownFields = (tags: readonly string[], template: LetterTemplateKey): string[] => {
  const known = new Set(letterFields(template).map((f) => f.name));
  return [...new Set(tags.map((t) => t.trim()))].filter((t) => !known.has(t));
};

export const unknownFieldMessage = (unknown: readonly string[], template: LetterTemplateKey): string => {
  const names = unknown.map((u) => `{${u}}`).join(', ');
  const known = letterFields(template)
    .map((f) => f.name)
    .join(', ');
  return `The template uses ${names}, which Redress does not know: known fields are ${known}`;
};

/** What a field the record cannot fill prints as: a rule to write on, never a silent blank. */
export const BLANK_FIELD = '________________';

const MONTHS: Record<LetterLanguage, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
};

/** "March 5, 2025" / "5 de marzo de 2025". Text that is not a calendar date is returned as given. */
export const formatLetterDate = (date: string, language: LetterLanguage): string => {
  if (!isCalendarDate(date)) return date;
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const month = MONTHS[language][m - 1];
  return language === 'es' ? `${d} de ${month} de ${y}` : `${month} ${d}, ${y}`;
};

export type LetterSender = {
  name: string;
  title: string | null;
  barNumber: string | null;
  barState: string | null;
  addressLines: readonly string[];
  phone: string | null;
  email: string | null;
};

export type LetterPayloadInput = {
  template: LetterTemplateKey;
  language: LetterLanguage;
  today: CalendarDate;
  organisationName: string;
  /** The person written to, or null (an intake from someone not yet a person on record). */
  person: { name: string; facilityName: string | null; housing: string | null } | null;
  envelope: EnvelopeAddress | null;
  intake: { reference: string; name: string | null } | null;
  sender: LetterSender | null;
  /** The return-address block that qualifies the letter as legal mail; null for ordinary mail. */
  legalMailSender: readonly string[] | null;
  /** Values typed by staff; they fill (or override) catalogue fields. */
  fields?: Readonly<Record<string, string>>;
};

export type LetterPayload = {
  template: LetterTemplateKey;
  language: LetterLanguage;
  /** A value for every catalogue field of the template (BLANK_FIELD where nothing is known). */
  fields: Record<string, string>;
  /** Fields printed as BLANK_FIELD. */
  missing: string[];
  letterhead: {
    organisation: string;
    /** Legal mail: the attorney's name and title, then the State Bar address. */
    senderLines: string[];
    /** Legal mail: the jurisdiction's marking, at the top of the first page and on the envelope. */
    marking: string | null;
  };
};

const present = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Every field's value for a letter, from the record and what staff typed. Refuses typed fields that
 * the template's catalogue does not have, and legal mail without a qualifying return address.
 */
export const buildLetterPayload = (input: LetterPayloadInput): Result<LetterPayload> => {
  const catalogue = letterFields(input.template).map((f) => f.name);
  const typed = input.fields ?? {};
  const unknown = findUnknownFields(Object.keys(typed), input.template);
  if (unknown.length) {
    const names = unknown.map((u) => `{${u}}`).join(', ');
    const known = catalogue.join(', ');
    return fail(
      'invalid',
      'letter.unknown_field',
      `${names} ${unknown.length === 1 ? 'is not a field' : 'are not fields'} of the ${input.template} letter: known fields are ${known}`,
      { fields: unknown.join(', ') },
    );
  }
  const isLegalMail = input.legalMailSender !== null;
  if (isLegalMail && !input.envelope) {
    return fail(
      'unprocessable',
      'letter.legal_mail_needs_envelope',
      'Legal mail is marked by the rules of the jurisdiction that holds the person: the person needs a current CDCR or BOP placement with a mailing address',
    );
  }
  const envelope = input.envelope;
  const sender = input.sender;
  const lang = input.language;
  const name = input.person?.name ?? input.intake?.name ?? null;
  const derived: Record<string, string | null | undefined> = {
    today: formatLetterDate(input.today, lang),
    organisation_name: input.organisationName,
    person_name: name,
    person_first_name: name ? (name.trim().split(/\s+/)[0] ?? null) : null,
    person_number: envelope?.identifier.value,
    person_number_label: envelope ? (envelope.jurisdiction === 'CA' ? 'CDCR#' : 'Reg. No.') : null,
    facility_name: input.person?.facilityName,
    housing: input.person?.housing,
    address_block: envelope ? envelope.lines.join('\n') : null,
    intake_reference: input.intake?.reference,
    sender_name: sender?.name,
    sender_title: sender?.title,
    sender_bar_number: sender?.barNumber,
    sender_phone: sender?.phone,
    sender_email: sender?.email,
    sender_address: sender?.addressLines.length ? sender.addressLines.join('\n') : null,
  };
  const fields: Record<string, string> = {};
  const missing: string[] = [];
  for (const field of catalogue) {
    const typedValue = typed[field];
    let value = present(typedValue) ? typedValue.trim() : derived[field];
    if (present(value) && /(^|_)(date|dob)$|^reply_by$/.test(field)) value = formatLetterDate(value, lang);
    if (present(value)) fields[field] = value;
    else {
      fields[field] = BLANK_FIELD;
      missing.push(field);
    }
  }
  return ok({
    template: input.template,
    language: lang,
    fields,
    missing,
    letterhead: {
      organisation: input.organisationName,
      senderLines: isLegalMail ? [...(input.legalMailSender ?? [])] : [],
      marking: isLegalMail && envelope ? envelope.legalMail.marking : null,
    },
  });
};
