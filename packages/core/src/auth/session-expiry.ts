/** A session ends when idle too long or when it reaches its absolute lifetime, whichever comes first. */
export type SessionTimes = { createdAt: Date; lastSeenAt: Date };
export type SessionLimits = { idleMinutes: number; absoluteHours: number };

export type SessionState = { isValid: true; expiresAt: Date } | { isValid: false; reason: 'idle' | 'absolute' };

export const sessionState = (times: SessionTimes, limits: SessionLimits, now: Date): SessionState => {
  const absoluteEnd = times.createdAt.getTime() + limits.absoluteHours * 3_600_000;
  const idleEnd = times.lastSeenAt.getTime() + limits.idleMinutes * 60_000;
  if (now.getTime() >= absoluteEnd) return { isValid: false, reason: 'absolute' };
  if (now.getTime() >= idleEnd) return { isValid: false, reason: 'idle' };
  return { isValid: true, expiresAt: new Date(Math.min(absoluteEnd, idleEnd)) };
};
