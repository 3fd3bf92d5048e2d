import { describe, expect, it } from 'vitest';
import {
  ageBucketOf,
  computeIntakeMetrics,
  DecideIntakeInput,
  type IntakeMetricsRow,
  IntakeQuestionnaire,
  intakeSummaryFields,
  isoWeekOf,
  isoWeekStart,
  looksLikeMarkup,
  mergeQuestionnaire,
  parsePublicIntake,
  publicFieldMessage,
  publicIntakeForm,
  receivedRangeOfBucket,
  scoreDuplicate,
  transitionIntake,
} from '../src/index.js';

describe('intake transitions', () => {
  const fresh = { state: 'new', decision: null } as const;
  it('moves new to in_review on review, and leaves in_review unchanged', () => {
    expect(transitionIntake(fresh, { kind: 'review' })).toMatchObject({
      ok: true,
      value: { state: 'in_review', isUnchanged: false },
    });
    expect(transitionIntake({ state: 'in_review', decision: null }, { kind: 'review' })).toMatchObject({
      ok: true,
      value: { isUnchanged: true },
    });
  });
  it.each([
    ['declined', {}, { reason: 'Say why the intake is declined' }],
    ['referred', { reason: 'AZ' }, { referralOrganisation: 'Name the organisation it is referred to' }],
    [
      'referred',
      {},
      { reason: 'Say why it is referred', referralOrganisation: 'Name the organisation it is referred to' },
    ],
  ] as const)('refuses %s without what it needs', (decision, extra, details) => {
    const result = transitionIntake(fresh, { kind: 'decide', decision, ...extra });
    expect(result).toMatchObject({ ok: false, error: { code: 'intake.reason_required', details } });
  });
  it('waitlists without a reason, and a waitlisted intake may be decided again', () => {
    const waitlisted = transitionIntake(fresh, { kind: 'decide', decision: 'waitlisted' });
    expect(waitlisted).toMatchObject({
      ok: true,
      value: { state: 'decided', decision: 'waitlisted', decisionReason: null },
    });
    expect(
      transitionIntake({ state: 'decided', decision: 'waitlisted' }, { kind: 'decide', decision: 'accepted' }).ok,
    ).toBe(true);
  });
  it('requires a reopen to change a decline, and never reopens an accepted intake', () => {
    const declined = { state: 'decided', decision: 'declined' } as const;
    expect(transitionIntake(declined, { kind: 'review' })).toMatchObject({
      ok: false,
      error: { code: 'intake.decided' },
    });
    expect(transitionIntake(declined, { kind: 'decide', decision: 'waitlisted' }).ok).toBe(false);
    expect(transitionIntake(declined, { kind: 'reopen' })).toMatchObject({
      ok: true,
      value: { state: 'in_review', decision: null, decisionReason: null },
    });
    expect(transitionIntake({ state: 'decided', decision: 'accepted' }, { kind: 'reopen' })).toMatchObject({
      ok: false,
      error: { category: 'conflict' },
    });
  });
  it('checks the same reasons in the decision schema', () => {
    const parsed = DecideIntakeInput.safeParse({ decision: 'declined', reason: '  ' });
    expect(parsed.success).toBe(false);
    expect(DecideIntakeInput.safeParse({ decision: 'accepted' }).success).toBe(false);
  });
});

