import { wholeYearsBetween } from '../../case-file/calendar-date.js';
import type { PreparedConviction, PreparedSubject } from '../prepared-subject.js';
import type { Fact } from '../rule-types.js';
import { isInStatuteSet } from '../statute-sets.js';
import type { CanonicalStatute, StatuteSetId } from '../statute-types.js';

/** Small builders shared by the California fact files. Every fact returns null when the record does not say. */
export const bool = (
  describe: string,
  inputs: readonly string[],
  get: (s: PreparedSubject) => boolean | null,
): Fact => ({ kind: 'bool', describe, inputs, get });

export const date = (
  describe: string,
  inputs: readonly string[],
  get: (s: PreparedSubject) => string | null,
): Fact => ({
  kind: 'date',
  describe,
  inputs,
  get,
});

export const num = (describe: string, inputs: readonly string[], get: (s: PreparedSubject) => number | null): Fact => ({
  kind: 'number',
  describe,
  inputs,
  get,
});

/** Kleene OR over already computed values. */
export const or3 = (...values: (boolean | null | undefined)[]): boolean | null => {
  if (values.some((v) => v === true)) return true;
  return values.some((v) => v == null) ? null : false;
};

/** Kleene AND over already computed values. */
export const and3 = (...values: (boolean | null | undefined)[]): boolean | null => {
  if (values.some((v) => v === false)) return false;
  return values.some((v) => v == null) ? null : true;
};

/** Set membership; an unread statute is unknown rather than "not a member". */
export const inSet = (statute: CanonicalStatute, set: StatuteSetId): boolean | null =>
  statute.recognised ? isInStatuteSet(statute, set) : null;

export const isSection = (statute: CanonicalStatute, code: string, section: string, subdivision?: string) =>
  statute.code === code && statute.section === section && (!subdivision || statute.subdivisions[0] === subdivision);

/** Whole years of age on a day (a Feb 29 birthday falls on Mar 1 in a non-leap year). */
export const ageOn = (s: PreparedSubject, day: string | null | undefined): number | null => {
  const dob = s.subject.person.dob;
  return dob && day ? wholeYearsBetween(dob, day) : null;
};

/** A text list in the record: null when missing, otherwise whether any item passes. */
export const listHas = (list: readonly string[] | null | undefined, test: (item: string) => boolean): boolean | null =>
  list == null ? null : list.some(test);

export const hasFinding = (c: PreparedConviction, finding: string): boolean | null =>
  listHas(c.source.findings, (f) => f.trim().toLowerCase() === finding);

/** Earliest date among the convictions passing a test; null if one of them lacks the date. */
export const earliestDate = (
  convictions: readonly PreparedConviction[],
  read: (c: PreparedConviction) => string | null | undefined,
): string | null => {
  let earliest: string | null = null;
  for (const c of convictions) {
    const d = read(c);
    if (!d) return null;
    if (earliest === null || d < earliest) earliest = d;
  }
  return earliest;
};
