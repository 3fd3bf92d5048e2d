import type { z } from 'zod';
import { type PublicIntakeFormView, PublicIntakeInput } from '../schemas/intakes.schemas.js';
import {
  CLAIM_TYPES,
  type ClaimType,
  DNA_TESTABLE,
  MATERIAL_KINDS,
  type MaterialKind,
  PRISONER_NUMBER_SYSTEMS,
  type PublicFormLanguage,
} from './intake-questionnaire.js';

/**
 * The public intake form: a family member or advocate writes in for someone in prison, without
 * signing in, in English or Spanish. No third-party spam service: a honeypot field, rate and size
 * limits at the edge, and plain text only (tags are refused with a field message). Field messages come
 * back in the language of the submission.
 */

/** Longest body the public form accepts (a full questionnaire in plain text fits several times over). */
export const PUBLIC_INTAKE_MAX_BYTES = 32 * 1024;
/** Submissions per address per hour, and from everyone together per hour. */
export const PUBLIC_INTAKE_PER_ADDRESS_PER_HOUR = 5;
export const PUBLIC_INTAKE_TOTAL_PER_HOUR = 100;

export type PublicIntakeParse =
  | { kind: 'accepted'; language: PublicFormLanguage; value: PublicIntakeInput }
  /** The honeypot was filled: answer as if received, store nothing. */
  | { kind: 'honeypot'; language: PublicFormLanguage }
  | { kind: 'invalid'; language: PublicFormLanguage; message: string; details: Record<string, string> };

const SPANISH_MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Required$/, () => 'Obligatorio'],
  [/^Plain text only$/, () => 'Solo texto sin formato (sin HTML)'],
  [/^At most (\d+) characters$/, (m) => `Como máximo ${m[1]} caracteres`],
  [/^At most (\d+) (names|statutes)$/, (m) => `Como máximo ${m[1]} ${m[2] === 'names' ? 'nombres' : 'artículos'}`],
  [/^Must not contain control or invisible characters$/, () => 'No debe contener caracteres de control o invisibles'],
  [/^Not a real calendar date/, () => 'No es una fecha válida (AAAA-MM-DD)'],
  [/^A two-letter state code, or US for federal$/, () => 'Código de estado de dos letras, o US si es federal'],
  [/^Unknown field$/, () => 'Campo desconocido'],
  [/^Invalid option/, () => 'Elija una de las opciones'],
  [/^Invalid input: expected string/, () => 'Debe ser texto'],
  [/^Invalid input: expected array/, () => 'Debe ser una lista'],
  [/^Invalid input: expected object/, () => 'Falta esta sección'],
];

/** A field message in the form's language (English messages are the schema's own). */
export const publicFieldMessage = (message: string, language: PublicFormLanguage): string => {
  if (language === 'en') return message;
  for (const [pattern, translate] of SPANISH_MESSAGES) {
    const m = message.match(pattern);
    if (m) return translate(m);
  }
  return 'Valor no válido';
};

const INVALID_MESSAGE: Record<PublicFormLanguage, string> = {
  en: 'Some fields are not valid',
  es: 'Algunos campos no son válidos',
};

const detailsOf = (error: z.ZodError, language: PublicFormLanguage): Record<string, string> => {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        details[[path === '_' ? '' : path, key].filter(Boolean).join('.')] = publicFieldMessage(
          'Unknown field',
          language,
        );
      }
      continue;
    }
    details[path] ??= publicFieldMessage(issue.message, language);
  }
  return details;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The language a submission asks for, read before validation so even a broken body is answered in it. */
export const publicFormLanguageOf = (raw: unknown): PublicFormLanguage =>
  isRecord(raw) && raw.language === 'es' ? 'es' : 'en';

/**
 * Reads a public submission. The honeypot is looked at first: a bot that fills every field gets the
 * same answer as a person, and nothing is stored. Then the schema, with messages in the form's language.
 */
