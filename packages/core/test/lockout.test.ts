import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterFailedLogin,
  afterSuccessfulLogin,
  DEFAULT_LOCKOUT,
  isLockedOut,
  type LockoutPolicy,
  type LoginFailureState,
} from '../src/auth/lockout.js';

const MINUTE = 60_000;
const now = new Date('2026-03-01T09:00:00.000Z');
const clean: LoginFailureState = { failedCount: 0, lockedUntil: null };
const minutesAfter = (from: Date, minutes: number) => new Date(from.getTime() + minutes * MINUTE);

/** Applies `count` failed sign-ins, all at the same instant. */
const failTimes = (count: number, state: LoginFailureState = clean, at: Date = now): LoginFailureState => {
  let next = state;
  for (let i = 0; i < count; i += 1) next = afterFailedLogin(next, at);
  return next;
};

describe('afterFailedLogin with the default policy', () => {
  it('uses 5 failures, 15 minutes and a 24 hour cap', () => {
    expect(DEFAULT_LOCKOUT).toEqual({ threshold: 5, lockMinutes: 15, maxLockMinutes: 24 * 60 });
  });

  const cases: { failures: number; lockMinutes: number | null }[] = [
    { failures: 1, lockMinutes: null },
    { failures: 4, lockMinutes: null },
    { failures: 5, lockMinutes: 15 },
    { failures: 6, lockMinutes: 15 },
    { failures: 9, lockMinutes: 15 },
    { failures: 10, lockMinutes: 30 },
    { failures: 15, lockMinutes: 60 },
    { failures: 20, lockMinutes: 120 },
    { failures: 35, lockMinutes: 960 },
    { failures: 40, lockMinutes: 24 * 60 },
    { failures: 100, lockMinutes: 24 * 60 },
  ];
  it.each(
    cases.map((c) => [
      c.lockMinutes === null
        ? `leaves the account unlocked after ${c.failures} failure${c.failures === 1 ? '' : 's'}`
        : `locks the account for ${c.lockMinutes} minutes after ${c.failures} failures`,
      c,
    ]),
  )('%s', (_name, { failures, lockMinutes }) => {
    const state = failTimes(failures);
    expect(state).toEqual({
      failedCount: failures,
      lockedUntil: lockMinutes === null ? null : minutesAfter(now, lockMinutes),
    });
  });

  it('starts the lock from the instant of the failure that triggers it', () => {
    const fourth = failTimes(4);
    const later = minutesAfter(now, 7);
    expect(afterFailedLogin(fourth, later).lockedUntil).toEqual(minutesAfter(later, 15));
  });

  it('does not extend a lock on the failures between two thresholds', () => {
    const locked = failTimes(5);
    const sixth = afterFailedLogin(locked, minutesAfter(now, 20));
    expect(sixth).toEqual({ failedCount: 6, lockedUntil: minutesAfter(now, 15) });
  });

  it('doubles the lock at the 10th failure, counted from that failure', () => {
    const ninth = failTimes(9);
    const tenthAt = minutesAfter(now, 16);
    expect(afterFailedLogin(ninth, tenthAt).lockedUntil).toEqual(minutesAfter(tenthAt, 30));
  });

  it('caps the lock at 24 hours however many failures came before', () => {
    for (const failedCount of [39, 4_999, 999_999]) {
      const state = afterFailedLogin({ failedCount, lockedUntil: null }, now);
      expect(state.lockedUntil, `after ${failedCount + 1} failures`).toEqual(minutesAfter(now, 24 * 60));
    }
  });

  it('follows a custom policy', () => {
    const policy: LockoutPolicy = { threshold: 3, lockMinutes: 1, maxLockMinutes: 3 };
    const lockAfter = (failures: number) => {
      let state = clean;
      for (let i = 0; i < failures; i += 1) state = afterFailedLogin(state, now, policy);
      return state.lockedUntil;
    };
    expect(lockAfter(2)).toBeNull();
    expect(lockAfter(3)).toEqual(minutesAfter(now, 1));
    expect(lockAfter(6)).toEqual(minutesAfter(now, 2));
    expect(lockAfter(9)).toEqual(minutesAfter(now, 3));
  });
});

