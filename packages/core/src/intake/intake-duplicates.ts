import { normaliseName, trigramSimilarity } from '../case-file/names.js';

/**
 * Is this applicant someone we already know (a person in the case file, or an earlier intake)? The
 * database finds candidates by trigram name, alias, identifier and date of birth; this scores each one
 * so the triage page can put the likely ones first. A score, not a verdict: staff decide.
 */

export type DuplicateStrength = 'strong' | 'possible' | 'weak';
export type DuplicateReason = 'identifier' | 'name' | 'alias' | 'date_of_birth';

export type DuplicateSubject = {
  name: string | null;
  aliases?: readonly string[] | undefined;
  dateOfBirth: string | null;
  /** Prisoner numbers and other identifiers, as written. */
  identifiers: readonly string[];
};

export type DuplicateScore = {
  strength: DuplicateStrength;
  reasons: DuplicateReason[];
  /** Best trigram similarity between any name of one and any name of the other (0 to 1). */
  similarity: number;
};

/** Names this similar are "the same name misspelt" (pg_trgm; "Jon Smiht" against "John Smith" is about 0.5). */
export const DUPLICATE_NAME_SIMILARITY = 0.45;
/** A close name: strong on its own with the same birth date. */
export const DUPLICATE_CLOSE_NAME_SIMILARITY = 0.6;

/** An identifier as compared: case, spaces and dashes do not count (C-98556 is C98556). */
export const identifierKey = (value: string): string => value.toUpperCase().replace(/[\s\-_./]/g, '');

/**
 * Scores a candidate against the applicant. Strong: a shared identifier, or a close name and the same
 * date of birth. Possible: a similar name (or alias), or the same date of birth and a name somewhat
 * alike. Weak: the same date of birth alone. Null: nothing in common.
 */
export const scoreDuplicate = (applicant: DuplicateSubject, candidate: DuplicateSubject): DuplicateScore | null => {
  const reasons: DuplicateReason[] = [];
  const keys = new Set(applicant.identifiers.map(identifierKey).filter((k) => k.length > 0));
  const hasIdentifier = candidate.identifiers.some((v) => keys.has(identifierKey(v)));
  if (hasIdentifier) reasons.push('identifier');

  const applicantNames = [applicant.name, ...(applicant.aliases ?? [])].filter(
    (n): n is string => n !== null && normaliseName(n).length > 0,
  );
  let nameSimilarity = 0;
  let aliasSimilarity = 0;
  for (const a of applicantNames) {
    if (candidate.name) nameSimilarity = Math.max(nameSimilarity, trigramSimilarity(a, candidate.name));
    for (const alias of candidate.aliases ?? [])
      aliasSimilarity = Math.max(aliasSimilarity, trigramSimilarity(a, alias));
  }
  const similarity = Math.round(Math.max(nameSimilarity, aliasSimilarity) * 1000) / 1000;
  if (nameSimilarity >= DUPLICATE_NAME_SIMILARITY) reasons.push('name');
  else if (aliasSimilarity >= DUPLICATE_NAME_SIMILARITY) reasons.push('alias');

  const isSameBirthDate =
    applicant.dateOfBirth !== null && candidate.dateOfBirth !== null && applicant.dateOfBirth === candidate.dateOfBirth;
  if (isSameBirthDate) reasons.push('date_of_birth');

  if (reasons.length === 0) return null;
  const strength: DuplicateStrength =
    hasIdentifier || (isSameBirthDate && similarity >= DUPLICATE_CLOSE_NAME_SIMILARITY)
      ? 'strong'
      : similarity >= DUPLICATE_NAME_SIMILARITY || (isSameBirthDate && similarity >= 0.3)
        ? 'possible'
        : 'weak';
  return { strength, reasons, similarity };
};

const STRENGTH_ORDER: Record<DuplicateStrength, number> = { strong: 0, possible: 1, weak: 2 };

/** Orders scored candidates: strongest first, then the most similar name. */
export const compareDuplicateScores = (a: DuplicateScore, b: DuplicateScore): number =>
  STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength] || b.similarity - a.similarity;
