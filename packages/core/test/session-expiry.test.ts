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

describe('sessionState at its boundaries', () => {
  const createdAt = at('2026-01-01T08:00:00.000Z');
  const absoluteEnd = at('2026-01-01T20:00:00.000Z');
  const msBefore = (d: Date) => new Date(d.getTime() - 1);

  const cases = [
    {
      when: 'one millisecond before the idle end',
      lastSeenAt: at('2026-01-01T10:00:00.000Z'),
      now: msBefore(at('2026-01-01T11:00:00.000Z')),
      state: { isValid: true, expiresAt: at('2026-01-01T11:00:00.000Z') },
    },
    {
      when: 'exactly at the idle end',
      lastSeenAt: at('2026-01-01T10:00:00.000Z'),
      now: at('2026-01-01T11:00:00.000Z'),
      state: { isValid: false, reason: 'idle' },
    },
    {
      when: 'one millisecond before the absolute end',
      lastSeenAt: at('2026-01-01T19:30:00.000Z'),
      now: msBefore(absoluteEnd),
      state: { isValid: true, expiresAt: absoluteEnd },
    },
    {
      when: 'exactly at the absolute end',
      lastSeenAt: at('2026-01-01T19:30:00.000Z'),
      now: absoluteEnd,
      state: { isValid: false, reason: 'absolute' },
    },
    {
      when: 'when both ends fall at the same instant, reported as absolute',
      lastSeenAt: at('2026-01-01T19:00:00.000Z'),
      now: absoluteEnd,
      state: { isValid: false, reason: 'absolute' },
    },
    {
      when: 'at the instant of sign-in',
      lastSeenAt: createdAt,
      now: createdAt,
      state: { isValid: true, expiresAt: at('2026-01-01T09:00:00.000Z') },
    },
  ];
  it.each(cases.map((c) => [`${c.state.isValid ? 'valid' : 'invalid'} ${c.when}`, c] as const))(
    'is %s',
    (_name, { lastSeenAt, now, state }) => {
      expect(sessionState({ createdAt, lastSeenAt }, limits, now)).toEqual(state);
    },
  );

  it.each([
    ['idle', at('2026-01-01T12:00:00.000Z'), at('2026-01-01T12:30:00.000Z'), at('2026-01-01T13:00:00.000Z')],
    ['absolute', at('2026-01-01T19:15:00.000Z'), at('2026-01-01T19:20:00.000Z'), absoluteEnd],
  ] as const)('expires a live session at the earlier end, here the %s end', (_earlier, lastSeenAt, now, expiresAt) => {
    expect(sessionState({ createdAt, lastSeenAt }, limits, now)).toEqual({ isValid: true, expiresAt });
  });
});