describe('isLockedOut', () => {
  const lockedUntil = minutesAfter(now, 15);
  const cases = [
    { when: 'no lock has been set', state: clean, at: now, isLocked: false },
    { when: 'the lock has just begun', state: { failedCount: 5, lockedUntil }, at: now, isLocked: true },
    {
      when: 'one millisecond remains',
      state: { failedCount: 5, lockedUntil },
      at: new Date(lockedUntil.getTime() - 1),
      isLocked: true,
    },
    {
      when: 'the lock ends at this very instant',
      state: { failedCount: 5, lockedUntil },
      at: lockedUntil,
      isLocked: false,
    },
    {
      when: 'the lock ended a millisecond ago',
      state: { failedCount: 5, lockedUntil },
      at: new Date(lockedUntil.getTime() + 1),
      isLocked: false,
    },
  ];
  it.each(cases.map((c) => [`${c.isLocked ? 'locked' : 'not locked'} when ${c.when}`, c] as const))(
    'is %s',
    (_name, { state, at, isLocked }) => {
      expect(isLockedOut(state, at)).toBe(isLocked);
    },
  );

  it('does not lock the account before the 5th failure', () => {
    for (let failures = 1; failures < 5; failures += 1) {
      expect(isLockedOut(failTimes(failures), now), `after ${failures} failures`).toBe(false);
    }
    expect(isLockedOut(failTimes(5), now)).toBe(true);
  });
});

describe('afterSuccessfulLogin', () => {
  it('clears the failure count and any lock', () => {
    expect(afterSuccessfulLogin()).toEqual({ failedCount: 0, lockedUntil: null });
  });

  it('starts counting again from zero, so four more failures do not lock', () => {
    const afterSuccess = afterSuccessfulLogin();
    const state = failTimes(4, afterSuccess);
    expect(state).toEqual({ failedCount: 4, lockedUntil: null });
    expect(isLockedOut(state, now)).toBe(false);
  });

  it('gives a fresh 15 minute lock, not a doubled one, at the next 5th failure', () => {
    const state = failTimes(5, afterSuccessfulLogin(), minutesAfter(now, 60));
    expect(state.lockedUntil).toEqual(minutesAfter(now, 60 + 15));
  });
});

describe('lockout properties', () => {
  const policyArb = fc.record({
    threshold: fc.integer({ min: 1, max: 10 }),
    lockMinutes: fc.integer({ min: 1, max: 240 }),
    maxLockMinutes: fc.integer({ min: 1, max: 48 * 60 }),
  });
  const gapsArb = fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 * MINUTE }), { minLength: 1, maxLength: 80 });

  it('never locks for longer than maxLockMinutes, and never moves lockedUntil backwards', () => {
    fc.assert(
      fc.property(policyArb, gapsArb, (policy, gaps) => {
        let state = clean;
        let at = now.getTime();
        for (const gap of gaps) {
          at += gap;
          const next = afterFailedLogin(state, new Date(at), policy);
          expect(next.failedCount).toBe(state.failedCount + 1);
          if (next.lockedUntil !== null) {
            expect(next.lockedUntil.getTime() - at).toBeLessThanOrEqual(policy.maxLockMinutes * MINUTE);
          }
          if (state.lockedUntil !== null) {
            expect(next.lockedUntil).not.toBeNull();
            expect(next.lockedUntil?.getTime()).toBeGreaterThanOrEqual(state.lockedUntil.getTime());
          }
          state = next;
        }
      }),
    );
  });

  it('locks exactly when the failure count reaches a multiple of the threshold', () => {
    fc.assert(
      fc.property(policyArb, fc.integer({ min: 0, max: 200 }), (policy, failedCount) => {
        const next = afterFailedLogin({ failedCount, lockedUntil: null }, now, policy);
        const isNewLock = next.lockedUntil !== null;
        expect(isNewLock).toBe((failedCount + 1) % policy.threshold === 0);
      }),
    );
  });
});