describe('the questionnaire', () => {
  it('takes every section optional, and refuses markup as "Plain text only"', () => {
    expect(IntakeQuestionnaire.parse({})).toEqual({});
    const result = IntakeQuestionnaire.safeParse({ claim: { alibi: 'At work <img src=x onerror=alert(1)>' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['claim', 'alibi'], message: 'Plain text only' });
  });
  it.each([
    ['<b>bold</b>', true],
    ['</p>', true],
    ['<!-- x -->', true],
    ['&lt;script&gt;', true],
    ['&#60;', true],
    ['sentence < 25 years and > 10', false],
    ['Tom & Jerry; AT&T', false],
    ['5<6', false],
  ])('looksLikeMarkup(%j) is %s', (text, expected) => {
    expect(looksLikeMarkup(text)).toBe(expected);
  });
  it('refuses unknown fields and bad enumerations', () => {
    expect(IntakeQuestionnaire.safeParse({ background: { nickname: 'x' } }).success).toBe(false);
    expect(IntakeQuestionnaire.safeParse({ evidence: { dnaTestable: 'maybe' } }).success).toBe(false);
    expect(IntakeQuestionnaire.safeParse({ background: { dateOfBirth: '1970-02-30' } }).success).toBe(false);
  });
  it('copies the summary columns, and merges a change section by section', () => {
    const q = IntakeQuestionnaire.parse({
      background: { name: ' Ana Ruiz ', jurisdiction: 'ca', language: 'es', numberSystem: 'bop' },
      claim: { claimType: 'clemency' },
    });
    expect(intakeSummaryFields(q)).toMatchObject({
      applicantName: 'Ana Ruiz',
      jurisdiction: 'CA',
      language: 'es',
      numberSystem: 'bop',
      claimType: 'clemency',
    });
    expect(intakeSummaryFields({}).language).toBe('en');
    const merged = mergeQuestionnaire(q, { claim: null, trial: { trialOrPlea: 'plea' } });
    expect(merged).toEqual({ background: q.background, trial: { trialOrPlea: 'plea' } });
  });
});

describe('duplicate scoring', () => {
  const applicant = { name: 'Marcus Oyelaren', dateOfBirth: '1964-03-30', identifiers: ['c-98556'] };
  it.each([
    [
      'the same identifier',
      { name: 'Somebody Else', dateOfBirth: null, identifiers: ['C98556'] },
      'strong',
      ['identifier'],
    ],
    [
      'a misspelt name and the same birth date',
      { name: 'Marcus Oyelaran', dateOfBirth: '1964-03-30', identifiers: [] },
      'strong',
      ['name', 'date_of_birth'],
    ],
    ['a misspelt name', { name: 'Marcus Oyelaran', dateOfBirth: null, identifiers: [] }, 'possible', ['name']],
    [
      'an alias',
      { name: 'Kwame Doe', aliases: ['Marcus Oyelaren'], dateOfBirth: null, identifiers: [] },
      'possible',
      ['alias'],
    ],
    [
      'the birth date alone',
      { name: 'Kwame Doe', dateOfBirth: '1964-03-30', identifiers: [] },
      'weak',
      ['date_of_birth'],
    ],
  ] as const)('%s', (_label, candidate, strength, reasons) => {
    expect(scoreDuplicate(applicant, candidate)).toMatchObject({ strength, reasons });
  });
  it('finds nothing in common', () => {
    expect(scoreDuplicate(applicant, { name: 'Kwame Doe', dateOfBirth: null, identifiers: ['X1'] })).toBeNull();
  });
});

describe('intake metrics', () => {
  it.each([
    ['2026-01-01', '2026-W01', '2025-12-29'],
    ['2024-12-30', '2025-W01', '2024-12-30'],
    ['2021-01-03', '2020-W53', '2020-12-28'],
    ['2026-03-02', '2026-W10', '2026-03-02'],
  ])('puts %s in ISO week %s starting %s', (day, week, start) => {
    expect(isoWeekOf(day)).toBe(week);
    expect(isoWeekStart(day)).toBe(start);
  });
  it.each([
    [0, '0-7'],
    [7, '0-7'],
    [8, '8-30'],
    [30, '8-30'],
    [31, '31-90'],
    [90, '31-90'],
    [91, '90+'],
  ] as const)('puts an age of %i days in %s', (days, bucket) => {
    expect(ageBucketOf(days)).toBe(bucket);
  });
  it('turns a bucket into a received range', () => {
    expect(receivedRangeOfBucket('8-30', '2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-23' });
    expect(receivedRangeOfBucket('90+', '2026-03-31')).toEqual({ from: null, to: '2025-12-30' });
  });
  it('counts letters per week, the backlog, time to first response and decisions by reason', () => {
    const row = (over: Partial<IntakeMetricsRow>): IntakeMetricsRow => ({
      channel: 'mailed_letter',
      state: 'new',
      decision: null,
      decisionReason: null,
      receivedOn: '2026-03-02',
      firstResponseOn: null,
      decidedOn: null,
      ...over,
    });
    const metrics = computeIntakeMetrics(
      [
        row({ receivedOn: '2026-02-23', firstResponseOn: '2026-02-24' }),
        row({ receivedOn: '2026-02-24', channel: 'public_form', firstResponseOn: '2026-03-06' }),
        row({ receivedOn: '2026-03-03', firstResponseOn: '2026-03-07' }),
        row({ receivedOn: '2025-10-01', state: 'in_review' }),
        row({
          receivedOn: '2026-02-25',
          state: 'decided',
          decision: 'declined',
          decisionReason: 'No claim',
          decidedOn: '2026-03-01',
        }),
        row({
          receivedOn: '2026-01-05',
          state: 'decided',
          decision: 'declined',
          decisionReason: ' no  claim ',
          decidedOn: '2026-03-02',
        }),
        row({
          receivedOn: '2026-01-05',
          state: 'decided',
          decision: 'referred',
          decisionReason: 'Arizona',
          decidedOn: '2026-02-01',
        }),
      ],
      { from: '2026-02-23', to: '2026-03-08', today: '2026-03-08' },
    );
    expect(metrics.receivedPerWeek).toEqual([
      { week: '2026-W09', weekStart: '2026-02-23', letters: 2, total: 3 },
      { week: '2026-W10', weekStart: '2026-03-02', letters: 1, total: 1 },
    ]);
    expect(metrics.backlog).toEqual([
      { bucket: '0-7', count: 1 },
      { bucket: '8-30', count: 2 },
      { bucket: '31-90', count: 0 },
      { bucket: '90+', count: 1 },
    ]);
    expect(metrics.firstResponse).toEqual({ count: 3, unanswered: 1, medianDays: 4, p90Days: 10 });
    expect(metrics.decisionsByReason).toEqual([{ decision: 'declined', reason: 'No claim', count: 2 }]);
  });
});

describe('the public form', () => {
  const form = {
    submittedBy: { name: 'Alma', contact: 'alma@example.org' },
    questionnaire: { background: { name: 'Daniel Reyes' } },
  };
  it('accepts a plain submission in English by default', () => {
    expect(parsePublicIntake(form)).toMatchObject({ kind: 'accepted', language: 'en' });
  });
  it('drops a filled honeypot before looking at anything else', () => {
    expect(parsePublicIntake({ website: 'x', language: 'es' })).toEqual({ kind: 'honeypot', language: 'es' });
    expect(parsePublicIntake({ ...form, website: '' }).kind).toBe('accepted');
  });
  it('answers in Spanish, HTML included', () => {
    const result = parsePublicIntake({
      ...form,
      language: 'es',
      questionnaire: { background: { name: '<i>Daniel</i>' } },
      extra: 1,
    });
    expect(result).toMatchObject({
      kind: 'invalid',
      language: 'es',
      details: { 'questionnaire.background.name': 'Solo texto sin formato (sin HTML)', extra: 'Campo desconocido' },
    });
    expect(parsePublicIntake('nonsense')).toMatchObject({ kind: 'invalid', language: 'en' });
  });
  it('translates each message it knows, and a fallback for the rest', () => {
    expect(publicFieldMessage('At most 200 characters', 'es')).toBe('Como máximo 200 caracteres');
    expect(publicFieldMessage('Something new', 'es')).toBe('Valor no válido');
    expect(publicFieldMessage('Something new', 'en')).toBe('Something new');
  });
  it('labels the same fields in both languages', () => {
    const en = publicIntakeForm('en');
    const es = publicIntakeForm('es');
    expect(es.fields.map((f) => f.path)).toEqual(en.fields.map((f) => f.path));
    expect(en.fields.filter((f) => f.isRequired).map((f) => f.path)).toEqual([
      'submittedBy.name',
      'submittedBy.contact',
      'questionnaire.background.name',
    ]);
  });
});
