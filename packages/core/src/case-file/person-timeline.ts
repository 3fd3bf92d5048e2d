import { type CalendarDate, compareDates } from './calendar-date.js';
import {
  type Authority,
  type CurrentSentence,
  deriveCurrentSentence,
  describeTerm,
  type ExecutionMethod,
  METHOD_LABELS,
  orderSentenceEvents,
  type SentenceEvent,
  type SentenceEventKind,
  type SentenceHistoryIssue,
  type SentenceStatus,
} from './sentence.js';

/**
 * The custody and sentence timeline of one person, as a plain payload the web draws as a picture:
 * custody placements are bands (from, to), sentence events are marks on one track per conviction,
 * and each track carries the sentence derived from its events. Pure: the caller passes today's date.
 */

export const SENTENCE_EVENT_LABELS: Record<SentenceEventKind, string> = {
  imposed: 'Sentence imposed',
  execution_method_set: 'Execution method set',
  stayed: 'Stayed',
  suspended: 'Suspended',
  reinstated: 'Reinstated',
  vacated: 'Vacated',
  modified: 'Modified',
  resentenced: 'Resentenced',
  commuted: 'Commuted',
  pardoned: 'Pardoned',
  paroled: 'Paroled',
  released: 'Released',
  discharged: 'Discharged',
  died: 'Died',
  executed: 'Executed',
};

export const AUTHORITY_LABELS: Record<Authority, string> = {
  court: 'Court',
  governor: 'Governor',
  president: 'President',
  parole_board: 'Parole board',
  corrections: 'Corrections',
  other: 'Other',
};

const STATUS_PHRASES: Record<Exclude<SentenceStatus, 'active'>, string> = {
  stayed: 'stayed since',
  suspended: 'suspended since',
  vacated: 'vacated on',
  pardoned: 'pardoned on',
  paroled: 'paroled on',
  released: 'released on',
  discharged: 'discharged on',
  died: 'ended by death on',
  executed: 'executed on',
};

const byMethod = (method: ExecutionMethod | null | undefined) =>
  method ? ` by ${METHOD_LABELS[method].toLowerCase()}` : '';

/** One line for an event on the timeline, e.g. "Sentence imposed: Death by gas chamber". */
export const labelSentenceEvent = (e: Pick<SentenceEvent, 'kind' | 'term' | 'executionMethod'>): string => {
  switch (e.kind) {
    case 'imposed':
    case 'modified':
    case 'resentenced':
      return e.term
        ? `${SENTENCE_EVENT_LABELS[e.kind]}: ${describeTerm(e.term)}${e.term.type === 'death' ? byMethod(e.executionMethod) : ''}`
        : SENTENCE_EVENT_LABELS[e.kind];
    case 'commuted':
      return e.term ? `Commuted to ${describeTerm(e.term)}` : 'Commuted';
    case 'execution_method_set':
      return e.executionMethod ? `Execution method: ${METHOD_LABELS[e.executionMethod]}` : 'Execution method set';
    default:
      return SENTENCE_EVENT_LABELS[e.kind];
  }
};

/** The derived sentence in words, e.g. "Death by lethal injection, stayed since 2019-03-13". */
export const describeCurrentSentence = (c: CurrentSentence): string => {
  const term = `${describeTerm(c.term)}${c.term.type === 'death' ? byMethod(c.executionMethod) : ''}`;
  const commuted = c.commutedFrom ? ` (commuted from ${describeTerm(c.commutedFrom)})` : '';
  const status = c.status === 'active' ? '' : `, ${STATUS_PHRASES[c.status]} ${c.since}`;
  return `${term}${commuted}${status}`;
};

export type TimelinePlacement = {
  id: string;
  facilityName: string;
  housing: string | null;
  fromDate: CalendarDate;
  toDate: CalendarDate | null;
};

export type TimelineSentenceEvent = SentenceEvent & { note?: string | null };

export type TimelineConviction = {
  id: string;
  caseNumber: string | null;
  court: string | null;
  convictionDate: CalendarDate | null;
  /** In the order they were entered (position); the timeline orders them by date. */
  events: readonly TimelineSentenceEvent[];
};

/** A legal visit, scheduled or held (other statuses are not on the timeline). */
export type TimelineVisit = {
  id: string;
  status: 'scheduled' | 'held';
  /** ISO 8601 instants: the held time once held, else the scheduled time. */
  start: string;
  end: string | null;
  facilityName: string | null;
};

export type TimelineInput = {
  today: CalendarDate;
  placements: readonly TimelinePlacement[];
  convictions: readonly TimelineConviction[];
  visits?: readonly TimelineVisit[];
};

export type TimelineVisitMark = {
  id: string;
  status: 'scheduled' | 'held';
  /** The day of the visit (UTC). */
  date: CalendarDate;
  start: string;
  end: string | null;
  label: string;
};

