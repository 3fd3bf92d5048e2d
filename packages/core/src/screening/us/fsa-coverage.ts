import type { CalendarDate } from '../../case-file/calendar-date.js';
import type { PreparedConviction, PreparedSubject } from '../prepared-subject.js';
import { isInStatuteSet } from '../statute-sets.js';

/**
 * Whether a conviction is a "covered offense" for First Step Act sec. 404: a violation whose
 * statutory penalties the Fair Sentencing Act 2010 modified. Terry v. United States (2021) ties this
 * to the statute of conviction, so the penalty subsection decides: 841(b)(1)(A)(iii) and (B)(iii)
 * (cocaine base), 844(a) possession of cocaine base, 960(b)(1)(C) and (b)(2)(C), and conspiracies
 * (846, 963) with those objects. 841(b)(1)(C) is not covered (Terry).
 *
 * The statute set US_FSA_2010_COVERED answers first. Where it cannot (`841(a)(1)` alone, `841(b)(1)(A)`
 * without its clause, `844(a)`), the drug field helps: a drug other than cocaine base settles it as not
 * covered; cocaine base settles it as covered only when the text names a threshold FSA 2010 changed
 * ((b)(1)(A) or (B), 844(a), 960(b)(1) or (b)(2)); otherwise the record must be read.
 */
export type FsaCoverage = 'covered' | 'covered_by_drug' | 'terry' | 'not_covered' | 'unknown';

export const FSA_2010_CUTOFF: CalendarDate = '2010-08-03';

const COCAINE_BASE = /cocaine\s*base|\bcrack\b/i;

/** True for cocaine base ("crack"), false for another named drug, null when the record does not say. */
export const isCocaineBase = (drug: string | null | undefined): boolean | null => {
  if (drug == null || drug.trim() === '') return null;
  return COCAINE_BASE.test(drug);
};

const startsWith = (subdivisions: readonly string[], ...prefix: string[]): boolean =>
  prefix.every((p, i) => subdivisions[i] === p);

/** 841(b)(1)(C) and 960(b)(3): no mandatory minimum was modified (Terry). */
const isUnmodifiedTier = (c: PreparedConviction): boolean => {
  const { title, section, subdivisions } = c.statute;
  if (title !== '21') return false;
  return (
    (section === '841' && startsWith(subdivisions, 'b', '1', 'C')) ||
    (section === '960' && startsWith(subdivisions, 'b', '3'))
  );
};

/** The text names a threshold that FSA 2010 changed, even if not the clause naming the drug. */
const namesModifiedThreshold = (c: PreparedConviction): boolean => {
  const { title, section, subdivisions } = c.statute;
  if (title !== '21') return false;
  if (section === '841') return startsWith(subdivisions, 'b', '1', 'A') || startsWith(subdivisions, 'b', '1', 'B');
  if (section === '844') return startsWith(subdivisions, 'a');
  if (section === '960') return startsWith(subdivisions, 'b', '1') || startsWith(subdivisions, 'b', '2');
  return false;
};

export const fsaCoverage = (c: PreparedConviction): FsaCoverage => {
  const inSet = isInStatuteSet(c.statute, 'US_FSA_2010_COVERED');
  if (inSet === true) return 'covered';
  if (inSet === false) return isUnmodifiedTier(c) ? 'terry' : 'not_covered';
  const crack = isCocaineBase(c.source.drug);
  if (crack === false) return 'not_covered';
  if (crack === true && namesModifiedThreshold(c)) return 'covered_by_drug';
  return 'unknown';
};

const isCovered = (c: PreparedConviction) => {
  const v = fsaCoverage(c);
  return v === 'covered' || v === 'covered_by_drug';
};

export const coveredConvictions = (s: PreparedSubject): PreparedConviction[] => s.convictions.filter(isCovered);

/** Some conviction is covered: true; none is and none could be: false; otherwise unknown. */
export const anyCovered = (s: PreparedSubject): boolean | null => {
  const all = s.convictions.map(fsaCoverage);
  if (all.some((v) => v === 'covered' || v === 'covered_by_drug')) return true;
  return all.includes('unknown') ? null : false;
};

/** Not covered only because the count is under 841(b)(1)(C) or 960(b)(3) (Terry). */
export const onlyUnmodifiedTier = (s: PreparedSubject): boolean | null => {
  const covered = anyCovered(s);
  if (covered !== false) return covered === true ? false : null;
  return s.convictions.some((c) => fsaCoverage(c) === 'terry');
};

/** The earliest last day among covered offences; unknown if a covered offence has no date. */
export const coveredOffenseLastDay = (s: PreparedSubject): CalendarDate | null => {
  const days = coveredConvictions(s).map((c) => c.offenseLastDay);
  if (!days.length || days.some((d) => d === null)) return null;
  return [...(days as CalendarDate[])].sort()[0] ?? null;
};

/**
 * Sentence imposed in accordance with FSA 2010 (404(c)). The record's answer, else: a sentencing
 * before 2010-08-03 cannot have applied it; one on or after (the Dorsey window) is unknown.
 */
export const fsaAppliedAtSentencing = (s: PreparedSubject): boolean | null => {
  const covered = coveredConvictions(s);
  if (!covered.length) return null;
  let unknown = false;
  for (const c of covered) {
    const recorded = c.source.fsa_2010_applied_at_sentencing;
    if (recorded === true) return true;
    if (recorded === false) continue;
    const sentenced = c.source.sentencing_date;
    if (sentenced != null && sentenced < FSA_2010_CUTOFF) continue;
    unknown = true;
  }
  return unknown ? null : false;
};

/** Dorsey v. United States (2012): offence before 2010-08-03, sentenced on or after, record silent. */
export const inUnsettledDorseyWindow = (s: PreparedSubject): boolean =>
  coveredConvictions(s).some(
    (c) =>
      c.offenseLastDay !== null &&
      c.offenseLastDay < FSA_2010_CUTOFF &&
      c.source.sentencing_date != null &&
      c.source.sentencing_date >= FSA_2010_CUTOFF &&
      c.source.fsa_2010_applied_at_sentencing == null,
  );
