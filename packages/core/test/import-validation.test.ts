import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../src/case-file/matters.js';
import { guessMapping, resolveMapping } from '../src/import/column-mapping.js';
import type { ImportKind } from '../src/import/import-fields.js';
import { createRowValidator, parseSheetDate, restoreFormulaText } from '../src/import/row-validation.js';

const ctx = { today: '2026-03-02', stagesOf: (t: keyof typeof DEFAULT_STAGES) => DEFAULT_STAGES[t] };

const validatorFor = <K extends ImportKind>(kind: K, header: string[]) => {
  const resolved = resolveMapping(kind, header, guessMapping(kind, header));
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.error));
  return createRowValidator(kind, resolved.value, ctx);
};

describe('parseSheetDate', () => {
  it.each([
    ['1958-01-08', '1958-01-08'],
    ['1958/1/8', '1958-01-08'],
    ['1958-01-08T00:00:00Z', '1958-01-08'],
    ['1/8/1958', '1958-01-08'],
    ['12/31/1999', '1999-12-31'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %j as %s', (raw, value) => {
    expect(parseSheetDate(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['2023-02-29', /not a real date/],
    ['2023-13-01', /not a real date/],
    ['31/12/1999', /not a real date/],
    ['1/8/58', /four digits/],
    ['yesterday', /write it as YYYY-MM-DD/],
    ['1700-01-01', /not a real date/],
  ])('refuses %j', (raw, message) => {
    const parsed = parseSheetDate(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('people rows', () => {
  const validate = validatorFor('people', [
    'external_id',
    'legal_name',
    'aliases',
    'date_of_birth',
    'status',
    'cdcr_number',
    'bop_register_number',
    'county_booking_number',
    'email',
    'phone',
    'mailing_address',
  ]);

  it('reads a good row into a record, leaving blank cells out', () => {
    const result = validate({
      line: 2,
      cells: [
        ' P-1 ',
        'Kevin Cooper',
        'Kev;  K. Cooper ; kev;',
        '1958-01-08',
        'In Custody',
        'c 98556',
        '12345 678',
        '',
        'KC@Example.org',
        '',
        '123 Main St\nApt 4',
      ],
    });
    expect(result).toEqual({
      ok: true,
      record: {
        externalId: 'P-1',
        legalName: 'Kevin Cooper',
        aliases: ['Kev', 'K. Cooper'],
        dateOfBirth: '1958-01-08',
        status: 'in_custody',
        identifiers: { cdcr: 'C98556', bop: '12345-678' },
        email: 'kc@example.org',
        mailingAddress: '123 Main St\nApt 4',
      },
    });
  });

  it('accepts statuses in words', () => {
    for (const [word, status] of [
      ['on parole', 'on_parole'],
      ['Paroled', 'on_parole'],
      ['RELEASED', 'released'],
      ['deceased', 'deceased'],
      ['incarcerated', 'in_custody'],
    ] as const) {
      const result = validate({ line: 2, cells: ['P', 'N', '', '', word] });
      expect(result.ok && result.record.status).toBe(status);
    }
  });

  it('lists one error per field, with the line', () => {
    const result = validate({
      line: 7,
      cells: [
        '',
        'x'.repeat(201),
        '',
        '2027-01-01',
        'free-ish',
        'AB12345',
        '1234-5678',
        'a\u0007b',
        'nope',
        '',
        'a\u202eb',
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([
      [7, 'external_id'],
      [7, 'legal_name'],
      [7, 'date_of_birth'],
      [7, 'status'],
      [7, 'cdcr_number'],
      [7, 'bop_register_number'],
      [7, 'county_booking_number'],
      [7, 'email'],
      [7, 'mailing_address'],
    ]);
  });

  it('refuses a row with stray cells past the header, and keeps trailing blank ones', () => {
    expect(validate({ line: 3, cells: ['P', 'N', '', '', '', '', '', '', '', '', '', 'extra'] }).ok).toBe(false);
    expect(validate({ line: 3, cells: ['P', 'N', '', '', '', '', '', '', '', '', '', ' ', ''] }).ok).toBe(true);
  });

  it('takes back the apostrophe an export puts before a formula character', () => {
    expect(restoreFormulaText("'=cmd")).toBe('=cmd');
    expect(restoreFormulaText("'-2")).toBe('-2');
    expect(restoreFormulaText("'quoted'")).toBe("'quoted'");
    const result = validate({ line: 2, cells: ['P', "'=cmd|' /C calc'!A0"] });
    expect(result.ok && result.record.legalName).toBe("=cmd|' /C calc'!A0");
  });
});

describe('matter rows', () => {
  const validate = validatorFor('matters', [
    'external_id',
    'person_external_id',
    'type',
    'title',
    'stage',
    'opened_on',
    'closed_on',
    'outcome',
  ]);

  it('reads types in words and stages in any case', () => {
    const result = validate({
      line: 2,
      cells: ['M-1', 'P-1', 'Post-conviction DNA testing', 'DNA', 'AT THE LAB', '2020-01-01', '', 'Granted'],
    });
    expect(result).toEqual({
      ok: true,
      record: {
        externalId: 'M-1',
        personExternalId: 'P-1',
        type: 'dna_testing',
        title: 'DNA',
        stage: 'At the lab',
        openedOn: '2020-01-01',
        outcome: 'granted',
      },
    });
  });

  it('refuses a stage of another pipeline, a closing before the opening and an unknown outcome', () => {
    const result = validate({
      line: 4,
      cells: ['M-1', 'P-1', 'habeas', 'H', 'At the lab', '2020-01-02', '2020-01-01', 'won'],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { line: 4, field: 'outcome', message: expect.stringMatching(/^Unknown value "won": use one of pending/) },
    ]);
    const again = validate({
      line: 4,
      cells: ['M-1', 'P-1', 'habeas', 'H', 'At the lab', '2020-01-02', '2020-01-01', ''],
    });
    expect(again.ok ? [] : again.errors.map((e) => e.field)).toEqual(['stage', 'closed_on']);
  });
});

describe('contact rows', () => {
  const validate = validatorFor('contacts', ['external_id', 'kind', 'name', 'phone']);

  it('defaults nothing and reads kinds in words', () => {
    expect(validate({ line: 2, cells: ['C-1', 'Lab', 'SERI', '+1 (510) 555-0100'] })).toEqual({
      ok: true,
      record: { externalId: 'C-1', kind: 'laboratory', name: 'SERI', phone: '+1 (510) 555-0100' },
    });
    expect(validate({ line: 2, cells: ['C-1', '', 'SERI', 'call me'] }).ok).toBe(false);
  });
});
