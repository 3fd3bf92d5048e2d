import { describe, expect, it } from 'vitest';
import {
  addVisitMinutes,
  allowedVisitTransitions,
  checkVisitors,
  defaultVisitorCapacity,
  formatVisitDuration,
  isAttorneyRepresentative,
  transitionVisit,
  type VisitorPlan,
  visitDurationMinutes,
} from '../src/visits/visits.js';

const requested = { status: 'requested' as const, scheduledStart: null, scheduledEnd: null };

describe('visit transitions', () => {
  it.each([
    ['requested', ['approved', 'denied', 'scheduled', 'cancelled']],
    ['approved', ['scheduled', 'cancelled']],
    ['scheduled', ['scheduled', 'held', 'cancelled']],
    ['denied', ['requested']],
    ['held', []],
    ['cancelled', []],
  ] as const)('%s may become %j', (status, expected) => {
    expect(allowedVisitTransitions(status)).toEqual(expected);
  });

  it('schedules with a start time and a default length of two hours', () => {
    const result = transitionVisit(requested, { to: 'scheduled', scheduledStart: '2026-03-10T17:00:00Z' });
    expect(result).toEqual({
      ok: true,
      value: {
        status: 'scheduled',
        scheduledStart: '2026-03-10T17:00:00.000Z',
        scheduledEnd: '2026-03-10T19:00:00.000Z',
        decidedReason: null,
      },
    });
  });

  it.each([
    [requested, { to: 'scheduled' }, 'visit.start_required'],
    [
      requested,
      { to: 'scheduled', scheduledStart: '2026-03-10T17:00:00Z', scheduledEnd: '2026-03-10T16:00:00Z' },
      'visit.end_before_start',
    ],
    [{ ...requested, status: 'scheduled' as const }, { to: 'held' }, 'visit.record_required'],
    [requested, { to: 'held', hasRecord: true }, 'visit.bad_transition'],
    [{ ...requested, status: 'cancelled' as const }, { to: 'approved' }, 'visit.bad_transition'],
  ] as const)('refuses %j -> %j with %s', (visit, change, code) => {
    const result = transitionVisit(visit, change);
    expect(result.ok || result.error.code).toBe(code);
  });

  it('keeps the reason of a denial', () => {
    const result = transitionVisit(requested, { to: 'denied', reason: ' No proof of good standing ' });
    expect(result.ok && result.value.decidedReason).toBe('No proof of good standing');
  });
});

describe('visitors (15 CCR 3178)', () => {
  const attorneyIds = new Set(['att']);
  const plan = (over: Partial<VisitorPlan>): VisitorPlan => ({
    userId: 'att',
    role: 'attorney',
    capacity: 'attorney',
    supervisingAttorneyId: null,
    details: {
      dateOfBirth: null,
      idNumber: 'D1234567',
      barNumber: '123456',
      barInGoodStanding: true,
      mailingAddress: null,
    },
    ...over,
  });

  it('accepts an attorney and a sponsored investigator', () => {
    expect(
      checkVisitors(
        [
          plan({}),
          plan({ userId: 'inv', role: 'investigator', capacity: 'investigator', supervisingAttorneyId: 'att' }),
        ],
        attorneyIds,
      ),
    ).toEqual({ ok: true, value: true });
  });

  it('names every problem by field', () => {
    const result = checkVisitors(
      [
        plan({ role: 'paralegal' }),
        plan({ userId: 'stu', role: 'law_apprentice', capacity: 'law_student' }),
        plan({ userId: 'inv', role: 'investigator', capacity: 'investigator', supervisingAttorneyId: 'nobody' }),
        plan({ userId: 'att2', details: { ...plan({}).details, barNumber: null, barInGoodStanding: false } }),
      ],
      attorneyIds,
    );
    expect(result.ok || result.error.details).toEqual({
      'visitors.0.capacity': 'Only an attorney can visit as an attorney',
      'visitors.1.supervisingAttorneyId': "An attorney's representative names the sponsoring attorney",
      'visitors.2.supervisingAttorneyId': 'The sponsoring attorney must be an attorney of the organisation',
      'visitors.3.barNumber': 'The facility asks for the bar number',
      'visitors.3.barInGoodStanding': 'An attorney not in good standing cannot make a legal visit',
    });
    expect(checkVisitors([], attorneyIds).ok).toBe(false);
  });

  it('maps roles to capacities', () => {
    expect(
      ['attorney', 'investigator', 'law_apprentice', 'paralegal', 'volunteer'].map(defaultVisitorCapacity),
    ).toEqual(['attorney', 'investigator', 'law_student', 'paralegal', null]);
    expect(isAttorneyRepresentative('attorney')).toBe(false);
    expect(isAttorneyRepresentative('law_student')).toBe(true);
  });
});

describe('duration', () => {
  it.each([
    ['2026-03-10T17:00:00Z', '2026-03-10T17:45:00Z', 45, '45 min'],
    ['2026-03-10T17:00:00Z', '2026-03-10T18:00:00Z', 60, '1 h'],
    ['2026-03-10T17:00:00Z', '2026-03-10T19:30:00Z', 150, '2 h 30 min'],
  ])('%s to %s is %i minutes (%s)', (start, end, minutes, words) => {
    expect(visitDurationMinutes(start, end)).toEqual({ ok: true, value: minutes });
    expect(formatVisitDuration(minutes)).toBe(words);
  });

  it('refuses an end before the start, a bad time and a visit of more than a day', () => {
    expect(visitDurationMinutes('2026-03-10T17:00:00Z', '2026-03-10T17:00:00Z').ok).toBe(false);
    expect(visitDurationMinutes('nonsense', '2026-03-10T17:00:00Z').ok).toBe(false);
    expect(visitDurationMinutes('2026-03-10T17:00:00Z', '2026-03-12T17:00:00Z').ok).toBe(false);
    expect(addVisitMinutes('2026-03-10T17:00:00Z', 90)).toBe('2026-03-10T18:30:00.000Z');
  });
});
