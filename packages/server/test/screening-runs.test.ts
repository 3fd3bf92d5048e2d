import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { runScreeningJob } from '../src/use-cases/screening/run-screening-job.js';
import { auditRows, type Client, createHarness, expectError, type Harness, signInAs } from './support/harness.js';
import { expectStatus } from './support/people-fixtures.js';

let h: Harness;
let attorney: Client;
let paralegal: Client;
let volunteer: Client;
const queued: { name: string; data: object }[] = [];

beforeAll(async () => {
  h = await createHarness();
  h.deps.jobs = { send: async (name, data) => queued.push({ name, data }) };
  attorney = (await signInAs(h, 'attorney')).client;
  paralegal = (await signInAs(h, 'paralegal')).client;
  volunteer = (await signInAs(h, 'volunteer')).client;
});
afterAll(() => h.close());

type Part = [name: string, value: string] | [name: string, file: { fileName: string; content: string | Buffer }];

/** A multipart/form-data body, as a browser's FormData sends it. */
const form = (parts: readonly Part[]) => {
  const boundary = `----redress${randomBytes(8).toString('hex')}`;
  const pieces: Buffer[] = [];
  for (const [name, value] of parts) {
    if (typeof value === 'string') {
      pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    } else {
      pieces.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        Buffer.isBuffer(value.content) ? value.content : Buffer.from(value.content),
        Buffer.from('\r\n'),
      );
    }
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(pieces), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};

const upload = (client: Client, parts: readonly Part[]) => {
  const { payload, headers } = form(parts);
  return client.request('POST', '/api/v1/screening/runs', payload, headers);
};

const ELDERLY = 'CA_ELDERLY_PAROLE_3055';

const CSV_ROSTER = [
  'id,jurisdiction,person.dob,person.name,custody.custody_start,custody.continuous,statute,degree,sentence_type,sentence,favourite_colour',
  'R-1,CA,1970-03-15,Ana One,2004-03-15,true,PC 187(a),second,indeterminate,15 years to life,blue',
  'R-2,CA,1985-01-01,Ben Two,2010-01-01,true,PC 211,,determinate,10 years,',
  'R-2,CA,1985-01-01,Ben Two,2010-01-01,true,PC 459,,determinate,2 years,',
  'R-3,CA,2023-02-30,Bad Date,2010-01-01,true,PC 211,,determinate,5 years,',
  'R-4,CA,,No Birthday,2010-01-01,true,PC 211,,determinate,5 years,',
  'R-1,CA,1970-03-15,Ana Again,2004-03-15,true,PC 187(a),second,indeterminate,15 years to life,',
  'R-5,CA,1960-01-01,Cal Five,1990-01-01,true,PC 187(a),first,LWOP,,',
  '',
].join('\n');

const person = (id: string, name: string, dob: string, custodyStart: string, conviction: Record<string, unknown>) =>
  JSON.stringify({
    id,
    jurisdiction: 'CA',
    person: { dob, name, currently_incarcerated: true },
    custody: { custody_start: custodyStart, continuous: true },
    convictions: [conviction],
  });

/** The next roster: R-2 born a year earlier (changed), R-5 gone, R-6 new, a broken line. */
const JSONL_ROSTER = [
  person('R-1', 'Ana One', '1970-03-15', '2004-03-15', {
    statute: 'PC 187(a)',
    degree: 'second',
    sentence_type: 'indeterminate',
    sentence: '15 years to life',
  }),
  person('R-2', 'Ben Two', '1984-01-01', '2010-01-01', {
    statute: 'PC 211',
    sentence_type: 'determinate',
    term_months: 144,
  }),
  '{"id": "R-9", "jurisdiction": "CA", broken',
  person('R-6', 'Dee Six', '1975-05-05', '2001-05-05', {
    statute: 'PC 211',
    sentence_type: 'determinate',
    term_months: 360,
  }),
  '',
].join('\n');

type Run = {
  id: string;
  state: string;
  peopleScreened: number;
  rowErrors: number;
  bytesRead: number;
  fileBytes: number;
};
type ResultRow = {
  subjectId: string;
  name: string | null;
  line: number;
  result: { pathway: string; status: string; eligible_from: string | null };
};

