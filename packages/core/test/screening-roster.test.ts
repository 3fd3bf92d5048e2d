import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRosterSummary,
  formatRowError,
  MAX_ROSTER_RECORD_CHARS,
  outcomeCsvRows,
  outcomeJsonLine,
  parseRosterJsonLine,
  ROSTER_CSV_COLUMNS,
  ROSTER_TEXT_AFTER_QUOTE,
  ROSTER_UNTERMINATED_QUOTE,
  type RosterCsvRecord,
  RosterCsvTokenizer,
  type RosterEvent,
  RosterIdRegister,
  RosterReader,
  readRosterText,
  rosterOutputFormatOf,
  rosterOutputWriter,
  type ScreeningOutcome,
  screenRoster,
} from '../src/index.js';

const AS_OF = '2026-07-01';

/** What a roster reads as, in words: `R-1@2 (2 convictions)`, `line 4: ...`, `note: ...`, `fatal: ...`. */
const inWords = (events: RosterEvent[]): string[] =>
  events.map((e) => {
    switch (e.kind) {
      case 'subject':
        return `${e.subject.id}@${e.line} (${e.subject.convictions.length})${e.warnings ? ` ${e.warnings.join('; ')}` : ''}`;
      case 'row_error':
        return formatRowError(e.error);
      case 'notice':
        return `note: ${e.message}`;
      default:
        return `fatal: ${e.message}`;
    }
  });

const read = (text: string) => inWords(readRosterText(text));

