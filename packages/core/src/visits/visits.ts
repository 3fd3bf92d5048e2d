import { fail, ok, type Result } from '../errors.js';

/**
 * Legal visits to a client in custody. A visit is `requested` from the facility (for CDCR, in writing
 * to the litigation coordinator, 15 CCR § 3178), then `approved` or `denied`, `scheduled` for a time,
 * and `held`, when the team writes a record: when it started and ended, who attended, privileged
 * notes and follow-up tasks. It may be `cancelled` at any point before it is held.
 *
 * Who may visit (15 CCR § 3178): an attorney, or an attorney's representative whom the attorney
 * sponsors: an investigator (licensed private or government), a law student or law-office apprentice,
 * or a paralegal (legal para-professional or the attorney's employee). A representative names the
 * supervising attorney; the prison asks for each visitor's name, mailing address, date of birth and
 * driver's licence or state ID number, and for attorneys the bar number and proof of good standing.
 */

export const VISIT_STATUSES = ['requested', 'approved', 'denied', 'scheduled', 'held', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  requested: 'Requested',
  approved: 'Approved',
  denied: 'Denied',
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
};

const VISIT_TRANSITIONS: Record<VisitStatus, readonly VisitStatus[]> = {
  // A facility often approves and gives a time in one reply.
  requested: ['approved', 'denied', 'scheduled', 'cancelled'],
  approved: ['scheduled', 'cancelled'],
  // Rescheduling is scheduled -> scheduled with a new time. `held` goes through the visit record.
  scheduled: ['scheduled', 'held', 'cancelled'],
  // A denied request can be asked again (e.g. with the missing proof of good standing).
  denied: ['requested'],
  held: [],
  cancelled: [],
};

export const allowedVisitTransitions = (status: VisitStatus): readonly VisitStatus[] => VISIT_TRANSITIONS[status];

/** Statuses of a visit still to come: these go in the calendar with their time. */
export const UPCOMING_VISIT_STATUSES: ReadonlySet<VisitStatus> = new Set(['scheduled']);

export const VISITOR_CAPACITIES = ['attorney', 'investigator', 'law_student', 'paralegal'] as const;
export type VisitorCapacity = (typeof VISITOR_CAPACITIES)[number];

export const VISITOR_CAPACITY_LABELS: Record<VisitorCapacity, string> = {
  attorney: 'Attorney',
  investigator: "Investigator (attorney's representative)",
  law_student: "Law student or law-office apprentice (attorney's representative)",
  paralegal: "Paralegal (attorney's representative)",
};

/** The attorney's representatives of 15 CCR § 3178: they visit under an attorney's sponsorship. */
export const isAttorneyRepresentative = (capacity: VisitorCapacity): boolean => capacity !== 'attorney';

/** Maps a user's organisation role to the capacity they usually visit in. */
export const defaultVisitorCapacity = (role: string): VisitorCapacity | null => {
  switch (role) {
    case 'attorney':
      return 'attorney';
    case 'investigator':
      return 'investigator';
    case 'law_apprentice':
      return 'law_student';
    case 'paralegal':
    case 'advocate':
      return 'paralegal';
    default:
      return null;
  }
};

export type VisitorDetails = {
  dateOfBirth: string | null;
  idNumber: string | null;
  barNumber: string | null;
  barInGoodStanding: boolean | null;
  mailingAddress: string | null;
};

export type VisitorPlan = {
  userId: string;
  /** The user's organisation role (to check who may be an attorney). */
  role: string;
  capacity: VisitorCapacity;
  supervisingAttorneyId: string | null;
  details: VisitorDetails;
};

/**
 * Checks the visitors of a request against § 3178: at least one, each once; an attorney visits as an
 * attorney only with the attorney role and a bar number in good standing; a representative names a
 * supervising attorney who is an attorney user. Returns field messages keyed `visitors.<i>.<field>`.
 */