const startRun = async (parts: readonly Part[]): Promise<Run> => expectStatus(upload(attorney, parts), 201);

const completeRun = async (parts: readonly Part[]) => {
  const run = await startRun(parts);
  expect(await runScreeningJob(h.deps, run.id)).toBe('completed');
  return (await expectStatus(attorney.request('GET', `/api/v1/screening/runs/${run.id}`), 200)) as Run & {
    summary: { byPathway: Record<string, Record<string, number>>; eligibleWithin12Months: number };
  };
};

const allResults = async (runId: string, query: string) => {
  const rows: ResultRow[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: ResultRow[]; total: number; nextCursor: string | null } = await expectStatus(
      attorney.request(
        'GET',
        `/api/v1/screening/runs/${runId}/results?${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      ),
      200,
    );
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
};

let csvRun: Run & { summary: { byPathway: Record<string, Record<string, number>>; eligibleWithin12Months: number } };

describe('a run over a CSV roster', () => {
  it('is queued with its settings and screened by the job, reporting bad rows by line', async () => {
    const created = await startRun([
      ['name', 'Solano roster, July'],
      ['asOf', '2026-07-01'],
      ['file', { fileName: 'solano.csv', content: CSV_ROSTER }],
    ]);
    expect(created).toMatchObject({
      name: 'Solano roster, July',
      asOf: '2026-07-01',
      pathways: null,
      state: 'queued',
      fileName: 'solano.csv',
      fileBytes: Buffer.byteLength(CSV_ROSTER),
      peopleScreened: 0,
    });
    expect(queued).toContainEqual({ name: 'screening.run', data: { runId: created.id } });
    expect((await auditRows(h)).some((r) => r.action === 'screening_run.created' && r.entity_id === created.id)).toBe(
      true,
    );

    expect(await runScreeningJob(h.deps, created.id)).toBe('completed');
    csvRun = await expectStatus(attorney.request('GET', `/api/v1/screening/runs/${created.id}`), 200);
    expect(csvRun).toMatchObject({
      state: 'completed',
      peopleScreened: 3,
      bytesRead: Buffer.byteLength(CSV_ROSTER),
      failureReason: null,
    });
    expect(csvRun.summary.byPathway[ELDERLY]).toEqual({ needs_record_review: 2, excluded: 1 });

    const errors = await expectStatus(attorney.request('GET', `/api/v1/screening/runs/${created.id}/errors`), 200);
    expect(errors.total).toBe(csvRun.rowErrors);
    const lines = errors.items.map((e: { line: number }) => e.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines).toEqual(expect.arrayContaining([5, 6, 7]));
    expect(errors.items.find((e: { line: number }) => e.line === 7)).toMatchObject({ subjectId: 'R-1' });
    expect(errors.items.find((e: { line: number }) => e.line === 5).message).toMatch(/date/i);
  });

  it('lists results filtered by pathway, sorted by eligible-from date (unknown last), page by page', async () => {
    const rows = await allResults(csvRun.id, `pathway=${ELDERLY}`);
    expect(rows.map((r) => [r.subjectId, r.result.eligible_from])).toEqual([
      ['R-1', '2024-03-15'],
      ['R-2', '2035-01-01'],
      ['R-5', null],
    ]);
    expect(rows[0]).toMatchObject({ name: 'Ana One', line: 2, result: { status: 'needs_record_review' } });
    expect(rows[1]?.line).toBe(3);
    const desc = await allResults(csvRun.id, `pathway=${ELDERLY}&sort=-eligible_from`);
    expect(desc.map((r) => r.subjectId)).toEqual(['R-2', 'R-1', 'R-5']);
    const excluded = await expectStatus(
      attorney.request('GET', `/api/v1/screening/runs/${csvRun.id}/results?pathway=${ELDERLY}&status=excluded`),
      200,
    );
    expect(excluded).toMatchObject({ total: 1, items: [{ subjectId: 'R-5' }] });
    const byName = await expectStatus(
      attorney.request('GET', `/api/v1/screening/runs/${csvRun.id}/results?pathway=${ELDERLY}&q=ben`),
      200,
    );
    expect(byName.items.map((r: ResultRow) => r.subjectId)).toEqual(['R-2']);
    const eligibleBy = await expectStatus(
      attorney.request('GET', `/api/v1/screening/runs/${csvRun.id}/results?pathway=${ELDERLY}&eligibleBy=2030-01-01`),
      200,
    );
    expect(eligibleBy).toMatchObject({ total: 1, items: [{ subjectId: 'R-1' }] });
    const everything = await allResults(csvRun.id, 'sort=subject');
    expect(new Set(everything.map((r) => r.subjectId))).toEqual(new Set(['R-1', 'R-2', 'R-5']));
    const total = Object.values(csvRun.summary.byPathway).reduce(
      (n, statuses) => n + Object.values(statuses).reduce((a, b) => a + b, 0),
      0,
    );
    expect(everything).toHaveLength(total);
  });

  it('exports the results as CSV and JSON Lines (data.export, audited)', async () => {
    const csv = await attorney.request('GET', `/api/v1/screening/runs/${csvRun.id}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = csv.body.trim().split(/\r?\n/);
    expect(header).toMatch(/^id,as_of,pathway,status,eligible_from/);
    expect(rows.some((r) => r.startsWith(`R-1,2026-07-01,${ELDERLY},needs_record_review,2024-03-15`))).toBe(true);

    const jsonl = await attorney.request('GET', `/api/v1/screening/runs/${csvRun.id}/export?format=jsonl`);
    expect(jsonl.statusCode).toBe(200);
    const people = jsonl.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(people.map((p) => p.id)).toEqual(['R-1', 'R-2', 'R-5']);
    expect(people[0]).toMatchObject({ id: 'R-1', as_of: '2026-07-01' });
    expect(people[0].results.find((r: { pathway: string }) => r.pathway === ELDERLY)).toMatchObject({
      status: 'needs_record_review',
      eligible_from: '2024-03-15',
    });
    const exports = (await auditRows(h)).filter((r) => r.action === 'screening_run.exported');
    expect(exports.map((r) => (r.details as { format: string }).format)).toEqual(['csv', 'jsonl']);

    expectError(await paralegal.request('GET', `/api/v1/screening/runs/${csvRun.id}/export`), 403, 'access.denied');
  });

  it('opens a person of the roster in the case file, once', async () => {
    const opened = await expectStatus(
      attorney.request('POST', `/api/v1/screening/runs/${csvRun.id}/subjects/R-1/person`),
      201,
    );
    const record = await expectStatus(attorney.request('GET', `/api/v1/people/${opened.personId}`), 200);
    expect(record).toMatchObject({ legalName: 'Ana One', dateOfBirth: '1970-03-15', status: 'in_custody' });
    expect(record.identifiers).toEqual([expect.objectContaining({ system: 'other', value: 'R-1' })]);
    expect(record.notes).toMatch(/Solano roster, July/);
    const facts = await expectStatus(attorney.request('GET', `/api/v1/people/${opened.personId}/screening-facts`), 200);
    expect(facts).toEqual({ jurisdiction: 'CA', custody_start: '2004-03-15', custody_continuous: true });
    const again = await expectStatus(
      attorney.request('POST', `/api/v1/screening/runs/${csvRun.id}/subjects/R-1/person`),
      201,
    );
    expect(again.personId).toBe(opened.personId);
    expectError(
      await attorney.request('POST', `/api/v1/screening/runs/${csvRun.id}/subjects/R-404/person`),
      404,
      'screening_subject.not_found',
    );
  });
});