const visitMarkOf = (v: TimelineVisit): TimelineVisitMark => {
  const minutes = v.end ? Math.round((Date.parse(v.end) - Date.parse(v.start)) / 60_000) : null;
  const length =
    minutes !== null && minutes > 0
      ? `, ${minutes >= 60 ? `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}` : `${minutes} min`}`
      : '';
  const where = v.facilityName ? ` at ${v.facilityName}` : '';
  return {
    id: v.id,
    status: v.status,
    date: new Date(v.start).toISOString().slice(0, 10),
    start: v.start,
    end: v.end,
    label: `${v.status === 'held' ? 'Legal visit held' : 'Legal visit scheduled'}${where}${length}`,
  };
};

export type TimelineBand = {
  id: string;
  label: string;
  facilityName: string;
  housing: string | null;
  from: CalendarDate;
  /** The end date, or today for the placement that is still open. */
  to: CalendarDate;
  isOpen: boolean;
};

export type TimelineMarkKind = SentenceEventKind | 'convicted';

export type TimelineMark = {
  /** The sentence event's id, or `<conviction id>:convicted` for the conviction itself. */
  id: string;
  kind: TimelineMarkKind;
  date: CalendarDate;
  label: string;
  /** Who acted: the authority's name when recorded, else its kind ("Governor"). */
  byline: string | null;
  note: string | null;
  /** Set when the event does not fit the events before it (the derivation skipped it). */
  issue: string | null;
};

export type TimelineTrack = {
  convictionId: string;
  label: string;
  marks: TimelineMark[];
  currentSentence: CurrentSentence | null;
  currentSentenceLabel: string | null;
  issues: SentenceHistoryIssue[];
};

export type PersonTimeline = {
  /** First and last day to draw; null when nothing is dated yet. */
  range: { from: CalendarDate; to: CalendarDate } | null;
  today: CalendarDate;
  bands: TimelineBand[];
  tracks: TimelineTrack[];
  /** Scheduled and held legal visits, by date. */
  visits: TimelineVisitMark[];
};

const trackLabel = (c: TimelineConviction): string => {
  const parts = [c.caseNumber, c.court].filter((p): p is string => Boolean(p));
  if (parts.length > 0) return parts.join(', ');
  return c.convictionDate ? `Conviction of ${c.convictionDate}` : 'Conviction';
};

const bandOf = (p: TimelinePlacement, today: CalendarDate): TimelineBand => {
  const isOpen = p.toDate === null;
  // An open placement runs to today; one entered ahead of its start is drawn as a single day.
  const openEnd = compareDates(today, p.fromDate) < 0 ? p.fromDate : today;
  return {
    id: p.id,
    label: p.housing ? `${p.facilityName}, ${p.housing}` : p.facilityName,
    facilityName: p.facilityName,
    housing: p.housing,
    from: p.fromDate,
    to: p.toDate ?? openEnd,
    isOpen,
  };
};

const trackOf = (c: TimelineConviction): TimelineTrack => {
  const { current, issues } = deriveCurrentSentence(c.events, { convictionDate: c.convictionDate });
  const issueByEvent = new Map<string, string>();
  for (const i of issues) if (!issueByEvent.has(i.eventId)) issueByEvent.set(i.eventId, i.message);
  const notes = new Map(c.events.map((e) => [e.id, e.note ?? null]));
  const convicted: TimelineMark[] = c.convictionDate
    ? [
        {
          id: `${c.id}:convicted`,
          kind: 'convicted',
          date: c.convictionDate,
          label: 'Convicted',
          byline: c.court,
          note: null,
          issue: null,
        },
      ]
    : [];
  const marks = orderSentenceEvents(c.events).map(
    (e): TimelineMark => ({
      id: e.id,
      kind: e.kind,
      date: e.date,
      label: labelSentenceEvent(e),
      byline: e.authorityName ?? (e.authority ? AUTHORITY_LABELS[e.authority] : null),
      note: notes.get(e.id) ?? null,
      issue: issueByEvent.get(e.id) ?? null,
    }),
  );
  return {
    convictionId: c.id,
    label: trackLabel(c),
    // Stable: on one day the conviction comes first, then the events as entered.
    marks: [...convicted, ...marks].sort((a, b) => compareDates(a.date, b.date)),
    currentSentence: current,
    currentSentenceLabel: current ? describeCurrentSentence(current) : null,
    issues,
  };
};

export const buildPersonTimeline = (input: TimelineInput): PersonTimeline => {
  const bands = [...input.placements]
    .sort((a, b) => compareDates(a.fromDate, b.fromDate) || a.id.localeCompare(b.id))
    .map((p) => bandOf(p, input.today));
  const tracks = input.convictions.map(trackOf);
  const visits = (input.visits ?? []).map(visitMarkOf).sort((a, b) => a.start.localeCompare(b.start));
  const dates = [
    ...bands.flatMap((b) => [b.from, b.to]),
    ...tracks.flatMap((t) => t.marks.map((m) => m.date)),
    ...visits.map((v) => v.date),
  ].sort(compareDates);
  const first = dates[0];
  const last = dates[dates.length - 1];
  return {
    range: first && last ? { from: first, to: compareDates(last, input.today) > 0 ? last : input.today } : null,
    today: input.today,
    bands,
    tracks,
    visits,
  };
};