export const checkVisitors = (
  visitors: readonly VisitorPlan[],
  /** Users (by id) who are attorneys in the organisation. */
  attorneyIds: ReadonlySet<string>,
): Result<true> => {
  const details: Record<string, string> = {};
  if (visitors.length === 0) details.visitors = 'Name at least one visitor';
  const seen = new Set<string>();
  visitors.forEach((v, i) => {
    const at = `visitors.${i}`;
    if (seen.has(v.userId)) details[`${at}.userId`] = 'Each visitor once';
    seen.add(v.userId);
    if (v.capacity === 'attorney') {
      if (v.role !== 'attorney') details[`${at}.capacity`] = 'Only an attorney can visit as an attorney';
      if (v.supervisingAttorneyId !== null) {
        details[`${at}.supervisingAttorneyId`] = 'An attorney visits in their own right';
      }
      if (v.details.barNumber === null) details[`${at}.barNumber`] = 'The facility asks for the bar number';
      if (v.details.barInGoodStanding === false) {
        details[`${at}.barInGoodStanding`] = 'An attorney not in good standing cannot make a legal visit';
      }
    } else if (v.supervisingAttorneyId === null) {
      details[`${at}.supervisingAttorneyId`] = "An attorney's representative names the sponsoring attorney";
    } else if (!attorneyIds.has(v.supervisingAttorneyId) || v.supervisingAttorneyId === v.userId) {
      details[`${at}.supervisingAttorneyId`] = 'The sponsoring attorney must be an attorney of the organisation';
    }
  });
  return Object.keys(details).length > 0
    ? fail('invalid', 'visit.bad_visitors', 'Check the visitors', details)
    : ok(true as const);
};

// ---- Time ----

const MINUTE = 60_000;

/** Minutes between two instants (ISO 8601 strings or Dates); an error when the end is not after the start. */
export const visitDurationMinutes = (start: string | Date, end: string | Date): Result<number> => {
  const a = new Date(start).getTime();
  const b = new Date(end).getTime();
  if (Number.isNaN(a) || Number.isNaN(b)) {
    return fail('invalid', 'visit.bad_time', 'Use a real time', { end: 'Use a real time' });
  }
  if (b <= a)
    return fail('invalid', 'visit.end_before_start', 'The end must be after the start', { end: 'After the start' });
  if (b - a > 24 * 60 * MINUTE) {
    return fail('invalid', 'visit.too_long', 'A visit lasts less than a day', { end: 'Within a day of the start' });
  }
  return ok(Math.round((b - a) / MINUTE));
};

/** "45 min", "1 h", "2 h 30 min". */
export const formatVisitDuration = (minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
};

/** The default length of a legal visit when the facility gives a start time only. */
export const DEFAULT_VISIT_MINUTES = 120;

/** The end of a visit: `minutes` after the start, as an ISO 8601 UTC string. */
export const addVisitMinutes = (start: string | Date, minutes: number): string =>
  new Date(new Date(start).getTime() + minutes * MINUTE).toISOString();

// ---- Transitions ----

export type VisitState = { status: VisitStatus; scheduledStart: string | null; scheduledEnd: string | null };

export type VisitChange = {
  to: VisitStatus;
  scheduledStart?: string | null | undefined;
  scheduledEnd?: string | null | undefined;
  reason?: string | null | undefined;
  /** Whether the visit record (start, end, attendees) comes with the change: `held` needs it. */
  hasRecord?: boolean | undefined;
};

export type VisitTransition = {
  status: VisitStatus;
  scheduledStart: string | null;
  scheduledEnd: string | null;
  decidedReason: string | null;
};

/**
 * One step of a visit. `scheduled` needs a start time (the end defaults to two hours later); `held`
 * needs a visit record; `denied` and `cancelled` keep their reason when given.
 */
export const transitionVisit = (visit: VisitState, change: VisitChange): Result<VisitTransition> => {
  const allowed = allowedVisitTransitions(visit.status);
  if (!allowed.includes(change.to)) {
    const options = allowed.length > 0 ? `: it can become ${allowed.join(' or ')}` : '';
    const article = /^[aeiou]/.test(visit.status) ? 'An' : 'A';
    return fail(
      'unprocessable',
      'visit.bad_transition',
      `${article} ${visit.status} visit cannot become ${change.to}${options}`,
    );
  }
  const base: VisitTransition = {
    status: change.to,
    scheduledStart: visit.scheduledStart,
    scheduledEnd: visit.scheduledEnd,
    decidedReason: change.reason?.trim() || null,
  };
  switch (change.to) {
    case 'scheduled': {
      const start = change.scheduledStart ?? null;
      if (start === null) {
        return fail('invalid', 'visit.start_required', 'A scheduled visit needs a start time', {
          scheduledStart: 'Give the time the facility set',
        });
      }
      const end = change.scheduledEnd ?? addVisitMinutes(start, DEFAULT_VISIT_MINUTES);
      const length = visitDurationMinutes(start, end);
      if (!length.ok) {
        return fail('invalid', length.error.code, length.error.message, { scheduledEnd: length.error.message });
      }
      return ok({ ...base, scheduledStart: new Date(start).toISOString(), scheduledEnd: new Date(end).toISOString() });
    }
    case 'held':
      if (change.hasRecord !== true) {
        return fail(
          'unprocessable',
          'visit.record_required',
          'A visit is marked held with its record (POST /visits/{id}/record)',
        );
      }
      return ok(base);
    default:
      return ok(base);
  }
};
