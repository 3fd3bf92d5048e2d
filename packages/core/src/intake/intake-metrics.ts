import { addDays, type CalendarDate, compareDates, parts } from '../case-file/calendar-date.js';
import type { IntakeChannel } from './intake-questionnaire.js';
import type { IntakeDecision, IntakeState } from './intake-states.js';

/**
 * Intake metrics from plain rows: letters received per ISO week, the backlog by age, time to first
 * response, decisions by reason. The database hands over the rows of the range; everything is counted
 * here, so the numbers are tested without a database.
 */

export const INTAKE_AGE_BUCKETS = ['0-7', '8-30', '31-90', '90+'] as const;
export type IntakeAgeBucket = (typeof INTAKE_AGE_BUCKETS)[number];

/** The inclusive day ranges of each bucket (`max` null: no upper bound). */
export const INTAKE_AGE_RANGES: Record<IntakeAgeBucket, { min: number; max: number | null }> = {
  '0-7': { min: 0, max: 7 },
  '8-30': { min: 8, max: 30 },
  '31-90': { min: 31, max: 90 },
  '90+': { min: 91, max: null },
};

const dayNumber = (d: CalendarDate): number => {
  const [y, m, day] = parts(d);
  return Date.UTC(y, m - 1, day) / 86_400_000;
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number => dayNumber(to) - dayNumber(from);

export const ageBucketOf = (ageDays: number): IntakeAgeBucket =>
  ageDays <= 7 ? '0-7' : ageDays <= 30 ? '8-30' : ageDays <= 90 ? '31-90' : '90+';

/** The received_on range of an age bucket on a given day: `from` inclusive, `to` inclusive (null: open). */
export const receivedRangeOfBucket = (
  bucket: IntakeAgeBucket,
  today: CalendarDate,
): { from: CalendarDate | null; to: CalendarDate } => {
  const range = INTAKE_AGE_RANGES[bucket];
  return {
    to: addDays(today, -range.min),
    from: range.max === null ? null : addDays(today, -range.max),
  };
};

/** The Monday of a day's ISO week. */
export const isoWeekStart = (d: CalendarDate): CalendarDate => {
  const weekday = (new Date(dayNumber(d) * 86_400_000).getUTCDay() + 6) % 7; // Monday 0
  return addDays(d, -weekday);
};

/** ISO 8601 week label, e.g. 2026-W05 (the week belongs to the year of its Thursday). */
export const isoWeekOf = (d: CalendarDate): string => {
  const thursday = addDays(isoWeekStart(d), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
};

/** Nearest-rank percentile of sorted numbers (p in 0..1). */
const percentile = (sorted: readonly number[], p: number): number | null => {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
};

/** Median: the middle value, or the mean of the two middle values. */
const median = (sorted: readonly number[]): number | null => {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
};

export type IntakeMetricsRow = {
  channel: IntakeChannel;
  state: IntakeState;
  decision: IntakeDecision | null;
  decisionReason: string | null;
  receivedOn: CalendarDate;
  firstResponseOn: CalendarDate | null;
  /** The day the decision was recorded (in the organisation's time zone). */
  decidedOn: CalendarDate | null;
};

export type IntakeMetrics = {
  from: CalendarDate;
  to: CalendarDate;
  receivedPerWeek: { week: string; weekStart: CalendarDate; letters: number; total: number }[];
  backlog: { bucket: IntakeAgeBucket; count: number }[];
  firstResponse: { count: number; unanswered: number; medianDays: number | null; p90Days: number | null };
  decisionsByReason: { decision: IntakeDecision; reason: string | null; count: number }[];
};

/**
 * Counts the metrics. `rows` may hold more than the range: received counts and first responses are
 * taken over intakes received in [from, to], decisions over those decided in [from, to], and the
 * backlog over every open intake as of `today`. Reasons are grouped ignoring case and spacing, shown
 * as first written.
 */
export const computeIntakeMetrics = (
  rows: readonly IntakeMetricsRow[],
  range: { from: CalendarDate; to: CalendarDate; today: CalendarDate },
): IntakeMetrics => {
  const inRange = (d: CalendarDate) => compareDates(d, range.from) >= 0 && compareDates(d, range.to) <= 0;

  const weeks = new Map<string, { week: string; weekStart: CalendarDate; letters: number; total: number }>();
  for (let start = isoWeekStart(range.from); compareDates(start, range.to) <= 0; start = addDays(start, 7)) {
    weeks.set(start, { week: isoWeekOf(start), weekStart: start, letters: 0, total: 0 });
  }

  const backlog = new Map<IntakeAgeBucket, number>(INTAKE_AGE_BUCKETS.map((b) => [b, 0]));
  const responseDays: number[] = [];
  let unanswered = 0;
  const decisions = new Map<string, { decision: IntakeDecision; reason: string | null; count: number }>();

  for (const row of rows) {
    if (row.state !== 'decided' && compareDates(row.receivedOn, range.today) <= 0) {
      const bucket = ageBucketOf(daysBetween(row.receivedOn, range.today));
      backlog.set(bucket, (backlog.get(bucket) ?? 0) + 1);
    }
    if (inRange(row.receivedOn)) {
      const week = weeks.get(isoWeekStart(row.receivedOn));
      if (week) {
        week.total += 1;
        if (row.channel === 'mailed_letter') week.letters += 1;
      }
      if (row.firstResponseOn !== null)
        responseDays.push(Math.max(0, daysBetween(row.receivedOn, row.firstResponseOn)));
      else unanswered += 1;
    }
    if (row.state === 'decided' && row.decision !== null && row.decidedOn !== null && inRange(row.decidedOn)) {
      const reason = row.decisionReason?.trim() ? row.decisionReason.trim().replace(/\s+/g, ' ') : null;
      const key = `${row.decision}\u0000${reason?.toLowerCase() ?? ''}`;
      const entry = decisions.get(key);
      if (entry) entry.count += 1;
      else decisions.set(key, { decision: row.decision, reason, count: 1 });
    }
  }

  responseDays.sort((a, b) => a - b);
  return {
    from: range.from,
    to: range.to,
    receivedPerWeek: [...weeks.values()],
    backlog: INTAKE_AGE_BUCKETS.map((bucket) => ({ bucket, count: backlog.get(bucket) ?? 0 })),
    firstResponse: {
      count: responseDays.length,
      unanswered,
      medianDays: median(responseDays),
      p90Days: percentile(responseDays, 0.9),
    },
    decisionsByReason: [...decisions.values()].sort(
      (a, b) =>
        b.count - a.count || a.decision.localeCompare(b.decision) || (a.reason ?? '').localeCompare(b.reason ?? ''),
    ),
  };
};
