import { describe, expect, it } from 'vitest';
import {
  allowedCorrespondenceTransitions,
  type CorrespondenceRecord,
  checkMailable,
  initialCorrespondence,
  transitionCorrespondence,
} from '../src/correspondence/correspondence.js';

const TODAY = '2026-03-02';
const letter = (over: Partial<CorrespondenceRecord> = {}): CorrespondenceRecord => ({
  direction: 'out',
  channel: 'legal_mail',
  state: 'ready',
  sentOn: null,
  receivedOn: null,
  ...over,
});

describe('logging correspondence', () => {
  it.each([
    [
      { direction: 'in', channel: 'post' },
      { state: 'received', sentOn: null, receivedOn: TODAY },
    ],
    [
      { direction: 'out', channel: 'phone' },
      { state: 'sent', sentOn: TODAY, receivedOn: null },
    ],
    [
      { direction: 'out', channel: 'post', state: 'draft' },
      { state: 'draft', sentOn: null, receivedOn: null },
    ],
    [
      { direction: 'out', channel: 'post', on: '2026-02-27' },
      { state: 'sent', sentOn: '2026-02-27', receivedOn: null },
    ],
  ] as const)('%j starts as %j', (input, expected) => {
    expect(initialCorrespondence(input, TODAY)).toEqual({ ok: true, value: expected });
  });

  it('refuses an incoming record that is not received, and a date in the future', () => {
    const bad = initialCorrespondence({ direction: 'in', channel: 'post', state: 'sent' }, TODAY);
    expect(bad.ok || bad.error).toMatchObject({
      code: 'correspondence.bad_state',
      details: { state: expect.any(String) },
    });
    const future = initialCorrespondence({ direction: 'in', channel: 'post', on: '2026-03-03' }, TODAY);
    expect(future.ok || future.error.code).toBe('correspondence.future_date');
  });
});

describe('transitions', () => {
  it.each([
    ['out', 'draft', ['ready', 'sent']],
    ['out', 'ready', ['draft', 'sent']],
    ['out', 'sent', ['returned']],
    ['out', 'returned', []],
    ['in', 'received', []],
  ] as const)('%s %s may become %j', (direction, state, expected) => {
    expect(allowedCorrespondenceTransitions(direction, state)).toEqual(expected);
  });

  it('stamps the day a letter is sent', () => {
    expect(transitionCorrespondence(letter(), { to: 'sent', today: TODAY })).toEqual({
      ok: true,
      value: { state: 'sent', sentOn: TODAY, receivedOn: null, returnedReason: null, mailHold: null },
    });
  });

  it('raises the mail hold when the facility returns a letter', () => {
    const result = transitionCorrespondence(letter({ state: 'sent', sentOn: '2026-02-20' }), {
      to: 'returned',
      reason: 'Transferred',
      today: TODAY,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        state: 'returned',
        sentOn: '2026-02-20',
        receivedOn: null,
        returnedReason: 'Transferred',
        mailHold: { since: TODAY, reason: 'Mail returned by the facility: Transferred' },
      },
    });
  });

  it.each([
    [letter({ state: 'sent' }), { to: 'returned' }, 'correspondence.reason_required'],
    [letter({ state: 'sent', channel: 'phone' }), { to: 'returned', reason: 'x' }, 'correspondence.not_mail'],
    [
      letter({ state: 'sent', sentOn: '2026-03-01' }),
      { to: 'returned', reason: 'x', on: '2026-02-01' },
      'correspondence.returned_before_sent',
    ],
    [letter({ state: 'ready' }), { to: 'returned', reason: 'x' }, 'correspondence.bad_transition'],
    [letter({ direction: 'in', state: 'received' }), { to: 'sent' }, 'correspondence.bad_transition'],
    [letter(), { to: 'sent', on: '2026-03-05' }, 'correspondence.future_date'],
  ] as const)('refuses %j -> %j with %s', (record, request, code) => {
    const result = transitionCorrespondence(record, { ...request, today: TODAY });
    expect(result.ok || result.error.code).toBe(code);
  });
});

describe('mail hold', () => {
  const hold = { since: '2026-02-28', reason: 'Transferred: confirm the new address' };
  it('blocks post and legal mail while a hold is on, with the reason', () => {
    const result = checkMailable('legal_mail', hold);
    expect(result.ok || result.error).toMatchObject({
      code: 'mail.hold',
      category: 'conflict',
      message: 'Mail is on hold since 2026-02-28: Transferred: confirm the new address',
    });
    expect(checkMailable('post', hold).ok).toBe(false);
  });
  it('lets calls, video visits and messages through, and mail without a hold', () => {
    expect(checkMailable('phone', hold).ok).toBe(true);
    expect(checkMailable('messaging_service', hold).ok).toBe(true);
    expect(checkMailable('post', null).ok).toBe(true);
  });
});
