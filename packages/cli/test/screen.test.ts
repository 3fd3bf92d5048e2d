import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunResult, runRedress } from './support/run-redress.js';

// `redress screen` as a child process, the way a person runs it, on small rosters of its own.
const root = mkdtempSync(join(tmpdir(), 'redress-screen-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(root, name);
  writeFileSync(path, content);
  return path;
};

const person = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    jurisdiction: 'CA',
    person: { dob: '1960-05-01' },
    custody: { custody_start: '1990-01-01', continuous: true },
    convictions: [
      { statute: 'PC 187(a)', degree: 'second', sentence_type: 'indeterminate', sentence: '15 years to life' },
    ],
    ...extra,
  });

const good = file(
  'good.jsonl',
  `${person('A')}\n${person('B', { jurisdiction: 'US', convictions: [{ statute: '21 USC 841(a)(1)', sentence_type: 'term', term_months: 240 }] })}\n`,
);
const broken = file(
  'broken.jsonl',
  [
    person('A'),
    person('B', { person: { dob: '2023-02-30' } }),
    '{"id": "C",',
    person('D', { person: {} }),
    person('E', { convictions: [{ statute: 'XYZ 12', sentence_type: 'LWOP' }] }),
    person('A'),
  ].join('\n'),
);
const csv = file(
  'roster.csv',
  [
    'id,jurisdiction,person.dob,custody.custody_start,custody.continuous,statute,degree,sentence_type,sentence,enhancements,colour',
    'R-1,CA,1960-05-01,1990-01-01,yes,PC 187(a),second,indeterminate,15 years to life,PC 12022.53(b);PC 667(a),red',
    'R-1,CA,1960-05-01,1990-01-01,yes,PC 211,,determinate,5 years,,red',
    'R-2,CA,1975-01-01,2000-01-01,no,"PC 459",,determinate,"3 years,',
    'consecutive",,blue',
    'R-3,CA,1975-01-01,2000-01-01,no,PC 211,,determinate,"never closed,,blue',
    'R-4,CA,1940-01-01,1980-01-01,1,PC 187(a),first,LWOP,,,',
  ].join('\n'),
);

const AS_OF = ['--as-of', '2026-07-01'];

const expectOneErrorLine = (r: RunResult, pattern: RegExp) => {
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^redress: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
};

