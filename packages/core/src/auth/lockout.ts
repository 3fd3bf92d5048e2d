/**
 * Account lockout after repeated failed sign-ins. Pure: the caller supplies the counters and the clock.
 * After `threshold` consecutive failures the account locks for `lockMinutes`, doubling with each further
 * lock up to `maxLockMinutes`, so a patient attacker gains little and a user who mistypes is not stuck.
 */
export type LockoutPolicy = { threshold: number; lockMinutes: number; maxLockMinutes: number };
export const DEFAULT_LOCKOUT: LockoutPolicy = { threshold: 5, lockMinutes: 15, maxLockMinutes: 24 * 60 };

export type LoginFailureState = { failedCount: number; lockedUntil: Date | null };

export const isLockedOut = (state: LoginFailureState, now: Date): boolean =>
  state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();

export const afterFailedLogin = (
  state: LoginFailureState,
  now: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): LoginFailureState => {
  const failedCount = state.failedCount + 1;
  if (failedCount < policy.threshold) return { failedCount, lockedUntil: state.lockedUntil };
  const locksSoFar = Math.floor(failedCount / policy.threshold) - 1;
  const minutes = Math.min(policy.lockMinutes * 2 ** locksSoFar, policy.maxLockMinutes);
  const lockedUntil =
    failedCount % policy.threshold === 0 ? new Date(now.getTime() + minutes * 60_000) : state.lockedUntil;
  return { failedCount, lockedUntil };
};

export const afterSuccessfulLogin = (): LoginFailureState => ({ failedCount: 0, lockedUntil: null });
