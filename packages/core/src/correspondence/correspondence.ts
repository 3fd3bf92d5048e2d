import type { CalendarDate } from '../case-file/calendar-date.js';
import { compareDates } from '../case-file/calendar-date.js';
import { domainError, fail, ok, type Result } from '../errors.js';

/**
 * Correspondence with a client in custody: every letter in and out, every call and video visit, and
 * what became of each outgoing letter. Pure: the caller passes today's date.
 *
 * An outgoing letter is a `draft` while it is written, `ready` once its PDF and envelope exist, `sent`
 * when it leaves the office and `returned` when the prison sends it back. An incoming letter (or call)
 * is `received`. A returned letter raises the person's mail hold: mail that came back usually means
 * the person was moved, and CDCR mail follows a transfer only when readdressed, so nothing more is
 * mailed until someone confirms the new address and releases the hold.
 */

export const CORRESPONDENCE_CHANNELS = ['post', 'legal_mail', 'messaging_service', 'phone', 'video_visit'] as const;
export type CorrespondenceChannel = (typeof CORRESPONDENCE_CHANNELS)[number];

export const CHANNEL_LABELS: Record<CorrespondenceChannel, string> = {
  post: 'Post',
  legal_mail: 'Confidential legal mail',
  messaging_service: 'Prison messaging service',
  phone: 'Phone',
  video_visit: 'Video visit',
};

/** Channels that travel through the prison mailroom: these are the ones a mail hold stops and the prison can return. */
export const MAILED_CHANNELS: ReadonlySet<CorrespondenceChannel> = new Set(['post', 'legal_mail']);
export const isMailedChannel = (channel: CorrespondenceChannel): boolean => MAILED_CHANNELS.has(channel);

export const CORRESPONDENCE_DIRECTIONS = ['in', 'out'] as const;
export type CorrespondenceDirection = (typeof CORRESPONDENCE_DIRECTIONS)[number];

export const CORRESPONDENCE_STATES = ['draft', 'ready', 'sent', 'returned', 'received'] as const;
export type CorrespondenceState = (typeof CORRESPONDENCE_STATES)[number];

/** The states a record may start in, by direction. */
export const INITIAL_STATES: Record<CorrespondenceDirection, readonly CorrespondenceState[]> = {
  out: ['draft', 'ready', 'sent'],
  in: ['received'],
};

/** Where an outgoing record may go from each state. Incoming records are received and stay so. */
const OUTGOING_TRANSITIONS: Record<CorrespondenceState, readonly CorrespondenceState[]> = {
  draft: ['ready', 'sent'],
  ready: ['draft', 'sent'],
  sent: ['returned'],
  returned: [],
  received: [],
};

export const allowedCorrespondenceTransitions = (
  direction: CorrespondenceDirection,
  state: CorrespondenceState,
): readonly CorrespondenceState[] => (direction === 'out' ? OUTGOING_TRANSITIONS[state] : []);

export type CorrespondenceRecord = {
  direction: CorrespondenceDirection;
  channel: CorrespondenceChannel;
  state: CorrespondenceState;
  sentOn: CalendarDate | null;
  receivedOn: CalendarDate | null;
};

export type MailHoldChange = { since: CalendarDate; reason: string };

export type CorrespondenceTransition = {
  state: CorrespondenceState;
  sentOn: CalendarDate | null;
  receivedOn: CalendarDate | null;
  returnedReason: string | null;
  /** Set when the change puts the person's mail on hold (a returned letter). */
  mailHold: MailHoldChange | null;
};

export type TransitionRequest = {
  to: CorrespondenceState;
  /** The day it happened: defaults to today. */
  on?: CalendarDate | undefined;
  /** Why the prison sent it back: required for `returned`. */
  reason?: string | undefined;
  today: CalendarDate;
};

/** The reason recorded on the person's mail hold when a letter comes back. */
export const returnedMailHoldReason = (reason: string): string => `Mail returned by the facility: ${reason}`;

/**
 * One step of an outgoing letter's life. `sent` stamps the day it left; `returned` needs the reason
 * and raises the mail hold (the caller keeps an existing hold as it is).
 */
