import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../src/import/csv-parser.js';
import { duplicateIdError, findDuplicateIds } from '../src/import/duplicate-ids.js';
import { csvChunks, jsonArrayChunks } from '../src/import/export-writers.js';
import { emptyReport, tallyFailure, tallyRow } from '../src/import/import-report.js';

const collect = async (chunks: AsyncIterable<string>) => {
  const out: string[] = [];
  for await (const c of chunks) out.push(c);
  return out;
};

async function* rows(n: number) {
  for (let i = 0; i < n; i++) yield [i, `name ${i}`, i % 2 === 0 ? '=1+1' : 'plain, with comma'];
}

describe('csvChunks', () => {
  it('writes the header first, every row, cells made safe, in chunks', async () => {
    const chunks = await collect(csvChunks(['n', 'name', 'note'], rows(1000), { chunkSize: 1024 }));
    expect(chunks.length).toBeGreaterThan(10);
    const parsed = parseCsvText(chunks.join(''));
    expect(parsed).toHaveLength(1001);
    expect(parsed[0]).toEqual({ kind: 'row', line: 1, cells: ['n', 'name', 'note'] });
    expect(parsed[1]).toEqual({ kind: 'row', line: 2, cells: ['0', 'name 0', "'=1+1"] });
    expect(parsed[2]).toEqual({ kind: 'row', line: 3, cells: ['1', 'name 1', 'plain, with comma'] });
  });

  it('starts with a byte order mark when asked, and writes only the header for no rows', async () => {
    expect((await collect(csvChunks(['a'], [], { hasBom: true }))).join('')).toBe('\ufeffa\r\n');
  });
});

describe('jsonArrayChunks', () => {
  it('writes one JSON array, element by element', async () => {
    async function* items() {
      for (let i = 0; i < 500; i++) yield { i, s: `"${i}"\n` };
    }
    const chunks = await collect(jsonArrayChunks(items(), { chunkSize: 512 }));
    expect(chunks.length).toBeGreaterThan(5);
    const parsed = JSON.parse(chunks.join(''));
    expect(parsed).toHaveLength(500);
    expect(parsed[499]).toEqual({ i: 499, s: '"499"\n' });
    expect(JSON.parse((await collect(jsonArrayChunks([]))).join(''))).toEqual([]);
  });
});

describe('duplicate external ids', () => {
  it('finds every line of every id given more than once, ignoring blanks and surrounding spaces', () => {
    const found = findDuplicateIds([
      { id: 'A', line: 2 },
      { id: 'B', line: 3 },
      { id: ' A ', line: 5 },
      { id: '', line: 6 },
      { id: '', line: 7 },
      { id: 'A', line: 9 },
    ]);
    expect([...found]).toEqual([['A', [2, 5, 9]]]);
    expect(duplicateIdError(5, 'A', [2, 5, 9])).toEqual({
      line: 5,
      field: 'external_id',
      message: 'External id "A" is on lines 2, 5 and 9 of this file: give each row its own',
    });
    expect(
      duplicateIdError(
        2,
        'A',
        Array.from({ length: 12 }, (_, i) => i + 2),
      ).message,
    ).toMatch(/lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more/);
  });
});

describe('the report', () => {
  it('counts every row and error, and keeps errors up to the cap', () => {
    const report = emptyReport();
    tallyRow(report, 'created');
    tallyRow(report, 'unchanged');
    tallyFailure(
      report,
      [
        { line: 2, field: 'a', message: 'x' },
        { line: 2, field: 'b', message: 'y' },
      ],
      3,
    );
    tallyFailure(
      report,
      [
        { line: 3, field: 'a', message: 'x' },
        { line: 3, field: 'b', message: 'y' },
      ],
      3,
    );
    expect(report).toMatchObject({ created: 1, unchanged: 1, updated: 0, failed: 2, errorCount: 4 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'a'],
      [2, 'b'],
      [3, 'a'],
    ]);
  });
});
