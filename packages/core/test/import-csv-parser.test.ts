import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRow, neutraliseFormula } from '../src/case-file/spreadsheet-cells.js';
import {
  CsvParser,
  type CsvRecord,
  parseCsv,
  parseCsvText,
  TEXT_AFTER_QUOTE,
  UNTERMINATED_QUOTE,
} from '../src/import/csv-parser.js';

const rows = (records: CsvRecord[]) => records.map((r) => (r.kind === 'row' ? [r.line, r.cells] : [r.line, r.message]));

/** Feeds the text in the given pieces, as a file stream would arrive. */
const parseInPieces = (text: string, cuts: number[]): CsvRecord[] => {
  const parser = new CsvParser();
  const out: CsvRecord[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(...parser.push(text.slice(from, cut)));
    from = cut;
  }
  out.push(...parser.push(text.slice(from)), ...parser.end());
  return out;
};

describe('parseCsvText', () => {
  it.each([
    [
      'plain fields',
      'a,b,c\n1,2,3\n',
      [
        [1, ['a', 'b', 'c']],
        [2, ['1', '2', '3']],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'a lone CR line end',
      'a,b\r1,2',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'no newline at the end',
      'a,b\n1,2',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    ['empty fields', ',a,,\n', [[1, ['', 'a', '', '']]]],
    ['quoted commas', '"Smith, John",x\n', [[1, ['Smith, John', 'x']]]],
    ['escaped quotes', '"say ""hi""",""""\n', [[1, ['say "hi"', '"']]]],
    ['an empty quoted field', '"",a\n', [[1, ['', 'a']]]],
    ['a quote inside an unquoted field is kept', 'a 5" tall,b\n', [[1, ['a 5" tall', 'b']]]],
    [
      'line breaks inside quotes, and the lines that follow counted right',
      'h\n"one\r\ntwo\nthree"\nnext\n',
      [
        [1, ['h']],
        [2, ['one\r\ntwo\nthree']],
        [5, ['next']],
      ],
    ],
    [
      'a byte order mark is dropped',
      '\ufeffid,name\n1,Ana\n',
      [
        [1, ['id', 'name']],
        [2, ['1', 'Ana']],
      ],
    ],
    [
      'blank lines are skipped but counted',
      'a\n\n\r\nb\n',
      [
        [1, ['a']],
        [4, ['b']],
      ],
    ],
    ['unicode', 'Núñez,李小龍,🙂\n', [[1, ['Núñez', '李小龍', '🙂']]]],
    ['spaces are kept', ' a , b \n', [[1, [' a ', ' b ']]]],
  ] as const)('%s', (_name, text, expected) => {
    expect(rows(parseCsvText(text))).toEqual(expected);
  });

  it('reports an unterminated quote on the line where it opened, after the rows before it', () => {
    expect(rows(parseCsvText('a,b\n1,"open\n2,3\n'))).toEqual([
      [1, ['a', 'b']],
      [2, UNTERMINATED_QUOTE],
    ]);
  });

  it('reports text after a closing quote as a malformed row and carries on with the next', () => {
    expect(rows(parseCsvText('"a"b,c\nd,e\n'))).toEqual([
      [1, TEXT_AFTER_QUOTE],
      [2, ['d', 'e']],
    ]);
  });

  it('gives the same records whatever the chunk boundaries (CRLF, quotes and BOM split)', () => {
    const text = '\ufeffa,"b\r\nc"\r\n"d""e",f\r\n\r\ng,h';
    const whole = parseCsvText(text);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j += 3) expect(parseInPieces(text, [i, j])).toEqual(whole);
    }
  });

  it('parses a stream of chunks', async () => {
    async function* chunks() {
      yield 'id,na';
      yield 'me\r';
      yield '\n1,"Ana';
      yield ' Núñez"\r\n';
    }
    const out: CsvRecord[] = [];
    for await (const r of parseCsv(chunks())) out.push(r);
    expect(rows(out)).toEqual([
      [1, ['id', 'name']],
      [2, ['1', 'Ana Núñez']],
    ]);
  });
});

describe('writing then parsing (property)', () => {
  // Any text, with the characters CSV must take care of over-represented.
  const cell = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', 'a', ' ', '=', '-', '@', 'é', '🙂'), maxLength: 12 }),
  );
  // A row of one empty cell is a blank line, which a reader skips: not a row anyone writes.
  const row = fc.array(cell, { minLength: 1, maxLength: 6 }).filter((r) => !(r.length === 1 && r[0] === ''));

  it('round-trips any cells (formula cells come back with their protecting apostrophe)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 4 }), (table, cutsRaw) => {
        const text = table.map((r) => csvRow(r)).join('');
        const cuts = cutsRaw.map((c) => (text.length === 0 ? 0 : c % text.length));
        const parsed = parseInPieces(text, cuts);
        expect(parsed.every((r) => r.kind === 'row')).toBe(true);
        expect(parsed.map((r) => (r.kind === 'row' ? r.cells : []))).toEqual(
          table.map((r) => r.map((c) => neutraliseFormula(c))),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('numbers each row by the line it starts on', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (table) => {
        const text = table.map((r) => csvRow(r)).join('');
        const parsed = parseCsvText(text);
        let line = 1;
        table.forEach((r, i) => {
          expect(parsed[i]?.line).toBe(line);
          // The line breaks inside the row's cells, plus the row's own CRLF.
          line += (csvRow(r).match(/\r\n|\r|\n/g) ?? []).length;
        });
      }),
      { numRuns: 300 },
    );
  });
});