export const transitionCorrespondence = (
  record: CorrespondenceRecord,
  request: TransitionRequest,
): Result<CorrespondenceTransition> => {
  const { to, today } = request;
  const on = request.on ?? today;
  if (compareDates(on, today) > 0) {
    return fail('invalid', 'correspondence.future_date', 'The date cannot be in the future', {
      on: 'The date cannot be in the future',
    });
  }
  const allowed = allowedCorrespondenceTransitions(record.direction, record.state);
  if (!allowed.includes(to)) {
    const options = allowed.length > 0 ? `: it can become ${allowed.join(' or ')}` : '';
    return fail(
      'unprocessable',
      'correspondence.bad_transition',
      `${record.direction === 'in' ? 'An incoming' : 'An outgoing'} record that is ${record.state} cannot become ${to}${options}`,
    );
  }
  const base: CorrespondenceTransition = {
    state: to,
    sentOn: record.sentOn,
    receivedOn: record.receivedOn,
    returnedReason: null,
    mailHold: null,
  };
  switch (to) {
    case 'sent':
      return ok({ ...base, sentOn: on });
    case 'returned': {
      const reason = request.reason?.trim() ?? '';
      if (reason === '') {
        return fail('invalid', 'correspondence.reason_required', 'Say why the letter came back', {
          reason: 'Say why the letter came back (e.g. "transferred", "not at this address")',
        });
      }
      if (!isMailedChannel(record.channel)) {
        return fail(
          'unprocessable',
          'correspondence.not_mail',
          'Only a letter (post or legal mail) can be returned by the facility',
        );
      }
      if (record.sentOn !== null && compareDates(on, record.sentOn) < 0) {
        return fail('invalid', 'correspondence.returned_before_sent', 'A letter cannot come back before it was sent', {
          on: 'Not before the day it was sent',
        });
      }
      return ok({ ...base, returnedReason: reason, mailHold: { since: on, reason: returnedMailHoldReason(reason) } });
    }
    default:
      return ok(base);
  }
};

export type NewCorrespondence = {
  direction: CorrespondenceDirection;
  channel: CorrespondenceChannel;
  state?: CorrespondenceState | undefined;
  on?: CalendarDate | undefined;
};

/**
 * The state and dates of a record as it is logged: an incoming letter is received on its day; an
 * outgoing one is sent on its day, unless it is logged as a draft or ready to print.
 */
export const initialCorrespondence = (
  input: NewCorrespondence,
  today: CalendarDate,
): Result<{ state: CorrespondenceState; sentOn: CalendarDate | null; receivedOn: CalendarDate | null }> => {
  const state = input.state ?? (input.direction === 'in' ? 'received' : 'sent');
  if (!INITIAL_STATES[input.direction].includes(state)) {
    return fail(
      'invalid',
      'correspondence.bad_state',
      `${input.direction === 'in' ? 'An incoming' : 'An outgoing'} record cannot start as ${state}`,
      { state: `One of ${INITIAL_STATES[input.direction].join(', ')}` },
    );
  }
  const on = input.on ?? today;
  if (compareDates(on, today) > 0) {
    return fail('invalid', 'correspondence.future_date', 'The date cannot be in the future', {
      on: 'The date cannot be in the future',
    });
  }
  if (state === 'received') return ok({ state, sentOn: null, receivedOn: on });
  if (state === 'sent') return ok({ state, sentOn: on, receivedOn: null });
  return ok({ state, sentOn: null, receivedOn: null });
};

export type MailHold = { since: CalendarDate; reason: string } | null;

/**
 * Whether a letter may go to a person by a mailed channel: not while a mail hold is on. The error
 * carries the hold's reason, which is what staff need to act on.
 */
export const checkMailable = (channel: CorrespondenceChannel, hold: MailHold): Result<true> =>
  hold !== null && isMailedChannel(channel) ? { ok: false, error: mailHoldError(hold) } : ok(true as const);

export const mailHoldError = (hold: { since: CalendarDate; reason: string }) =>
  domainError('conflict', 'mail.hold', `Mail is on hold since ${hold.since}: ${hold.reason}`, {
    mailHold: hold.reason,
  });