describe('opening a roster person as an intake', () => {
  it('fills the questionnaire from the roster and names the run as the referrer', async () => {
    const intake = await expectStatus(
      attorney.request('POST', `/api/v1/screening/runs/${csvRun.id}/subjects/R-1/intake`),
      201,
    );
    expect(intake).toMatchObject({ channel: 'referral', state: 'new' });
    expect(intake.questionnaire.background).toMatchObject({
      name: 'Ana One',
      prisonerNumber: 'R-1',
      numberSystem: 'cdcr',
      jurisdiction: 'CA',
      dateOfBirth: '1970-03-15',
    });
    expect(intake.questionnaire.conviction.statutes.length).toBeGreaterThan(0);
    expect(intake.submittedBy.name).toMatch(/^Screening run: /);
    const queue = await expectStatus(attorney.request('GET', '/api/v1/intakes'), 200);
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(intake.id);
  });

  it('is refused to a volunteer, and answers 404 for a person not in the run', async () => {
    expectError(
      await volunteer.request('POST', `/api/v1/screening/runs/${csvRun.id}/subjects/R-1/intake`),
      403,
      'access.denied',
    );
    expectError(
      await attorney.request('POST', `/api/v1/screening/runs/${csvRun.id}/subjects/R-404/intake`),
      404,
      'screening_subject.not_found',
    );
  });
});

