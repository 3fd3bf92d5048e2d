import type { CalendarDate } from '../case-file/calendar-date.js';
import type { ScreeningConviction, ScreeningSubject } from './screening-subject.js';
import { normalizeStatute } from './statute-normaliser.js';
import type { CanonicalStatute } from './statute-types.js';

/**
 * A subject made ready for the rules once, before any pathway looks at it: statutes read, the
 * controlling conviction chosen, offence dates settled. Facts then read this, never the raw record.
 */
export type PreparedConviction = {
  source: ScreeningConviction;
  statute: CanonicalStatute;
  enhancements: CanonicalStatute[];
  /** "Committed before D" reads the offence's last day: `offense_end`, else `offense_date`. */
  offenseLastDay: CalendarDate | null;
  /** The first day of the offence: `offense_start`, else `offense_date`. */
  offenseFirstDay: CalendarDate | null;
  /** N for "N years to life", from `min_term_years` or read from the sentence text. */
  minTermYears: number | null;
  /** The term imposed in months, where the sentence is a term of months or years. */
  termMonths: number | null;
};

export type PreparedSubject = {
  subject: ScreeningSubject;
  asOf: CalendarDate;
  convictions: PreparedConviction[];
  /** The conviction carrying the longest term imposed (or the one the record marks controlling). */
  controlling: PreparedConviction | null;
  /** Statutes that could not be read: kept, flagged, and never silently dropped. */
  unrecognisedStatutes: string[];
};

const TO_LIFE = /(\d{1,3})\s*(?:years?|yrs?)?\s*(?:to|-)\s*life/i;
const YEARS = /(\d{1,3})\s*(?:years?|yrs?)\b/i;
const MONTHS = /(\d{1,4})\s*(?:months?|mos?)\b/i;

const readMinTermYears = (c: ScreeningConviction): number | null => {
  if (c.min_term_years != null) return c.min_term_years;
  const m = c.sentence ? TO_LIFE.exec(c.sentence) : null;
  return m ? Number(m[1]) : null;
};

const readTermMonths = (c: ScreeningConviction): number | null => {
  if (c.term_months != null) return c.term_months;
  if (!c.sentence || TO_LIFE.test(c.sentence)) return null;
  const y = YEARS.exec(c.sentence);
  const mo = MONTHS.exec(c.sentence);
  if (!y && !mo) return null;
  return (y ? Number(y[1]) * 12 : 0) + (mo ? Number(mo[1]) : 0);
};

/** Ranks terms so the longest one imposed controls (PC 3051(a)(2)(B)): death, LWOP, life terms, then months. */
const severity = (c: PreparedConviction): number => {
  switch (c.source.sentence_type) {
    case 'death':
      return 4_000_000;
    case 'LWOP':
      return 3_000_000;
    case 'life':
    case 'indeterminate':
      return 2_000_000 + (c.minTermYears ?? 0) * 12;
    default:
      return c.termMonths ?? 0;
  }
};

export const prepareSubject = (subject: ScreeningSubject, asOf: CalendarDate): PreparedSubject => {
  const unrecognisedStatutes: string[] = [];
  const convictions = subject.convictions.map((source): PreparedConviction => {
    const statute = normalizeStatute(source.statute, subject.jurisdiction);
    if (!statute.recognised) unrecognisedStatutes.push(source.statute);
    return {
      source,
      statute,
      enhancements: (source.enhancements ?? []).map((e) => normalizeStatute(e, subject.jurisdiction)),
      offenseLastDay: source.offense_end ?? source.offense_date ?? null,
      offenseFirstDay: source.offense_start ?? source.offense_date ?? null,
      minTermYears: readMinTermYears(source),
      termMonths: readTermMonths(source),
    };
  });
  let controlling = convictions.find((c) => c.source.controlling === true) ?? null;
  if (!controlling) {
    for (const c of convictions) if (!controlling || severity(c) > severity(controlling)) controlling = c;
  }
  return { subject, asOf, convictions, controlling, unrecognisedStatutes };
};