describe('redress screen', { timeout: 120_000 }, () => {
  it('screens a JSON Lines roster to JSON Lines on stdout, the summary on stderr, and exits 0', async () => {
    const r = await runRedress(['screen', good, ...AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.as_of])).toEqual([
      ['A', '2026-07-01'],
      ['B', '2026-07-01'],
    ]);
    expect(lines[0].results.map((x: { pathway: string }) => x.pathway)).toContain('CA_ELDERLY_PAROLE_3055');
    expect(lines[0].results[0]).toEqual(
      expect.objectContaining({ pathway: expect.any(String), status: expect.any(String), rule_ids: expect.any(Array) }),
    );
    expect(r.stderr).toMatch(/Screened 2 people from .*good\.jsonl \(JSON Lines\)/);
    expect(r.stderr).toMatch(/Screened 2 people as of 2026-07-01 \(0 rows rejected/);
    expect(r.stderr).toMatch(/eligible in the next 12 months \(to 2027-07-01\)/);
    expect(r.stderr).toMatch(/PATHWAY\s+.*NEXT_12_MONTHS/);
  });

  it('reports rejected rows by line, screens the others, and exits 3', async () => {
    const out = join(root, 'broken-results.jsonl');
    const errors = join(root, 'errors.txt');
    const r = await runRedress(['screen', broken, ...AS_OF, '--out', out, '--errors', errors, '--format', 'json']);
    expect(r.code, r.stderr).toBe(3);
    const expected = [
      'line 2: person.dob: Must be a real calendar date YYYY-MM-DD',
      expect.stringMatching(/^line 3: not valid JSON/),
      'line 4: person.dob: Required: a roster needs each person’s date of birth',
      'line 6: duplicate id "A": first on line 1, not screened again',
    ];
    expect(r.stderr.split('\n').filter((l) => l.startsWith('line '))).toEqual(expected);
    expect(readFileSync(errors, 'utf8').trimEnd().split('\n')).toEqual(expected);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      'redress: 4 rows were rejected (see the lines above); the other 2 people were screened',
    );
    const results = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(results.map((l) => l.id)).toEqual(['A', 'E']);
    expect(results[1].warnings).toEqual(['Statute not recognised, kept for review: XYZ 12']);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ format: 'jsonl', people_screened: 2, row_errors: 4, people_with_warnings: 1 });
    expect(Object.keys(summary.by_pathway)).toContain('CA_ELDERLY_PAROLE_3055');
  });

  it('reads a CSV roster and writes CSV, one row per person and pathway', async () => {
    const out = join(root, 'results.csv');
    const r = await runRedress(['screen', csv, ...AS_OF, '--out', out, '--pathways', 'CA_ELDERLY_PAROLE_3055']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('note: columns ignored (not in the roster format): colour');
    expect(r.stderr).toMatch(/^line 6: a quoted field that starts on this line is never closed/m);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(rows[0]).toBe('id,as_of,pathway,status,eligible_from,rule_ids,reasons,citations,missing_facts,warnings');
    expect(rows.slice(1).map((row) => row.split(',').slice(0, 3).join(','))).toEqual([
      'R-1,2026-07-01,CA_ELDERLY_PAROLE_3055',
      'R-2,2026-07-01,CA_ELDERLY_PAROLE_3055',
      'R-4,2026-07-01,CA_ELDERLY_PAROLE_3055',
    ]);
    // With --out, the summary is on stdout.
    expect(r.stdout).toMatch(/Screened 3 people as of 2026-07-01 \(1 row rejected/);
    expect(r.stdout).toMatch(/CA_ELDERLY_PAROLE_3055/);
  });

  it('gives the same output, errors and summary on worker threads', async () => {
    for (const [roster, ext] of [
      [broken, 'jsonl'],
      [csv, 'csv'],
    ] as const) {
      const run = (threads: string) =>
        runRedress([
          'screen',
          roster,
          ...AS_OF,
          '--threads',
          threads,
          '--out',
          join(root, `t${threads}.${ext}`),
          '--format',
          'json',
        ]);
      const [one, two] = await Promise.all([run('1'), run('2')]);
      expect(one.code, one.stderr).toBe(3);
      expect(two.code, two.stderr).toBe(3);
      const errorLines = (r: RunResult) =>
        r.stderr.split('\n').filter((l) => l.startsWith('line ') || l.startsWith('note: '));
      expect(errorLines(two)).toEqual(errorLines(one));
      expect(readFileSync(join(root, `t2.${ext}`), 'utf8')).toBe(readFileSync(join(root, `t1.${ext}`), 'utf8'));
      const { seconds: _a, people_per_second: _b, out: _e, ...summaryOne } = JSON.parse(one.stdout);
      const { seconds: _c, people_per_second: _d, out: _f, ...summaryTwo } = JSON.parse(two.stdout);
      expect(summaryTwo).toEqual(summaryOne);
    }
  });

  it('refuses bad usage with one line and exit 2', async () => {
    const [badDate, badPathway, badOut, badThreads] = await Promise.all([
      runRedress(['screen', good, '--as-of', '2023-02-30']),
      runRedress(['screen', good, ...AS_OF, '--pathways', 'CA_ELDERLY_PAROLE_3055,CA_TIME_MACHINE']),
      runRedress(['screen', good, ...AS_OF, '--out', join(root, 'results.xlsx')]),
      runRedress(['screen', good, ...AS_OF, '--threads', 'lots']),
    ]);
    expect(badDate.code).toBe(2);
    expectOneErrorLine(badDate, /--as-of: "2023-02-30" is not a real calendar date/);
    expect(badPathway.code).toBe(2);
    expectOneErrorLine(badPathway, /--pathways: unknown pathway "CA_TIME_MACHINE"/);
    expect(badOut.code).toBe(2);
    expectOneErrorLine(badOut, /--out: .* must end in \.jsonl or \.csv/);
    expect(badThreads.code).toBe(2);
    expectOneErrorLine(badThreads, /--threads: "lots" must be a whole number/);
  });

  it('fails with exit 1 and one line on a file it cannot read or that is not a roster', async () => {
    const [missing, notRoster, array] = await Promise.all([
      runRedress(['screen', join(root, 'nope.jsonl'), ...AS_OF]),
      runRedress(['screen', file('people.csv', 'name,dob\nAda,1970-01-01\n'), ...AS_OF]),
      runRedress(['screen', file('array.json', `[${person('A')}]`), ...AS_OF]),
    ]);
    expect(missing.code).toBe(1);
    expectOneErrorLine(missing, /cannot read .*nope\.jsonl \(ENOENT\)/);
    expect(notRoster.code).toBe(1);
    expectOneErrorLine(notRoster, /not CSV or JSON Lines: the first line has no "id" column/);
    expect(notRoster.stdout).toBe('');
    expect(array.code).toBe(1);
    expectOneErrorLine(array, /not CSV or JSON Lines: a JSON array/);
  });

  it('caps the row errors printed at 100 and says how many more', async () => {
    const lines = Array.from({ length: 130 }, (_, i) => person(`P${i}`, { person: { dob: '1970-02-30' } }));
    const r = await runRedress(['screen', file('many.jsonl', `${lines.join('\n')}\n`), ...AS_OF]);
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('line '))).toHaveLength(100);
    expect(r.stderr).toContain('... and 30 more rejected rows (--errors <file> writes them all)');
  });

  it('documents itself', async () => {
    const r = await runRedress(['screen', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--as-of <date>/);
    expect(r.stdout).toMatch(/Exit codes: 0 every row screened; 3/);
    expect(r.stdout).not.toMatch(/--parse-only/);
  });
});
