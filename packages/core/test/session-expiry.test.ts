import { describe, expect, it } from 'vitest';
import { sessionState } from '../src/auth/session-expiry.js';

const at = (iso: string) => new Date(iso);
const limits = { idleMinutes: 60, absoluteHours: 12 };

describe('sessionState', () => {
  it('keeps a session alive while it is used within the idle window', () => {
    const s = sessionState(
      { createdAt: at('2026-01-01T08:00:00Z'), lastSeenAt: at('2026-01-01T10:30:00Z') },
      limits,
      at('2026-01-01T11:00:00Z'),
    );
    expect(s).toEqual({ isValid: true, expiresAt: at('2026-01-01T11:30:00Z') });
  });
  it('ends a session idle for the whole idle window', () => {
    const s = sessionState(
      { createdAt: at('2026-01-01T08:00:00Z'), lastSeenAt: at('2026-01-01T10:00:00Z') },
      limits,
      at('2026-01-01T11:00:00Z'),
    );
    expect(s).toEqual({ isValid: false, reason: 'idle' });
  });
  it('ends a busy session at its absolute lifetime', () => {
    const s = sessionState(
      { createdAt: at('2026-01-01T08:00:00Z'), lastSeenAt: at('2026-01-01T19:59:00Z') },
      limits,
      at('2026-01-01T20:00:00Z'),
    );
    expect(s).toEqual({ isValid: false, reason: 'absolute' });
  });
});