/** Reads the text split at the given offsets, as a file stream would deliver it. */
const readInPieces = (text: string, cuts: number[]): RosterEvent[] => {
  const reader = new RosterReader();
  const out: RosterEvent[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.push(text.slice(from, cut), out);
    from = cut;
  }
  reader.push(text.slice(from), out);
  reader.end(out);
  return out;
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

const JSONL = [
  person('A'),
  '',
  person('B', { person: { dob: '2023-02-30' } }),
  '{"id": "C", "jurisdiction": "CA", ',
  person('D', { person: {} }),
  person('E', { convictions: [{ statute: 'XYZ 12 unheard of', sentence_type: 'LWOP' }] }),
  person('A'),
  '[1,2]',
  person('F', { convictions: [] }),
  person('G'),
].join('\n');

const CSV_HEADER =
  'id,jurisdiction,person.dob,custody.custody_start,custody.continuous,statute,degree,sentence_type,sentence,term_months,enhancements,source_system';
const CSV = [
  CSV_HEADER,
  'R-1,CA,1960-05-01,1990-01-01,yes,PC 187(a),second,indeterminate,15 years to life,,PC 12022.53(b)|PC 667(a),cdcr',
  'R-1,CA,1960-05-01,1990-01-01,yes,PC 211,,determinate,,60,,cdcr',
  'R-2,CA,2023-02-30,1990-01-01,yes,PC 211,,determinate,,60,,cdcr',
  'R-3,CA,,1990-01-01,yes,PC 211,,determinate,,60,,cdcr',
  'R-4,CA,1950-01-01,1990-01-01,maybe,PC 211,,determinate,,sixty,,cdcr',
  'R-5,CA,1950-01-01,1990-01-01,1,XYZ 99,,LWOP,"life, without ""parole"""',
  'R-5,CA,1950-01-01,1990-01-01,1,PC 187(a),first,LWOP,"written on',
  'two lines",,,cdcr',
  'R-6,CA,1950-01-01,1990-01-01,1,PC 187(a),first,LWOP,,,,cdcr',
  'R-1,CA,1960-05-01,1990-01-01,yes,PC 459,,determinate,,24,,cdcr',
  'R-7,CA,1950-01-01,1990-01-01,1,PC 187(a),first,"LWOP"x,,,,cdcr',
  'R-8,CA,1950-01-01,1990-01-01,1,PC 187(a),first,LWOP,,,,cdcr',
  'R-9,CA,1950-01-01,1990-01-01,1,PC 187(a),first,LWOP,"never closed,,,cdcr',
  'R-10,CA,1950-01-01,1990-01-01,1,PC 187(a),first,LWOP,,,,cdcr',
  '',
].join('\n');

describe('reading a JSON Lines roster', () => {
  it('screens the valid lines and names every broken one by its line', () => {
    expect(read(JSONL)).toEqual([
      'A@1 (1)',
      'line 3: person.dob: Must be a real calendar date YYYY-MM-DD',
      expect.stringMatching(/^line 4: not valid JSON \(/),
      'line 5: person.dob: Required: a roster needs each person’s date of birth',
      'E@6 (1)',
      'line 7: duplicate id "A": first on line 1, not screened again',
      'line 8: expected one JSON object (a person) per line',
      'line 9: convictions: At least one conviction',
      'G@10 (1)',
    ]);
  });

  it('parses one line into a subject or a field-level message', () => {
    expect(parseRosterJsonLine(person('A'), 7)).toMatchObject({ ok: true, line: 7, subject: { id: 'A' } });
    const bad = parseRosterJsonLine(person('B', { person: { dob: '2023-02-30' } }), 12);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(formatRowError(bad.error)).toBe('line 12: person.dob: Must be a real calendar date YYYY-MM-DD');
      expect(bad.error.id).toBe('B');
    }
    const conviction = parseRosterJsonLine(
      person('C', { convictions: [{ statute: 'PC 211', sentence_type: 'x' }] }),
      3,
    );
    expect(conviction.ok || formatRowError(conviction.error)).toMatch(/^line 3: convictions\[0\]\.sentence_type: /);
  });

  it('reads CRLF line ends, a BOM and blank lines', () => {
    expect(read(`\ufeff${person('A')}\r\n\r\n${person('B')}\r\n`)).toEqual(['A@1 (1)', 'B@3 (1)']);
  });

  it('skips a line longer than the limit without holding it', () => {
    const long = `{"id":"L","pad":"${'x'.repeat(1024 * 1024 + 10)}"}`;
    expect(
      readInPieces(`${person('A')}\n${long}\n${person('B')}\n`, [100, 300_000, 700_000]).map((e) => e.kind),
    ).toEqual(['subject', 'row_error', 'subject']);
  });
});

describe('reading a CSV roster', () => {
  it('makes one person of consecutive rows, reads cells by type, and reports broken rows by line', () => {
    expect(read(CSV)).toEqual([
      'note: columns ignored (not in the roster format): source_system',
      'R-1@2 (2)',
      'line 4: person.dob: Must be a real calendar date YYYY-MM-DD',
      'line 5: person.dob: Required: a roster needs each person’s date of birth',
      'line 6: custody.continuous: expected true/false, yes/no or 1/0, got "maybe"; term_months: expected a number, got "sixty"',
      'line 7: 9 fields where the header has 12: the row is skipped',
      'R-6@10 (1)',
      'line 11: duplicate id "R-1": first on line 2, not screened again (the rows of one person must be consecutive)',
      `line 12: ${ROSTER_TEXT_AFTER_QUOTE}`,
      'R-8@13 (1)',
      `line 14: ${ROSTER_UNTERMINATED_QUOTE}`,
      'R-10@15 (1)',
    ]);
  });

  it('reads lists split by ; or |, booleans and numbers, and keeps a quoted line break', () => {
    const events = readRosterText(
      [
        'id,jurisdiction,person.dob,pc290_registrant,prior_strikes,statute,sentence,enhancements,findings',
        'R-1,US,1970-01-01,no,2,21 USC 841(b)(1)(A)(iii),"240 months,',
        'reduced",18 USC 924(c); 18 USC 3559(c),intent_to_kill|special_circumstance_true',
        'R-2,US,1970-01-01,,,18 USC 922(g)(1),,none,',
      ].join('\r\n'),
    );
    expect(inWords(events)).toEqual(['R-1@2 (1)', 'R-2@4 (1)']);
    const first = events[0];
    expect(first?.kind === 'subject' && first.subject).toMatchObject({
      pc290_registrant: false,
      prior_strikes: 2,
      convictions: [
        {
          statute: '21 USC 841(b)(1)(A)(iii)',
          sentence: '240 months,\r\nreduced',
          enhancements: ['18 USC 924(c)', '18 USC 3559(c)'],
          findings: ['intent_to_kill', 'special_circumstance_true'],
        },
      ],
    });
    const second = events[1];
    expect(second?.kind === 'subject' && second.subject.pc290_registrant).toBeUndefined();
    // `none` is an empty list on purpose; a blank is unknown.
    expect(second?.kind === 'subject' && second.subject.convictions[0]?.enhancements).toEqual([]);
    expect(second?.kind === 'subject' && second.subject.convictions[0]?.findings).toBeUndefined();
  });

  it('reports the unknown columns once, and a person whose rows disagree as a warning', () => {
    const text = [
      'id,jurisdiction,person.dob,statute,colour,shoe_size',
      'R-1,CA,1960-05-01,PC 211,red,9',
      'R-1,CA,1961-05-01,PC 459,blue,9',
      'R-2,CA,1960-05-01,PC 211,red,9',
    ].join('\n');
    expect(read(text)).toEqual([
      'note: columns ignored (not in the roster format): colour, shoe_size',
      'R-1@2 (2) line 3: person.dob "1961-05-01" differs from the person\'s first row (kept "1960-05-01")',
      'R-2@4 (1)',
    ]);
  });

  it('skips blank rows and all-blank rows as spreadsheets write them', () => {
    expect(read('id,jurisdiction,person.dob,statute\n\n,,,\nR-1,CA,1960-05-01,PC 211\n,,,\n')).toEqual(['R-1@4 (1)']);
  });
});

describe('the id register', () => {
  it('tells 200,000 ids apart and names the line of the first of a repeated one', () => {
    const ids = new RosterIdRegister('jsonl');
    for (let i = 0; i < 200_000; i++) expect(ids.check(`CDCR-${String(i).padStart(8, '0')}`, i + 1)).toBeNull();
    expect(ids.check('CDCR-00123456', 300_000)).toEqual({
      line: 300_000,
      id: 'CDCR-00123456',
      message: 'duplicate id "CDCR-00123456": first on line 123457, not screened again',
    });
    expect(ids.check('cdcr-00123456', 300_001)).toBeNull();
    expect(new RosterIdRegister('csv').check('A', 1)).toBeNull();
  });
});

describe('what is not a roster', () => {
  it.each([
    ['an empty file', '', 'the file is empty'],
    ['blank space', '  \n\n ', 'the file holds only blank space'],
    ['a JSON array', '[{"id":"A"}]', 'a JSON array'],
    ['a CSV without an id column', 'name,dob\nAda,1970-01-01\n', 'the first line has no "id" column'],
    ['a binary file', 'PK\u0003\u0004\u0000\u0000binary', 'the file looks binary'],
  ])('%s is fatal with a clear message', (_name, text, why) => {
    const events = readRosterText(text);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'fatal' });
    expect(events[0]?.kind === 'fatal' && events[0].message).toMatch(/^not CSV or JSON Lines: /);
    expect(events[0]?.kind === 'fatal' && events[0].message).toContain(why);
  });
});

