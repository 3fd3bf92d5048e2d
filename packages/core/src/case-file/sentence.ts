import { type CalendarDate, compareDates, isCalendarDate } from './calendar-date.js';

/**
 * A sentence's history is a list of events (imposed, stayed, reinstated, method changed, commuted...).
 * The current sentence is derived from them, never typed twice.
 */
export const SENTENCE_TYPES = [
  'death',
  'lwop',
  'life',
  'indeterminate',
  'determinate',
  'probation',
  'county_jail',
] as const;
export type SentenceType = (typeof SENTENCE_TYPES)[number];

export type SentenceTerm =
  | { type: 'death' }
  | { type: 'lwop' }
  /** Life with the possibility of parole (federal "life", older state terms). */
  | { type: 'life' }
  /** N years to life. */
  | { type: 'indeterminate'; minYears: number }
  | { type: 'determinate'; months: number }
  | { type: 'probation'; months: number }
  | { type: 'county_jail'; months: number };

export const EXECUTION_METHODS = [
  'lethal_injection',
  'gas_chamber',
  'electrocution',
  'firing_squad',
  'hanging',
  'nitrogen_hypoxia',
] as const;
export type ExecutionMethod = (typeof EXECUTION_METHODS)[number];

export const SENTENCE_EVENT_KINDS = [
  'imposed',
  'execution_method_set',
  'stayed',
  'suspended',
  'reinstated',
  'vacated',
  'modified',
  'resentenced',
  'commuted',
  'pardoned',
  'paroled',
  'released',
  'discharged',
  'died',
  'executed',
] as const;
export type SentenceEventKind = (typeof SENTENCE_EVENT_KINDS)[number];

export const AUTHORITIES = ['court', 'governor', 'president', 'parole_board', 'corrections', 'other'] as const;
export type Authority = (typeof AUTHORITIES)[number];

export type SentenceEvent = {
  id: string;
  kind: SentenceEventKind;
  date: CalendarDate;
  authority: Authority | null;
  /** e.g. "Governor Jerry Brown", "San Bernardino County Superior Court". */
  authorityName?: string | null;
  /** The new term, for imposed, modified, resentenced and commuted. */
  term?: SentenceTerm | null;
  /** For execution_method_set; may also accompany a death sentence when imposed. */
  executionMethod?: ExecutionMethod | null;
};

/** Events that set a (new) term. */
export const TERM_EVENTS: ReadonlySet<SentenceEventKind> = new Set(['imposed', 'modified', 'resentenced', 'commuted']);

export type SentenceStatus =
  | 'active'
  | 'stayed'
  | 'suspended'
  | 'vacated'
  | 'pardoned'
  | 'paroled'
  | 'released'
  | 'discharged'
  | 'died'
  | 'executed';

export type CurrentSentence = {
  term: SentenceTerm;
  status: SentenceStatus;
  executionMethod: ExecutionMethod | null;
  /** Date of the event that brought about the current status. */
  since: CalendarDate;
  /** The term before the latest commutation, if any. */
  commutedFrom: SentenceTerm | null;
};

export type SentenceHistoryIssue = {
  eventId: string;
  field: 'kind' | 'date' | 'term' | 'executionMethod';
  message: string;
};

const FINAL: ReadonlySet<SentenceStatus> = new Set(['died', 'executed']);

/** Stable chronological order: by date, then as entered. */
export const orderSentenceEvents = (events: readonly SentenceEvent[]): SentenceEvent[] =>
  events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => compareDates(a.event.date, b.event.date) || a.index - b.index)
    .map(({ event }) => event);

type Fold = { current: CurrentSentence | null; vacatedTerm: SentenceTerm | null; issues: SentenceHistoryIssue[] };