describe('a run over a JSON Lines roster, compared with the CSV run', () => {
  it('tells who is new, who changed and who is gone', async () => {
    const base = await completeRun([
      ['asOf', '2026-07-01'],
      ['pathways', ELDERLY],
      ['file', { fileName: 'v1.csv', content: CSV_ROSTER }],
    ]);
    const next = await completeRun([
      ['asOf', '2026-07-01'],
      ['pathways', ELDERLY],
      ['file', { fileName: 'v2.jsonl', content: JSONL_ROSTER }],
    ]);
    expect(next).toMatchObject({ peopleScreened: 3, rowErrors: 1, pathways: [ELDERLY], name: 'v2.jsonl' });
    const errors = await expectStatus(attorney.request('GET', `/api/v1/screening/runs/${next.id}/errors`), 200);
    expect(errors.items).toEqual([expect.objectContaining({ line: 3 })]);

    const comparison = await expectStatus(
      attorney.request('GET', `/api/v1/screening/runs/${next.id}/compare?with=${base.id}`),
      200,
    );
    expect(comparison.counts).toEqual({ new: 1, changed: 1, gone: 1 });
    expect(comparison.items).toEqual([
      {
        subjectId: 'R-2',
        name: 'Ben Two',
        pathway: ELDERLY,
        kind: 'changed',
        before: { status: 'needs_record_review', eligible_from: '2035-01-01' },
        after: { status: 'needs_record_review', eligible_from: '2034-01-01' },
      },
      {
        subjectId: 'R-5',
        name: 'Cal Five',
        pathway: ELDERLY,
        kind: 'gone',
        before: { status: 'excluded', eligible_from: null },
        after: null,
      },
      expect.objectContaining({ subjectId: 'R-6', kind: 'new', before: null }),
    ]);
  });
});

