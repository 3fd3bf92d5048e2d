import type { CalendarDate } from '../case-file/calendar-date.js';
import { evaluatePathway } from './interpreter.js';
import { type PathwayId, pathwaysOf } from './pathways.js';
import { prepareSubject } from './prepared-subject.js';
import { RULE_BOOK, type RuleBook } from './rule-book.js';
import type { ScreeningOutcome } from './rule-types.js';
import type { ScreeningSubject } from './screening-subject.js';

export type ScreenOptions = {
  asOf: CalendarDate;
  /** Only these pathways (of the subject's jurisdiction); all of them when absent. */
  pathways?: readonly PathwayId[];
  /** Policy overlays to report beside the statutory results, by id. */
  overlays?: readonly string[];
  /** Include every rule considered (`trace`) in each result. */
  explain?: boolean;
};

/**
 * Screens one person on one date. The result depends on the subject, the date and the rule book
 * only: no clock, no I/O, so a run can be repeated and compared.
 */
export const screenSubject = (
  subject: ScreeningSubject,
  options: ScreenOptions,
  book: RuleBook = RULE_BOOK,
): ScreeningOutcome => {
  const prepared = prepareSubject(subject, options.asOf);
  const wanted = options.pathways ? new Set(options.pathways) : null;
  const overlays = options.overlays?.length ? book.overlays.filter((o) => options.overlays?.includes(o.id)) : [];
  const results = [];
  for (const id of pathwaysOf(subject.jurisdiction)) {
    if (wanted && !wanted.has(id)) continue;
    const pathway = book.pathways.get(id);
    if (!pathway) continue;
    results.push(evaluatePathway(pathway, prepared, book.facts, { explain: options.explain, overlays }));
  }
  const outcome: ScreeningOutcome = { id: subject.id, as_of: options.asOf, results };
  if (prepared.unrecognisedStatutes.length) {
    outcome.warnings = prepared.unrecognisedStatutes.map((s) => `Statute not recognised, kept for review: ${s}`);
  }
  return outcome;
};