describe('the CSV tokenizer', () => {
  const tokens = (text: string, cuts: number[] = []) => {
    const t = new RosterCsvTokenizer();
    const out: RosterCsvRecord[] = [];
    let from = 0;
    for (const cut of cuts) {
      t.push(text.slice(from, cut), out);
      from = cut;
    }
    t.push(text.slice(from), out);
    t.end(out);
    return out.map((r) => (r.kind === 'row' ? [r.line, ...r.cells] : [r.line, r.message]));
  };

  it('counts lines across quoted line breaks, CRLF and lone CR', () => {
    expect(tokens('a,"b\r\nc"\r\nd,e\rf,"g\n\nh"\ni,j')).toEqual([
      [1, 'a', 'b\r\nc'],
      [3, 'd', 'e'],
      [4, 'f', 'g\n\nh'],
      [7, 'i', 'j'],
    ]);
  });

  it('starts again on the next line after a quote that is never closed, whatever the chunk size', () => {
    const text = `a,b\nc,"never closed\nd,e\n${'f,g\n'.repeat(10)}`;
    expect(tokens(text)[1]).toEqual([2, ROSTER_UNTERMINATED_QUOTE]);
    expect(tokens(text)).toHaveLength(13);
    const big = `a,b\n"x${'y'.repeat(MAX_ROSTER_RECORD_CHARS)}\nc,d\n`;
    expect(tokens(big, [5, 70_000, 200_000])).toEqual([
      [1, 'a', 'b'],
      [2, ROSTER_UNTERMINATED_QUOTE],
      [3, 'c', 'd'],
    ]);
  });
});

