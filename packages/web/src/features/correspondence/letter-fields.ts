import { LETTER_TEMPLATE_KEYS, type LetterField, type LetterTemplateKey, letterFields } from '@redress/core';

/** Fields every template shares: Redress fills them from the record, the sender and the organisation. */
const SHARED = new Set(
  letterFields(LETTER_TEMPLATE_KEYS[0])
    .map((field) => field.name)
    .filter((name) => LETTER_TEMPLATE_KEYS.every((key) => letterFields(key).some((field) => field.name === name))),
);

/** The fields staff type for a template: its own, which the record cannot fill. */
export const extraLetterFields = (template: LetterTemplateKey, used?: readonly string[]): LetterField[] =>
  letterFields(template).filter(
    (field) => !SHARED.has(field.name) && (used === undefined || used.includes(field.name)),
  );

/** "visit_alternative_dates" → "Visit alternative dates". */
export const fieldLabel = (name: string): string => {
  const words = name.replace(/_/g, ' ').replace(/\bdob\b/, 'date of birth');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Fields whose value is a date, typed with a date picker. */
export const isDateField = (name: string): boolean => /(^|_)(date|dob)$|^reply_by$/.test(name);

/** Fields that take several lines. */
export const isMultilineField = (name: string): boolean => /documents_requested|address|reason/.test(name);

export const LANGUAGE_LABELS: Record<string, string> = { en: 'English', es: 'Spanish (español)' };