export const parsePublicIntake = (raw: unknown): PublicIntakeParse => {
  const language = publicFormLanguageOf(raw);
  if (isRecord(raw) && raw.website !== undefined && raw.website !== null && String(raw.website).trim() !== '') {
    return { kind: 'honeypot', language };
  }
  if (!isRecord(raw)) {
    return {
      kind: 'invalid',
      language,
      message: INVALID_MESSAGE[language],
      details: { _: publicFieldMessage('Required', language) },
    };
  }
  const parsed = PublicIntakeInput.safeParse(raw);
  if (!parsed.success) {
    return {
      kind: 'invalid',
      language,
      message: INVALID_MESSAGE[language],
      details: detailsOf(parsed.error, language),
    };
  }
  return { kind: 'accepted', language, value: parsed.data };
};

// ---- The form's labels ----

type Field = PublicIntakeFormView['fields'][number];
type Labels = { label: string; help?: string };

const CLAIM_LABELS: Record<PublicFormLanguage, Record<ClaimType, string>> = {
  en: {
    actual_innocence: 'Innocent of the crime',
    wrongful_conviction_other: 'Wrongly convicted for another reason',
    excessive_sentence: 'The sentence is too long',
    clemency: 'Clemency (commutation or pardon)',
    parole: 'Parole',
    other: 'Something else',
  },
  es: {
    actual_innocence: 'Inocente del delito',
    wrongful_conviction_other: 'Condenado injustamente por otra razón',
    excessive_sentence: 'La condena es demasiado larga',
    clemency: 'Clemencia (conmutación o indulto)',
    parole: 'Libertad condicional',
    other: 'Otra cosa',
  },
};

const MATERIAL_LABELS: Record<PublicFormLanguage, Record<MaterialKind, string>> = {
  en: {
    trial_transcript: 'Trial transcript',
    appeal_briefs: 'Appeal briefs',
    police_reports: 'Police reports',
    court_decisions: 'Court decisions',
    other: 'Other papers',
  },
  es: {
    trial_transcript: 'Transcripción del juicio',
    appeal_briefs: 'Escritos de apelación',
    police_reports: 'Informes policiales',
    court_decisions: 'Decisiones judiciales',
    other: 'Otros documentos',
  },
};

const NUMBER_SYSTEM_LABELS: Record<PublicFormLanguage, Record<(typeof PRISONER_NUMBER_SYSTEMS)[number], string>> = {
  en: { cdcr: 'CDCR (California)', bop: 'Federal Bureau of Prisons', county: 'County jail', other: 'Other' },
  es: { cdcr: 'CDCR (California)', bop: 'Buró Federal de Prisiones', county: 'Cárcel del condado', other: 'Otro' },
};

const DNA_LABELS: Record<PublicFormLanguage, Record<(typeof DNA_TESTABLE)[number], string>> = {
  en: { yes: 'Yes', no: 'No', unknown: 'I do not know' },
  es: { yes: 'Sí', no: 'No', unknown: 'No sé' },
};

const TEXT: Record<
  PublicFormLanguage,
  { title: string; introduction: string; submit: string; received: string; fields: Record<string, Labels> }
