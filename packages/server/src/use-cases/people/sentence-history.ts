import {
  type CalendarDate,
  compareDates,
  deriveCurrentSentence,
  isCalendarDate,
  type SentenceEvent,
  type SentenceHistoryIssue,
} from '@redress/core';
import { failWith } from '../policy.js';

/** What the derivation reports, plus events dated before the person was born. */
export const historyIssues = (
  events: readonly SentenceEvent[],
  dates: { convictionDate: CalendarDate | null; dateOfBirth: CalendarDate | null },
): SentenceHistoryIssue[] => {
  const { issues } = deriveCurrentSentence(events, { convictionDate: dates.convictionDate });
  const { dateOfBirth } = dates;
  const beforeBirth: SentenceHistoryIssue[] = dateOfBirth
    ? events
        .filter((e) => isCalendarDate(e.date) && compareDates(e.date, dateOfBirth) < 0)
        .map((e) => ({ eventId: e.id, field: 'date', message: `Before the date of birth (${dateOfBirth})` }))
    : [];
  return [...beforeBirth, ...issues];
};

export type HistoryChange = {
  before: readonly SentenceEvent[];
  after: readonly SentenceEvent[];
  convictionDate: { before: CalendarDate | null; after: CalendarDate | null };
  dateOfBirth: CalendarDate | null;
  /** The event added or changed: its issues are also reported under their bare field names. */
  changedEventId: string | null;
};

const keyOf = (i: SentenceHistoryIssue) => `${i.eventId}\u0000${i.field}\u0000${i.message}`;

/**
 * Refuses (422) a change that makes the sentence history invalid: any issue the history has after the
 * change and did not have before. A history imported with problems can still be repaired step by step.
 * Details name each event (`events.<id>.<field>`), and the changed event's fields directly.
 */
export const refuseBrokenHistory = (change: HistoryChange): void => {
  const known = new Set(
    historyIssues(change.before, {
      convictionDate: change.convictionDate.before,
      dateOfBirth: change.dateOfBirth,
    }).map(keyOf),
  );
  const fresh = historyIssues(change.after, {
    convictionDate: change.convictionDate.after,
    dateOfBirth: change.dateOfBirth,
  }).filter((i) => !known.has(keyOf(i)));
  const first = fresh[0];
  if (!first) return;
  const details: Record<string, string> = {};
  for (const issue of fresh) {
    details[`events.${issue.eventId}.${issue.field}`] ??= issue.message;
    if (issue.eventId === change.changedEventId) details[issue.field] ??= issue.message;
  }
  if (change.convictionDate.before !== change.convictionDate.after) {
    details.convictionDate ??= 'The sentence history would not fit this date';
  }
  failWith(
    'unprocessable',
    'sentence_event.invalid_history',
    `The sentence history would not hold: ${first.message}`,
    details,
  );
};
