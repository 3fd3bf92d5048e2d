import { describe, expect, it } from 'vitest';
import {
  HEADLINE_STOP as E,
  headlineSegments,
  identifierSearchForms,
  mergeScoredRows,
  HEADLINE_START as S,
  searchWords,
  segmentsText,
} from '../src/case-file/search-terms.js';
import { SearchQuery } from '../src/schemas/search.schemas.js';

describe('identifierSearchForms', () => {
  it.each([
    ['c-98556', ['c-98556', 'C-98556', 'C98556']],
    ['C98556', ['C98556']],
    ['12345678', ['12345678', '12345-678']],
    ['12345 678', ['12345 678', '12345-678']],
    ['fbi-77x', ['fbi-77x', 'FBI-77X']],
  ])('%s may be stored as %j', (typed, forms) => {
    expect(identifierSearchForms(typed)).toEqual(forms);
  });

  it('has no forms for nothing or for a paragraph', () => {
    expect(identifierSearchForms('  ')).toEqual([]);
    expect(identifierSearchForms('x'.repeat(65))).toEqual([]);
  });
});

describe('searchWords', () => {
  it.each([
    ['Kevin Cooper', ['kevin', 'cooper']],
    ['Cooper, Kevin J.', ['cooper', 'kevin']],
    ["José O'Brien-García", ['jose', 'brien', 'garcia']],
    ['kevin KEVIN kevin', ['kevin']],
    ['c-98556', ['98556']],
    ['a', ['a']],
    ['  ', []],
    ['one two three four five six seventeen', ['one', 'two', 'three', 'four', 'five', 'seventeen']],
  ])('%j is matched word by word as %j', (text, words) => {
    expect(new Set(searchWords(text))).toEqual(new Set(words));
    expect(searchWords(text).length).toBeLessThanOrEqual(6);
  });
});

describe('mergeScoredRows', () => {
  const row = (id: string, score: number, matchedOn: 'name' | 'alias' | 'identifier', label = id) => ({
    id,
    score,
    matchedOn,
    row: { label },
  });

  it('keeps one hit per record with its best score, best first, ties by label', () => {
    const { items, hasMore } = mergeScoredRows(
      [row('a', 0.6, 'name'), row('a', 0.9, 'alias'), row('b', 0.7, 'name', 'Zed'), row('c', 0.7, 'name', 'Amy')],
      5,
      (r) => r.label,
    );
    expect(items.map((i) => [i.id, i.matchedOn])).toEqual([
      ['a', 'alias'],
      ['c', 'name'],
      ['b', 'name'],
    ]);
    expect(hasMore).toBe(false);
  });

  it('says when there were more than the limit', () => {
    const { items, hasMore } = mergeScoredRows([row('a', 1, 'name'), row('b', 1, 'name')], 1, (r) => r.label);
    expect(items).toHaveLength(1);
    expect(hasMore).toBe(true);
  });
});

describe('headlineSegments', () => {
  it('turns the marked headline into plain segments', () => {
    const segments = headlineSegments(`The lab ${S}tested${E} the\nsample; ${S}testing${E} again`);
    expect(segments).toEqual([
      { text: 'The lab ', isMatch: false },
      { text: 'tested', isMatch: true },
      { text: ' the sample; ', isMatch: false },
      { text: 'testing', isMatch: true },
      { text: ' again', isMatch: false },
    ]);
    expect(segmentsText(segments)).toBe('The lab tested the sample; testing again');
  });

  it('keeps markup as text and survives unbalanced markers', () => {
    expect(headlineSegments(`<script>x</script> ${S}alert`)).toEqual([
      { text: '<script>x</script> ', isMatch: false },
      { text: 'alert', isMatch: true },
    ]);
    expect(headlineSegments(`a${E}b`)).toEqual([{ text: 'ab', isMatch: false }]);
    expect(headlineSegments('')).toEqual([]);
  });
});

describe('SearchQuery', () => {
  it('needs 2 to 200 characters and known types, and orders the types', () => {
    expect(SearchQuery.safeParse({ q: 'a' }).success).toBe(false);
    expect(SearchQuery.safeParse({ q: ' a ' }).success).toBe(false);
    expect(SearchQuery.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
    expect(SearchQuery.safeParse({ q: 'ab', types: 'people,planets' }).success).toBe(false);
    expect(SearchQuery.safeParse({ q: 'ab', limit: '0' }).success).toBe(false);
    expect(SearchQuery.parse({ q: ' ab ', types: 'notes, people', limit: '3' })).toEqual({
      q: 'ab',
      types: ['people', 'notes'],
      limit: 3,
    });
  });
});