> = {
  en: {
    title: 'Ask us to look at a case',
    introduction:
      'Tell us about the person in prison. Write in plain words; you do not need every answer. We read every request and answer by mail.',
    submit: 'Send',
    received: 'Thank you. We received your request. Your reference is',
    fields: {
      'submittedBy.name': { label: 'Your name' },
      'submittedBy.relationship': { label: 'How you know the person', help: 'For example: mother, friend, advocate' },
      'submittedBy.contact': { label: 'How we can reach you', help: 'Phone, email or postal address' },
      'questionnaire.background.name': { label: 'Name of the person in prison' },
      'questionnaire.background.prisonerNumber': { label: 'Prison number', help: 'CDCR number or register number' },
      'questionnaire.background.numberSystem': { label: 'Prison system' },
      'questionnaire.background.facilityName': { label: 'Prison or jail' },
      'questionnaire.background.jurisdiction': { label: 'State of the conviction', help: 'Two letters; US if federal' },
      'questionnaire.background.dateOfBirth': { label: 'Date of birth', help: 'YYYY-MM-DD' },
      'questionnaire.conviction.offence': { label: 'Crime convicted of' },
      'questionnaire.conviction.county': { label: 'County' },
      'questionnaire.conviction.caseNumber': { label: 'Case number' },
      'questionnaire.conviction.convictionDate': { label: 'Date of conviction', help: 'YYYY-MM-DD' },
      'questionnaire.conviction.sentence': { label: 'Sentence' },
      'questionnaire.claim.claimType': { label: 'What kind of help is needed' },
      'questionnaire.claim.innocenceClaim': { label: 'What happened, in your words' },
      'questionnaire.claim.whyWronglyConvicted': { label: 'Why the conviction is wrong' },
      'questionnaire.evidence.dnaTestable': { label: 'Is there evidence that could be tested for DNA?' },
      'questionnaire.materials.has': { label: 'Papers the person or family has' },
    },
  },
  es: {
    title: 'Pídanos que revisemos un caso',
    introduction:
      'Cuéntenos sobre la persona en prisión. Escriba con palabras sencillas; no hace falta contestar todo. Leemos cada solicitud y contestamos por correo.',
    submit: 'Enviar',
    received: 'Gracias. Recibimos su solicitud. Su número de referencia es',
    fields: {
      'submittedBy.name': { label: 'Su nombre' },
      'submittedBy.relationship': { label: 'Su relación con la persona', help: 'Por ejemplo: madre, amigo, defensor' },
      'submittedBy.contact': {
        label: 'Cómo podemos contactarle',
        help: 'Teléfono, correo electrónico o dirección postal',
      },
      'questionnaire.background.name': { label: 'Nombre de la persona en prisión' },
      'questionnaire.background.prisonerNumber': { label: 'Número de preso', help: 'Número de CDCR o de registro' },
      'questionnaire.background.numberSystem': { label: 'Sistema penitenciario' },
      'questionnaire.background.facilityName': { label: 'Prisión o cárcel' },
      'questionnaire.background.jurisdiction': { label: 'Estado de la condena', help: 'Dos letras; US si es federal' },
      'questionnaire.background.dateOfBirth': { label: 'Fecha de nacimiento', help: 'AAAA-MM-DD' },
      'questionnaire.conviction.offence': { label: 'Delito de la condena' },
      'questionnaire.conviction.county': { label: 'Condado' },
      'questionnaire.conviction.caseNumber': { label: 'Número de caso' },
      'questionnaire.conviction.convictionDate': { label: 'Fecha de la condena', help: 'AAAA-MM-DD' },
      'questionnaire.conviction.sentence': { label: 'Condena' },
      'questionnaire.claim.claimType': { label: 'Qué tipo de ayuda se necesita' },
      'questionnaire.claim.innocenceClaim': { label: 'Qué pasó, en sus palabras' },
      'questionnaire.claim.whyWronglyConvicted': { label: 'Por qué la condena es injusta' },
      'questionnaire.evidence.dnaTestable': { label: '¿Hay pruebas que se puedan analizar para ADN?' },
      'questionnaire.materials.has': { label: 'Documentos que tiene la persona o la familia' },
    },
  },
};

const REQUIRED_FIELDS = new Set(['submittedBy.name', 'submittedBy.contact', 'questionnaire.background.name']);

const optionsOf = (path: string, language: PublicFormLanguage): Field['options'] => {
  const list = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
    keys.map((value) => ({ value, label: labels[value] }));
  switch (path) {
    case 'questionnaire.background.numberSystem':
      return list(PRISONER_NUMBER_SYSTEMS, NUMBER_SYSTEM_LABELS[language]);
    case 'questionnaire.claim.claimType':
      return list(CLAIM_TYPES, CLAIM_LABELS[language]);
    case 'questionnaire.evidence.dnaTestable':
      return list(DNA_TESTABLE, DNA_LABELS[language]);
    case 'questionnaire.materials.has':
      return list(MATERIAL_KINDS, MATERIAL_LABELS[language]);
    default:
      return null;
  }
};

/** The labels of the public form in one language, in the order the page shows them. */
export const publicIntakeForm = (language: PublicFormLanguage): PublicIntakeFormView => {
  const text = TEXT[language];
  return {
    language,
    title: text.title,
    introduction: text.introduction,
    submit: text.submit,
    received: text.received,
    fields: Object.entries(text.fields).map(([path, l]) => ({
      path,
      label: l.label,
      help: l.help ?? null,
      isRequired: REQUIRED_FIELDS.has(path),
      options: optionsOf(path, language),
    })),
  };
};