describe('the job', () => {
  it('does nothing when delivered again after the run completed', async () => {
    const before = await allResults(csvRun.id, 'sort=subject');
    expect(await runScreeningJob(h.deps, csvRun.id)).toBe('skipped');
    expect(await allResults(csvRun.id, 'sort=subject')).toEqual(before);
    const run = await expectStatus(attorney.request('GET', `/api/v1/screening/runs/${csvRun.id}`), 200);
    expect(run).toMatchObject({ peopleScreened: csvRun.peopleScreened, rowErrors: csvRun.rowErrors });
  });

  it('continues after the last committed batch when it stopped part-way, storing nothing twice', async () => {
    const run = await startRun([
      ['asOf', '2026-07-01'],
      ['file', { fileName: 'again.csv', content: CSV_ROSTER }],
    ]);
    let batches = 0;
    await expect(
      runScreeningJob(h.deps, run.id, {
        batchPeople: 1,
        onBatch: () => {
          batches += 1;
          if (batches === 1) throw new Error('the worker died');
        },
      }),
    ).rejects.toThrow('the worker died');
    const part = await expectStatus(attorney.request('GET', `/api/v1/screening/runs/${run.id}`), 200);
    expect(part).toMatchObject({ state: 'running', peopleScreened: 1 });
    expect(part.bytesRead).toBeGreaterThan(0);

    expect(await runScreeningJob(h.deps, run.id, { batchPeople: 1 })).toBe('completed');
    const done = await expectStatus(attorney.request('GET', `/api/v1/screening/runs/${run.id}`), 200);
    expect(done).toMatchObject({ state: 'completed', peopleScreened: 3, rowErrors: csvRun.rowErrors });
    expect(done.summary).toEqual(csvRun.summary);
    const errors = await expectStatus(attorney.request('GET', `/api/v1/screening/runs/${run.id}/errors`), 200);
    const csvErrors = await expectStatus(attorney.request('GET', `/api/v1/screening/runs/${csvRun.id}/errors`), 200);
    expect(errors).toEqual(csvErrors);
    const strip = (rows: ResultRow[]) => rows.map((r) => [r.subjectId, r.result.pathway, r.result.status]);
    expect(strip(await allResults(run.id, 'sort=subject'))).toEqual(strip(await allResults(csvRun.id, 'sort=subject')));
  });

  it('marks a run failed when its file is not a roster after all', async () => {
    // An upload whose start reads as CSV but has no id column is refused up front; a run whose stored
    // file cannot be read still ends with a reason rather than running forever.
    const run = await startRun([['file', { fileName: 'ok.csv', content: CSV_ROSTER }]]);
    await h.database.db
      .updateTable('screening_run_chunks')
      .set({ data: Buffer.from('name,dob\nx,y\n') })
      .where('run_id', '=', run.id)
      .execute();
    expect(await runScreeningJob(h.deps, run.id)).toBe('failed');
    const failed = await expectStatus(attorney.request('GET', `/api/v1/screening/runs/${run.id}`), 200);
    expect(failed.state).toBe('failed');
    expect(failed.failureReason).toMatch(/not CSV or JSON Lines/);
  });
});

