import {
  CLAIM_TYPES,
  DNA_TESTABLE,
  INTAKE_LANGUAGES,
  type IntakeQuestionnaire,
  type IntakeQuestionnaireChange,
  MATERIAL_KINDS,
  PRISONER_NUMBER_SYSTEMS,
  TRIAL_OR_PLEA,
} from '@redress/core';
import { isOneOf } from '../people/labels';
import { CLAIM_TYPE_OPTIONS, LANGUAGE_OPTIONS, MATERIAL_OPTIONS, NUMBER_SYSTEM_OPTIONS } from './labels';

/**
 * The questionnaire as the intake page edits it: one string per field, keyed by its path in the
 * questionnaire ("background.name", "conviction.statutes"). Lists are one item a line; the materials
 * the applicant has are a comma-joined set of kinds.
 */
export type QuestionnaireDraft = Record<string, string>;

type Option = { value: string; label: string };

export type QuestionnaireField = {
  path: string;
  label: string;
  description?: string;
  kind: 'line' | 'text' | 'lines' | 'select' | 'date' | 'checks';
  max?: number;
  options?: readonly Option[];
};

export type QuestionnaireSection = {
  key: keyof IntakeQuestionnaire;
  legend: string;
  fields: readonly QuestionnaireField[];
};

const UNKNOWN: Option = { value: '', label: 'Not known' };

export const QUESTIONNAIRE_SECTIONS: readonly QuestionnaireSection[] = [
  {
    key: 'background',
    legend: 'Background',
    fields: [
      { path: 'background.name', label: 'Applicant name', kind: 'line', max: 200 },
      { path: 'background.aliases', label: 'Other names', description: 'One a line', kind: 'lines', max: 200 },
      { path: 'background.prisonerNumber', label: 'Prisoner number', kind: 'line', max: 64 },
      {
        path: 'background.numberSystem',
        label: 'Number system',
        kind: 'select',
        options: [UNKNOWN, ...NUMBER_SYSTEM_OPTIONS],
      },
      { path: 'background.facilityName', label: 'Facility', description: 'As written', kind: 'line', max: 200 },
      {
        path: 'background.jurisdiction',
        label: 'Jurisdiction of conviction',
        description: 'State code (CA, TX…), or US for federal',
        kind: 'line',
        max: 2,
      },
      { path: 'background.dateOfBirth', label: 'Date of birth', kind: 'date' },
      { path: 'background.language', label: 'Language', kind: 'select', options: [UNKNOWN, ...LANGUAGE_OPTIONS] },
    ],
  },
  {
    key: 'conviction',
    legend: 'Conviction',
    fields: [
      { path: 'conviction.offence', label: 'Offence', kind: 'text', max: 1000 },
      {
        path: 'conviction.statutes',
        label: 'Statutes',
        description: 'One a line, e.g. PC 187(a)',
        kind: 'lines',
        max: 200,
      },
      { path: 'conviction.county', label: 'County', kind: 'line', max: 100 },
      { path: 'conviction.court', label: 'Court', kind: 'line', max: 200 },
      { path: 'conviction.caseNumber', label: 'Case number', kind: 'line', max: 100 },
      { path: 'conviction.convictionDate', label: 'Date of conviction', kind: 'date' },
      { path: 'conviction.sentence', label: 'Sentence', kind: 'text', max: 1000 },
      { path: 'conviction.coDefendants', label: 'Co-defendants', description: 'One a line', kind: 'lines', max: 200 },
    ],
  },
  {
    key: 'claim',
    legend: 'Claim',
    fields: [
      { path: 'claim.claimType', label: 'Claim type', kind: 'select', options: [UNKNOWN, ...CLAIM_TYPE_OPTIONS] },
      { path: 'claim.innocenceClaim', label: 'The claim in their words', kind: 'text', max: 10_000 },
      { path: 'claim.whyWronglyConvicted', label: 'Why they were wrongly convicted', kind: 'text', max: 10_000 },
      { path: 'claim.alibi', label: 'Alibi', kind: 'text', max: 10_000 },
    ],
  },
  {
    key: 'investigationHistory',
    legend: 'Investigation',
    fields: [
      {
        path: 'investigationHistory',
        label: 'Investigation history',
        description: 'Who investigated, and what they found',
        kind: 'text',
        max: 10_000,
      },
    ],
  },
  {
    key: 'trial',
    legend: 'Trial',
    fields: [
      {
        path: 'trial.trialOrPlea',
        label: 'Trial or plea',
        kind: 'select',
        options: [UNKNOWN, { value: 'trial', label: 'Trial' }, { value: 'plea', label: 'Plea' }],
      },
      { path: 'trial.defenceCounsel', label: 'Defence counsel', kind: 'line', max: 200 },
      { path: 'trial.keyEvidence', label: 'Key evidence', kind: 'text', max: 10_000 },
      { path: 'trial.witnesses', label: 'Witnesses', kind: 'text', max: 10_000 },
    ],
  },
  {
    key: 'postConviction',
    legend: 'Post-conviction',
    fields: [
      { path: 'postConviction.appeal', label: 'Appeal', kind: 'text', max: 10_000 },
      { path: 'postConviction.habeas', label: 'Habeas petitions', kind: 'text', max: 10_000 },
      { path: 'postConviction.priorFilings', label: 'Other filings', kind: 'text', max: 10_000 },
    ],
  },
  {
    key: 'evidence',
    legend: 'Evidence and testability',
    fields: [
      { path: 'evidence.physicalEvidence', label: 'Physical evidence', kind: 'text', max: 10_000 },
      {
        path: 'evidence.dnaTestable',
        label: 'Could DNA testing help?',
        kind: 'select',
        options: [UNKNOWN, { value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }],
      },
      { path: 'evidence.evidenceLocation', label: 'Where the evidence is', kind: 'text', max: 2000 },
    ],
  },
  {
    key: 'materials',
    legend: 'Materials the applicant has',
    fields: [
      { path: 'materials.has', label: 'Papers they have', kind: 'checks', options: MATERIAL_OPTIONS },
      { path: 'materials.notes', label: 'Notes on the materials', kind: 'text', max: 10_000 },
    ],
  },
];

