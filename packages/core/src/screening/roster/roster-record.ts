import type { z } from 'zod';
import { ScreeningSubject } from '../screening-subject.js';

/** A problem with one roster record: where in the record, and what is wrong, in words. */
export type RosterIssue = { path: readonly PropertyKey[]; message: string };

/** A row (or a person's rows) the run could not screen, named by the line a person sees in their editor. */
export type RosterRowError = { line: number; id: string | null; message: string };

export type RosterRecordResult = { ok: true; subject: ScreeningSubject } | { ok: false; issues: RosterIssue[] };

export const DOB_REQUIRED = 'Required: a roster needs each person’s date of birth';

const friendly = (issue: z.core.$ZodIssue): string =>
  issue.code === 'invalid_type' && / received undefined$/.test(issue.message) ? 'Required' : issue.message;

const dobOf = (raw: unknown): unknown => {
  if (raw === null || typeof raw !== 'object') return undefined;
  const person = (raw as { person?: unknown }).person;
  if (person === null || typeof person !== 'object') return undefined;
  return (person as { dob?: unknown }).dob;
};

/**
 * Validates one roster record: the engine's `ScreeningSubject`, plus what a roster must hold that a
 * case file may lack, the date of birth (screening-format.md: every field but `id`, `jurisdiction`,
 * `person.dob` and one conviction may be missing).
 */
export const validateRosterRecord = (raw: unknown): RosterRecordResult => {
  const parsed = ScreeningSubject.safeParse(raw);
  const issues: RosterIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path, message: friendly(i) }));
  const dob = dobOf(raw);
  if (dob === undefined || dob === null) {
    // A missing `person` is, for a roster, a missing date of birth: say so.
    const isPersonMissing = (i: RosterIssue) =>
      i.path.length === 1 && i.path[0] === 'person' && i.message === 'Required';
    const kept = issues.filter((i) => !isPersonMissing(i));
    if (!kept.some((i) => i.path[0] === 'person' && (i.path.length === 1 || i.path[1] === 'dob'))) {
      kept.push({ path: ['person', 'dob'], message: DOB_REQUIRED });
    }
    return { ok: false, issues: kept };
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, subject: parsed.data };
};

/** `person.dob`, `convictions[0].statute`. */
export const issuePath = (path: readonly PropertyKey[]): string => {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(record)' : out;
};

export const describeIssues = (issues: readonly RosterIssue[]): string =>
  issues.map((i) => `${issuePath(i.path)}: ${i.message}`).join('; ');

/** The record's id when it has a readable one, for error reports. */
export const idOf = (raw: unknown): string | null => {
  if (raw === null || typeof raw !== 'object') return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'string' && id.trim() !== '' ? id.trim().slice(0, 200) : null;
};

export type RosterLineResult =
  | { ok: true; line: number; subject: ScreeningSubject }
  | { ok: false; error: RosterRowError };

const shortJsonError = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 200);

/**
 * One line of a JSON Lines roster: a person, or what is wrong with the line
 * (`line 12: person.dob: Must be a real calendar date YYYY-MM-DD`).
 */
export const parseRosterJsonLine = (line: string, lineNo: number): RosterLineResult => {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return { ok: false, error: { line: lineNo, id: null, message: `not valid JSON (${shortJsonError(e)})` } };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, error: { line: lineNo, id: null, message: 'expected one JSON object (a person) per line' } };
  }
  const result = validateRosterRecord(raw);
  if (!result.ok) return { ok: false, error: { line: lineNo, id: idOf(raw), message: describeIssues(result.issues) } };
  return { ok: true, line: lineNo, subject: result.subject };
};

/** `line 12: person.dob: Must be a real calendar date YYYY-MM-DD`. */
export const formatRowError = (error: RosterRowError): string => `line ${error.line}: ${error.message}`;