describe('chunk boundaries', () => {
  const cutsOf = (text: string) => fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 });

  it.each([
    ['JSON Lines', JSONL],
    ['CSV', CSV],
    ['CSV with CRLF', CSV.replace(/\n/g, '\r\n')],
  ])('reading %s split anywhere gives the same people and errors', (_name, text) => {
    const whole = readRosterText(text);
    fc.assert(
      fc.property(cutsOf(text), (cuts) => {
        expect(readInPieces(text, cuts)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('screening a roster split anywhere gives the same outcomes', async () => {
    const screenAll = async (chunks: string[]) => {
      const outcomes: ScreeningOutcome[] = [];
      const errors: string[] = [];
      const result = await screenRoster(
        chunks,
        { asOf: AS_OF },
        { onOutcome: (o) => void outcomes.push(o), onError: (e) => void errors.push(formatRowError(e)) },
      );
      return { result, outcomes, errors };
    };
    const whole = await screenAll([CSV]);
    expect(whole.result).toMatchObject({ ok: true, format: 'csv', people: 4, rowErrors: 7 });
    await fc.assert(
      fc.asyncProperty(cutsOf(CSV), async (cuts) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        const chunks = [...sorted, CSV.length].map((end, i) => CSV.slice(i === 0 ? 0 : sorted[i - 1], end));
        expect(await screenAll(chunks)).toEqual(whole);
      }),
      { numRuns: 50 },
    );
  });
});

describe('screening a roster', () => {
  it('keeps and flags an unknown statute, and stops at a file that is not a roster', async () => {
    const outcomes: ScreeningOutcome[] = [];
    const result = await screenRoster([JSONL], { asOf: AS_OF }, { onOutcome: (o) => void outcomes.push(o) });
    expect(result).toEqual({ ok: true, format: 'jsonl', people: 3, rowErrors: 6 });
    const e = outcomes.find((o) => o.id === 'E');
    expect(e?.warnings).toContain('Statute not recognised, kept for review: XYZ 12 unheard of');
    expect(e?.results.length).toBeGreaterThan(0);

    const notRoster = await screenRoster(['name,dob\n'], { asOf: AS_OF }, { onOutcome: () => undefined });
    expect(notRoster).toMatchObject({ ok: false, error: expect.stringMatching(/^not CSV or JSON Lines: /) });
  });

  it('waits for a handler that returns a promise before reading on', async () => {
    const order: string[] = [];
    await screenRoster(
      [`${person('A')}\n`, `${person('B')}\n`],
      { asOf: AS_OF, pathways: ['CA_ELDERLY_PAROLE_3055'] },
      {
        onOutcome: async (o) => {
          await new Promise((r) => setTimeout(r, 5));
          order.push(`out ${o.id}`);
        },
        onProgress: (p) => void order.push(`progress ${p.people}`),
      },
    );
    expect(order).toEqual(['out A', 'progress 1', 'out B', 'progress 2', 'progress 2']);
  });
});

const outcome: ScreeningOutcome = {
  id: '=HYPERLINK("x")',
  as_of: AS_OF,
  results: [
    {
      pathway: 'CA_ELDERLY_PAROLE_3055',
      status: 'eligible_from',
      eligible_from: '2027-01-15',
      rule_ids: ['EP-AGE', 'EP-TIME'],
      reasons: ['Age 50 reached 2010-05-01', '20 years, reached 2027-01-15'],
      citations: ['PC 3055(a)'],
      missing_facts: [],
    },
    {
      pathway: 'CA_YOUTH_OFFENDER_PAROLE_3051',
      status: 'not_eligible',
      eligible_from: null,
      rule_ids: ['YOP-AGE'],
      reasons: ['Age 25 or older at the offense'],
      citations: ['PC 3051(a)(1)'],
      missing_facts: ['convictions[].offense_date'],
    },
  ],
  warnings: ['Statute not recognised, kept for review: XYZ'],
};

describe('the output writers', () => {
  it('writes one JSON line per person in the format of screening-format.md', () => {
    const line = outcomeJsonLine(outcome);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.split('\n')).toHaveLength(2);
    const parsed = JSON.parse(line);
    expect(Object.keys(parsed)).toEqual(['id', 'as_of', 'results', 'warnings']);
    expect(Object.keys(parsed.results[0])).toEqual([
      'pathway',
      'status',
      'eligible_from',
      'rule_ids',
      'reasons',
      'citations',
      'missing_facts',
    ]);
    expect(parsed.results[1].eligible_from).toBeNull();
  });

  it('writes one CSV row per person and pathway, lists joined by " | ", formulas neutralised', () => {
    const writer = rosterOutputWriter('csv');
    expect(writer.start()).toBe(`${ROSTER_CSV_COLUMNS.join(',')}\r\n`);
    const rows = outcomeCsvRows(outcome).trimEnd().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(
      `"'=HYPERLINK(""x"")",2026-07-01,CA_ELDERLY_PAROLE_3055,eligible_from,2027-01-15,EP-AGE | EP-TIME,"Age 50 reached 2010-05-01 | 20 years, reached 2027-01-15",PC 3055(a),,"Statute not recognised, kept for review: XYZ"`,
    );
    expect(rows[1]).toContain(',not_eligible,,YOP-AGE,');
    expect(outcomeCsvRows({ id: 'Z', as_of: AS_OF, results: [] })).toBe('Z,2026-07-01,,,,,,,,\r\n');
  });

  it('picks the format from the output file name', () => {
    expect(rosterOutputFormatOf('results.CSV')).toBe('csv');
    expect(rosterOutputFormatOf('results.jsonl')).toBe('jsonl');
    expect(rosterOutputFormatOf('results.ndjson')).toBe('jsonl');
    expect(rosterOutputFormatOf('results.xlsx')).toBeNull();
  });
});

describe('the summary', () => {
  const result = (
    pathway: 'CA_ELDERLY_PAROLE_3055' | 'CA_YOUTH_OFFENDER_PAROLE_3051',
    status: ScreeningOutcome['results'][number]['status'],
    eligible_from: string | null,
  ) => ({ pathway, status, eligible_from, rule_ids: [], reasons: [], citations: [], missing_facts: [] });

  it('counts people by pathway and status, and who becomes eligible in (as_of, as_of + 12 months]', () => {
    const s = createRosterSummary(AS_OF);
    s.add({ id: '1', as_of: AS_OF, results: [result('CA_ELDERLY_PAROLE_3055', 'eligible', '2020-01-01')] });
    s.add({ id: '2', as_of: AS_OF, results: [result('CA_ELDERLY_PAROLE_3055', 'eligible_from', '2027-07-01')] });
    s.add({ id: '3', as_of: AS_OF, results: [result('CA_ELDERLY_PAROLE_3055', 'eligible_from', '2027-07-02')] });
    s.add({
      id: '4',
      as_of: AS_OF,
      results: [
        result('CA_ELDERLY_PAROLE_3055', 'eligible_from', '2026-07-02'),
        result('CA_YOUTH_OFFENDER_PAROLE_3051', 'conditional', '2026-12-01'),
      ],
      warnings: ['x'],
    });
    s.add({ id: '5', as_of: AS_OF, results: [result('CA_YOUTH_OFFENDER_PAROLE_3051', 'not_eligible', '2026-12-01')] });
    s.addRowErrors(2);
    expect(s.result()).toEqual({
      as_of: AS_OF,
      people_screened: 5,
      row_errors: 2,
      people_with_warnings: 1,
      people_eligible_now: 1,
      people_eligible_next_12_months: 2,
      eligible_next_12_months_until: '2027-07-01',
      by_pathway: {
        CA_ELDERLY_PAROLE_3055: { statuses: { eligible: 1, eligible_from: 3 }, eligible_next_12_months: 2 },
        CA_YOUTH_OFFENDER_PAROLE_3051: { statuses: { conditional: 1, not_eligible: 1 }, eligible_next_12_months: 1 },
      },
    });
  });

  it('counts from Feb 29 to Mar 1 a year on', () => {
    expect(createRosterSummary('2028-02-29').result().eligible_next_12_months_until).toBe('2029-03-01');
  });
});
