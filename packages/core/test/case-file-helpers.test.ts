import { describe, expect, it } from 'vitest';
import { normaliseIdentifier } from '../src/case-file/identifiers.js';
import { normaliseName, trigramSimilarity } from '../src/case-file/names.js';
import { csvField, csvRow } from '../src/case-file/spreadsheet-cells.js';

describe('normaliseIdentifier', () => {
  it.each([
    ['cdcr', 'c-98556', 'C98556'],
    ['cdcr', 'ab 1234', 'AB1234'],
    ['bop', '12345678', '12345-678'],
    ['bop', '12345-678', '12345-678'],
    ['county_booking', '  2019-000123 ', '2019-000123'],
  ] as const)('accepts %s %s as %s', (system, raw, value) => {
    expect(normaliseIdentifier(system, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['cdcr', '123456'],
    ['cdcr', 'ABC123'],
    ['bop', '1234-5678'],
    ['bop', '12345-67'],
    ['fbi', ''],
    ['other', 'a\nb'],
  ] as const)('rejects %s %j', (system, raw) => {
    expect(normaliseIdentifier(system, raw).ok).toBe(false);
  });
});

describe('names', () => {
  it('normalises accents, punctuation and "Last, First"', () => {
    expect(normaliseName('Núñez, José-Luis')).toBe('jose luis nunez');
    expect(normaliseName("  O'Brien   Mary ")).toBe('o brien mary');
  });
  it('finds spelling variants similar and different names not', () => {
    expect(trigramSimilarity('Kevin Cooper', 'Kevin Coopper')).toBeGreaterThan(0.5);
    expect(trigramSimilarity('Cooper, Kevin', 'Kevin Cooper')).toBe(1);
    expect(trigramSimilarity('Kevin Cooper', 'Alice Marie Johnson')).toBeLessThan(0.1);
  });
});

describe('CSV export cells', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@HYPERLINK("x")', '"\'@HYPERLINK(""x"")"'],
    ['plain, with comma', '"plain, with comma"'],
  ])('neutralises %j', (input, output) => {
    expect(csvField(input)).toBe(output);
  });
  it('keeps numbers as numbers, including negative ones', () => {
    expect(csvRow([-5, 3.5, true, null, 'x'])).toBe('-5,3.5,true,,x\r\n');
  });
});