const step = (state: Fold, e: SentenceEvent): Fold => {
  const issue = (field: SentenceHistoryIssue['field'], message: string): Fold => ({
    ...state,
    issues: [...state.issues, { eventId: e.id, field, message }],
  });
  const cur = state.current;
  if (TERM_EVENTS.has(e.kind) && !e.term) return issue('term', 'Give the sentence this event imposes');
  if (!TERM_EVENTS.has(e.kind) && e.term)
    return issue('term', 'Only an imposition, modification, resentencing or commutation sets a term');
  if (e.kind !== 'imposed' && !cur) return issue('kind', 'The first event of a sentence must be its imposition');
  if (cur && FINAL.has(cur.status))
    return issue('kind', `Nothing can follow: the sentence ended (${cur.status}) on ${cur.since}`);

  const withMethod = (term: SentenceTerm, keep: ExecutionMethod | null) =>
    term.type === 'death' ? (e.executionMethod ?? keep) : null;
  if (e.executionMethod && e.kind !== 'execution_method_set' && e.term?.type !== 'death') {
    return issue('executionMethod', 'An execution method belongs only to a death sentence');
  }

  switch (e.kind) {
    case 'imposed':
      if (cur) return issue('kind', 'A sentence is imposed once; use resentenced or modified for a new term');
      return {
        ...state,
        current: {
          term: e.term as SentenceTerm,
          status: 'active',
          executionMethod: withMethod(e.term as SentenceTerm, null),
          since: e.date,
          commutedFrom: null,
        },
      };
    case 'modified':
    case 'resentenced':
    case 'commuted': {
      const c = cur as CurrentSentence;
      if (e.kind === 'commuted' && c.status === 'vacated')
        return issue('kind', 'A vacated sentence cannot be commuted');
      const term = e.term as SentenceTerm;
      return {
        ...state,
        vacatedTerm: null,
        current: {
          term,
          status: 'active',
          executionMethod: withMethod(term, c.executionMethod),
          since: e.date,
          commutedFrom: e.kind === 'commuted' ? c.term : c.commutedFrom,
        },
      };
    }
    case 'execution_method_set': {
      const c = cur as CurrentSentence;
      if (c.term.type !== 'death') return issue('kind', 'An execution method can be set only on a death sentence');
      if (!e.executionMethod) return issue('executionMethod', 'Choose the execution method');
      return { ...state, current: { ...c, executionMethod: e.executionMethod } };
    }
    case 'stayed':
    case 'suspended': {
      const c = cur as CurrentSentence;
      if (c.status !== 'active') return issue('kind', `Only an active sentence can be ${e.kind} (it is ${c.status})`);
      return { ...state, current: { ...c, status: e.kind, since: e.date } };
    }
    case 'vacated': {
      const c = cur as CurrentSentence;
      if (c.status === 'vacated') return issue('kind', 'The sentence is already vacated');
      return { ...state, vacatedTerm: c.term, current: { ...c, status: 'vacated', since: e.date } };
    }
    case 'reinstated': {
      const c = cur as CurrentSentence;
      if (!['stayed', 'suspended', 'vacated'].includes(c.status)) {
        return issue('kind', `Only a stayed, suspended or vacated sentence can be reinstated (it is ${c.status})`);
      }
      return {
        ...state,
        vacatedTerm: null,
        current: { ...c, term: state.vacatedTerm ?? c.term, status: 'active', since: e.date },
      };
    }
    case 'pardoned':
      return { ...state, current: { ...(cur as CurrentSentence), status: 'pardoned', since: e.date } };
    case 'paroled': {
      const c = cur as CurrentSentence;
      if (c.term.type === 'death' || c.term.type === 'lwop') {
        return issue('kind', 'A death or life-without-parole sentence cannot be paroled: record the commutation first');
      }
      if (c.status !== 'active') return issue('kind', `Only an active sentence can end in parole (it is ${c.status})`);
      return { ...state, current: { ...c, status: 'paroled', since: e.date } };
    }
    case 'released':
    case 'discharged':
    case 'died':
      return { ...state, current: { ...(cur as CurrentSentence), status: e.kind, since: e.date } };
    case 'executed': {
      const c = cur as CurrentSentence;
      if (c.term.type !== 'death' || c.status !== 'active')
        return issue('kind', 'Only an active death sentence can be carried out');
      return { ...state, current: { ...c, status: 'executed', since: e.date } };
    }
  }
};

export type SentenceDerivation = { current: CurrentSentence | null; issues: SentenceHistoryIssue[] };

/**
 * Folds the events in date order into the current sentence, and lists every event that does not fit
 * the events before it (each with a readable reason). An event that does not fit is skipped.
 */
export const deriveCurrentSentence = (
  events: readonly SentenceEvent[],
  options: { convictionDate?: CalendarDate | null } = {},
): SentenceDerivation => {
  const dateIssues: SentenceHistoryIssue[] = [];
  const valid = events.filter((e) => {
    if (!isCalendarDate(e.date)) {
      dateIssues.push({ eventId: e.id, field: 'date', message: 'Not a real calendar date (YYYY-MM-DD)' });
      return false;
    }
    if (options.convictionDate && compareDates(e.date, options.convictionDate) < 0) {
      dateIssues.push({
        eventId: e.id,
        field: 'date',
        message: `Before the conviction date (${options.convictionDate})`,
      });
      return false;
    }
    return true;
  });
  const folded = orderSentenceEvents(valid).reduce<Fold>(step, { current: null, vacatedTerm: null, issues: [] });
  return { current: folded.current, issues: [...dateIssues, ...folded.issues] };
};

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const months = (m: number) =>
  [Math.floor(m / 12) > 0 ? plural(Math.floor(m / 12), 'year') : '', m % 12 > 0 ? plural(m % 12, 'month') : '']
    .filter(Boolean)
    .join(' ') || '0 months';

export const describeTerm = (term: SentenceTerm): string => {
  switch (term.type) {
    case 'death':
      return 'Death';
    case 'lwop':
      return 'Life without the possibility of parole';
    case 'life':
      return 'Life';
    case 'indeterminate':
      return `${plural(term.minYears, 'year')} to life`;
    case 'determinate':
      return months(term.months);
    case 'probation':
      return `Probation, ${months(term.months)}`;
    case 'county_jail':
      return `County jail, ${months(term.months)}`;
  }
};

export const METHOD_LABELS: Record<ExecutionMethod, string> = {
  lethal_injection: 'Lethal injection',
  gas_chamber: 'Gas chamber',
  electrocution: 'Electrocution',
  firing_squad: 'Firing squad',
  hanging: 'Hanging',
  nitrogen_hypoxia: 'Nitrogen hypoxia',
};