describe('runs: listing and deleting', () => {
  it('lists runs newest first, page by page', async () => {
    const first = await expectStatus(attorney.request('GET', '/api/v1/screening/runs?limit=2'), 200);
    expect(first.items).toHaveLength(2);
    const second = await expectStatus(
      attorney.request('GET', `/api/v1/screening/runs?limit=50&cursor=${encodeURIComponent(first.nextCursor)}`),
      200,
    );
    const ids = [...first.items, ...second.items].map((r: Run) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(csvRun.id);
    // The paralegal may read every run of the organisation.
    await expectStatus(paralegal.request('GET', `/api/v1/screening/runs/${csvRun.id}`), 200);
  });

  it('lets the creator delete a run with its results, not another user (403)', async () => {
    const run = await completeRun([['file', { fileName: 'to-delete.jsonl', content: JSONL_ROSTER }]]);
    expectError(await paralegal.request('DELETE', `/api/v1/screening/runs/${run.id}`), 403, 'access.denied');
    await expectStatus(attorney.request('DELETE', `/api/v1/screening/runs/${run.id}`), 204);
    expectError(await attorney.request('GET', `/api/v1/screening/runs/${run.id}`), 404, 'screening_run.not_found');
    expectError(
      await attorney.request('GET', `/api/v1/screening/runs/${run.id}/results`),
      404,
      'screening_run.not_found',
    );
    const rows = await h.database.db
      .selectFrom('screening_results')
      .select('run_id')
      .where('run_id', '=', run.id)
      .execute();
    expect(rows).toEqual([]);
    expect((await auditRows(h)).some((r) => r.action === 'screening_run.deleted' && r.entity_id === run.id)).toBe(true);
  });
});

describe('who may run screenings', () => {
  it('refuses a role without data.import with 403, on every run endpoint', async () => {
    expectError(await upload(volunteer, [['file', { fileName: 'r.csv', content: CSV_ROSTER }]]), 403, 'access.denied');
    for (const url of [
      '/api/v1/screening/runs',
      `/api/v1/screening/runs/${csvRun.id}`,
      `/api/v1/screening/runs/${csvRun.id}/results`,
      `/api/v1/screening/runs/${csvRun.id}/errors`,
      `/api/v1/screening/runs/${csvRun.id}/export`,
      `/api/v1/screening/runs/${csvRun.id}/compare?with=${csvRun.id}`,
    ]) {
      expectError(await volunteer.request('GET', url), 403, 'access.denied');
    }
  });
});

describe('bad input', () => {
  it('refuses files that are not rosters, by their content, and keeps nothing', async () => {
    const before = await h.database.db.selectFrom('screening_runs').select('id').execute();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(64)]);
    for (const [fileName, content] of [
      ['roster.csv', png],
      ['roster.csv', xlsx],
      ['roster.jsonl', '[{"id": "R-1"}]\n'],
      ['roster.csv', 'name,dob\nAna,1970-01-01\n'],
      ['roster.csv', ''],
    ] as const) {
      const err = expectError(await upload(attorney, [['file', { fileName, content }]]), 400, 'screening.not_a_roster');
      expect(err.details?.file).toEqual(err.message);
    }
    expect(await h.database.db.selectFrom('screening_runs').select('id').execute()).toEqual(before);
    expect(
      await h.database.db
        .selectFrom('screening_run_chunks')
        .select('run_id')
        .where(
          'run_id',
          'not in',
          before.map((r) => r.id),
        )
        .execute(),
    ).toEqual([]);
  });

  it('refuses a date that does not exist, an unknown pathway, and a form without a file, with field messages', async () => {
    const date = expectError(
      await upload(attorney, [
        ['asOf', '2023-02-30'],
        ['file', { fileName: 'r.csv', content: CSV_ROSTER }],
      ]),
      400,
      'request.invalid',
    );
    expect(date.details?.asOf).toMatch(/real date/);
    const pathway = expectError(
      await upload(attorney, [
        ['pathways', `${ELDERLY},CA_MAGIC_DOOR`],
        ['file', { fileName: 'r.csv', content: CSV_ROSTER }],
      ]),
      400,
      'request.invalid',
    );
    expect(pathway.details).toHaveProperty(['pathways.1']);
    // A field after the file is checked too.
    const late = expectError(
      await upload(attorney, [
        ['file', { fileName: 'r.csv', content: CSV_ROSTER }],
        ['asOf', 'July'],
      ]),
      400,
      'request.invalid',
    );
    expect(late.details).toHaveProperty('asOf');
    expectError(await upload(attorney, [['name', 'no file']]), 400, 'screening.no_file');
    expectError(await attorney.request('POST', '/api/v1/screening/runs', { name: 'json' }), 400, 'screening.no_file');
  });

  it('refuses multipart bodies on any other route (415)', async () => {
    const { payload, headers } = form([['name', 'x']]);
    const res = await attorney.request('POST', '/api/v1/people', payload, headers);
    expectError(res, 415, 'request.unsupported_media_type');
  });

  it('refuses a roster over the upload limit with 413 and keeps nothing', async () => {
    const small = await buildApp(h.deps, { rateLimitPerMinute: 100_000, screeningUploadMaxBytes: 1000 });
    try {
      const before = await h.database.db.selectFrom('screening_runs').select('id').execute();
      const { payload, headers } = form([['file', { fileName: 'big.csv', content: CSV_ROSTER.repeat(3) }]]);
      const res = await small.inject({
        method: 'POST',
        url: '/api/v1/screening/runs',
        payload,
        headers: { ...headers, cookie: attorney.cookie, 'x-csrf-token': attorney.csrf },
      });
      expectError(res, 413, 'screening.too_large');
      const declared = await small.inject({
        method: 'POST',
        url: '/api/v1/screening/runs',
        payload: Buffer.alloc(200_000, 'a'),
        headers: { ...headers, cookie: attorney.cookie, 'x-csrf-token': attorney.csrf },
      });
      expectError(declared, 413, 'request.too_large');
      expect(await h.database.db.selectFrom('screening_runs').select('id').execute()).toEqual(before);
    } finally {
      await small.close();
    }
  });
});