export const QUESTIONNAIRE_FIELDS: readonly QuestionnaireField[] = QUESTIONNAIRE_SECTIONS.flatMap((s) => s.fields);

/** Fields a passage of the letter can be copied into (free text and single lines). */
export const COPYABLE_FIELDS = QUESTIONNAIRE_FIELDS.filter((field) =>
  ['line', 'text', 'lines'].includes(field.kind),
).map((field) => ({ value: field.path, label: field.label }));

/** The id of a field's control, so a copy or an error can take the user to it. */
export const questionnaireFieldId = (path: string): string => `intake-q-${path.replace(/\./g, '-')}`;

const read = (questionnaire: IntakeQuestionnaire, path: string): unknown => {
  let value: unknown = questionnaire;
  for (const segment of path.split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return value;
};

export const toDraft = (questionnaire: IntakeQuestionnaire): QuestionnaireDraft => {
  const draft: QuestionnaireDraft = {};
  for (const field of QUESTIONNAIRE_FIELDS) {
    const value = read(questionnaire, field.path);
    if (Array.isArray(value)) draft[field.path] = value.join(field.kind === 'checks' ? ',' : '\n');
    else if (typeof value === 'string') draft[field.path] = value;
    else draft[field.path] = '';
  }
  return draft;
};

const SELECT_VALUES: Record<string, readonly string[]> = {
  'background.numberSystem': PRISONER_NUMBER_SYSTEMS,
  'background.language': INTAKE_LANGUAGES,
  'claim.claimType': CLAIM_TYPES,
  'trial.trialOrPlea': TRIAL_OR_PLEA,
  'evidence.dnaTestable': DNA_TESTABLE,
};

const fieldValue = (field: QuestionnaireField, raw: string): unknown => {
  if (field.kind === 'lines') {
    const items = raw
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    return items.length > 0 ? items : undefined;
  }
  if (field.kind === 'checks') {
    const kinds = raw.split(',').filter((kind) => isOneOf(MATERIAL_KINDS, kind));
    return kinds.length > 0 ? kinds : undefined;
  }
  if (field.kind === 'select') {
    const allowed = SELECT_VALUES[field.path] ?? [];
    return allowed.includes(raw) ? raw : undefined;
  }
  if (field.kind === 'text') return raw.trim() ? raw : undefined;
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  return field.path === 'background.jurisdiction' ? trimmed.toUpperCase() : trimmed;
};

/**
 * The change to send: every section with something in it, whole (the server replaces sections whole);
 * a section emptied that was stored is removed with null; an untouched empty section is left out.
 */
export const toQuestionnaireChange = (
  draft: QuestionnaireDraft,
  stored: IntakeQuestionnaire,
): IntakeQuestionnaireChange => {
  const change: Record<string, unknown> = {};
  for (const section of QUESTIONNAIRE_SECTIONS) {
    if (section.key === 'investigationHistory') {
      const field = section.fields[0];
      const value = field ? fieldValue(field, draft[field.path] ?? '') : undefined;
      if (value !== undefined) change.investigationHistory = value;
      else if (stored.investigationHistory !== undefined) change.investigationHistory = null;
      continue;
    }
    const body: Record<string, unknown> = {};
    const extra = stored[section.key];
    // Fields of the stored section this form does not edit (a facility chosen from the directory) are kept.
    if (extra && typeof extra === 'object') {
      for (const [key, value] of Object.entries(extra)) {
        if (!section.fields.some((field) => field.path === `${section.key}.${key}`)) body[key] = value;
      }
    }
    for (const field of section.fields) {
      const value = fieldValue(field, draft[field.path] ?? '');
      if (value !== undefined) body[field.path.slice(section.key.length + 1)] = value;
    }
    if (Object.keys(body).length > 0) change[section.key] = body;
    else if (stored[section.key] !== undefined) change[section.key] = null;
  }
  return change as IntakeQuestionnaireChange;
};

/** The text copied from the letter, added to what the field holds (a new line for multi-line fields). */
export const withCopiedText = (draft: QuestionnaireDraft, path: string, text: string): QuestionnaireDraft => {
  const field = QUESTIONNAIRE_FIELDS.find((candidate) => candidate.path === path);
  if (!field) return draft;
  const current = draft[path] ?? '';
  const cleaned = field.kind === 'line' ? text.replace(/\s+/g, ' ').trim() : text.trim();
  const joined = !current.trim()
    ? cleaned
    : field.kind === 'line'
      ? `${current.trim()} ${cleaned}`
      : `${current.trimEnd()}\n${cleaned}`;
  return { ...draft, [path]: field.max && field.kind === 'line' ? joined.slice(0, field.max) : joined };
};
