#!/usr/bin/env node
// `npm run bench:case-file`: the case-file figures of issue 3, one JSON line each on stdout (progress on
// stderr). Per engine (PGlite, and PostgreSQL when DATABASE_URL is set: a fresh database, dropped after):
//
//   case_file.generate.<engine>                     100,000 people, 150,000 matters, 1,000,000 notes... written
//                                                   with COPY (generate.mjs): the time it takes is a figure
//   case_file.api.get_small.<role>.<engine>         the baseline: GET /api/v1/org/settings, measured the same way
//   case_file.<list or search>.<role>.<engine>      GET /api/v1/people, /matters, /search: p50/p95/p99 over
//                                                   BENCH_CASE_FILE_REQUESTS sequential requests after a warm-up,
//                                                   as the administrator and as a paralegal on some teams
//   case_file.import.people_csv.<engine>            a 100,000-row people CSV through the import runner, rows/s,
//                                                   next to COPY of the same rows (the floor)
//
// The server runs in a child process (bench/server.mjs, `startServer()` as shipped, with the per-address
// rate limit raised through REDRESS_RATE_LIMIT_PER_MINUTE); the requests are made here, one at a time.
// Settings: BENCH_SCALE (default 1; 0.1 for a quick run), BENCH_SEED (42), BENCH_CASE_FILE_REQUESTS (200),
// BENCH_CASE_FILE_WARMUP (20), BENCH_CASE_FILE_FIGURE_SECONDS (60: a figure stops there, marked
// is_cut_short), BENCH_CASE_FILE_DEEP_PAGE (100), BENCH_CASE_FILE_STEP_MINUTES (30: generation, import),
// BENCH_CASE_FILE_ENGINES (pglite,postgres), BENCH_KEEP_DATA=1 (keep the data directory and database).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChildren, emit, positive, progress, round, serverEnv, withFreshPostgresDatabase } from '../support.mjs';
import { countsFor, MAX_SCALE } from './dataset.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const benchDir = fileURLToPath(new URL('..', import.meta.url));

const SCALE = positive('BENCH_SCALE', 1);
if (SCALE > MAX_SCALE) {
  console.error(`bench: BENCH_SCALE must be at most ${MAX_SCALE}`);
  process.exit(2);
}
const SEED = Math.round(positive('BENCH_SEED', 42));
const REQUESTS = Math.round(positive('BENCH_CASE_FILE_REQUESTS', 200));
const WARMUP = Math.round(positive('BENCH_CASE_FILE_WARMUP', 20));
const FIGURE_SECONDS = positive('BENCH_CASE_FILE_FIGURE_SECONDS', 60);
const DEEP_PAGE = Math.round(positive('BENCH_CASE_FILE_DEEP_PAGE', 100));
const STEP_MS = positive('BENCH_CASE_FILE_STEP_MINUTES', 30) * 60_000;
const ENGINES = (process.env.BENCH_CASE_FILE_ENGINES ?? 'pglite,postgres').split(',').map((e) => e.trim());
const IS_KEEPING_DATA = process.env.BENCH_KEEP_DATA === '1';
const SERVER_LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
const START_TIMEOUT_MS = 180_000;
const REQUEST_TIMEOUT_MS = 30_000;
const TARGET_P95_MS = 100;
const PAGE_SIZE = 50;
const COUNTS = countsFor(SCALE);

const work = mkdtempSync(join(tmpdir(), 'redress-bench-case-file-'));
const children = createChildren(work);
let hasProblem = false;

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const ratio = (value, base) => (value === null || !base ? null : round(value / base, 2));

/** Runs one figure; a failure becomes a line of its own instead of ending the run. */
const figure = async (name, fn) => {
  const load_avg_1m = round(loadavg()[0], 2);
  try {
    const result = await fn();
    emit({ figure: name, ...result, load_avg_1m });
    return result;
  } catch (error) {
    hasProblem = true;
    emit({ figure: name, error: error instanceof Error ? error.message : String(error) });
    return null;
  }
};

const get = async (url, token) => {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${new URL(url).pathname}: ${response.status} ${body.slice(0, 300)}`);
  return body;
};

/**
 * Sequential requests: WARMUP unrecorded, then REQUESTS timed from sending to the last byte of the body,
 * stopping early (is_cut_short) after FIGURE_SECONDS.
 */
const measure = async (url, token) => {
  const first = JSON.parse(await get(url, token));
  for (let i = 1; i < WARMUP; i++) await get(url, token);
  const times = [];
  const deadline = performance.now() + FIGURE_SECONDS * 1000;
  while (times.length < REQUESTS && performance.now() < deadline) {
    const started = performance.now();
    await get(url, token);
    times.push(performance.now() - started);
  }
  const sorted = times.sort((a, b) => a - b);
  return {
    first,
    figures: {
      requests: sorted.length,
      is_cut_short: sorted.length < REQUESTS,
      p50_ms: round(percentile(sorted, 50), 2),
      p95_ms: round(percentile(sorted, 95), 2),
      p99_ms: round(percentile(sorted, 99), 2),
      max_ms: round(sorted[sorted.length - 1], 2),
    },
  };
};

/** How many hits a response holds: list items, or search hits per group. */
const itemsOf = (body) =>
  Array.isArray(body.items)
    ? body.items.length
    : Array.isArray(body.groups)
      ? Object.fromEntries(body.groups.map((g) => [g.type, g.items.length]))
      : null;

/** Follows nextCursor up to `page`; returns the query of the last page reached and its number. */
const deepPage = async (base, path, query, token, page) => {
  let cursor = null;
  let reached = 1;
  while (reached < page) {
    const params = new URLSearchParams(query);
    if (cursor) params.set('cursor', cursor);
    const body = JSON.parse(await get(`${base}${path}?${params}`, token));
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
    reached += 1;
  }
  const params = new URLSearchParams(query);
  if (cursor) params.set('cursor', cursor);
  return { query: params.toString(), page: reached };
};

/** The requests measured for one role: lists first, then search. */
const requestsFor = (probes) => {
  const list = (name, path, query, { deep = false } = {}) => ({
    name,
    path,
    query: { limit: PAGE_SIZE, ...query },
    deep,
  });
  const search = (name, q) => ({ name: `search.${name}`, path: '/api/v1/search', query: { q }, deep: false });
  return [
    list('people.sort_name.page_1', '/api/v1/people', {}),
    list('people.sort_name.deep', '/api/v1/people', {}, { deep: true }),
    list('people.sort_created_desc.page_1', '/api/v1/people', { sort: '-created' }),
    list('people.sort_created_desc.deep', '/api/v1/people', { sort: '-created' }, { deep: true }),
    list('people.sort_dob.page_1', '/api/v1/people', { sort: 'dob' }),
    list('people.status_in_custody.page_1', '/api/v1/people', { status: 'in_custody' }),
    list('people.status_in_custody.deep', '/api/v1/people', { status: 'in_custody' }, { deep: true }),
    list('people.filter_name', '/api/v1/people', { name: probes.commonSurname }),
    list('people.filter_identifier', '/api/v1/people', { identifier: probes.cdcr.toLowerCase() }),
    list('people.filter_facility', '/api/v1/people', { facility: probes.facility }),
    list('matters.all.page_1', '/api/v1/matters', {}),
    list('matters.type.page_1', '/api/v1/matters', { type: 'state_commutation' }),
    list('matters.type.deep', '/api/v1/matters', { type: 'state_commutation' }, { deep: true }),
    list('matters.type_stage.page_1', '/api/v1/matters', { type: 'innocence_investigation', stage: 'Investigation' }),
    list('matters.open_by_updated.page_1', '/api/v1/matters', { status: 'open', sort: '-updatedAt' }),
    search('full_name', probes.commonName),
    search('surname', probes.commonSurname),
    search('rare_name', probes.rareName),
    search('misspelt_name', probes.misspeltName),
    search('identifier', probes.cdcr.replace(/^([A-Z])/, '$1-').toLowerCase()),
    search('notes_rare_word', probes.rareNoteWord),
    search('notes_common_word', probes.commonNoteWord),
  ];
};

const measureRole = async (engine, role, base, token, probes) => {
  const baseline = await figure(`case_file.api.get_small.${role}.${engine}`, async () => {
    const { figures } = await measure(`${base}/api/v1/org/settings`, token);
    return { engine, role, request: 'GET /api/v1/org/settings', ...figures };
  });
  for (const r of requestsFor(probes)) {
    await figure(`case_file.${r.name}.${role}.${engine}`, async () => {
      const { query, page } = r.deep
        ? await deepPage(base, r.path, r.query, token, DEEP_PAGE)
        : { query: new URLSearchParams(r.query).toString(), page: 1 };
      progress(`${engine} ${role}: ${r.name}${r.deep ? ` (page ${page})` : ''}`);
      const { first, figures } = await measure(`${base}${r.path}?${query}`, token);
      const shown = new URLSearchParams(r.query).toString();
      return {
        engine,
        role,
        request: `GET ${r.path}?${shown}${r.deep ? `&cursor=(page ${page})` : ''}`,
        page,
        items: itemsOf(first),
        ...figures,
        target_p95_ms: TARGET_P95_MS,
        meets_target: figures.p95_ms < TARGET_P95_MS,
        ratio_to_get_small: {
          p50: ratio(figures.p50_ms, baseline?.p50_ms),
          p95: ratio(figures.p95_ms, baseline?.p95_ms),
        },
      };
    });
  }
};

const runEngine = async (engine, env) => {
  progress(`${engine}: first start (migrations, workspace)`);
  const setup = await children.start(
    join(benchDir, 'server.mjs'),
    { ...env, BENCH_SERVER_MODE: 'start', PORT: '0' },
    `${engine}.setup`,
    { timeoutMs: START_TIMEOUT_MS },
  );
  await setup.stop();

  progress(`${engine}: generating the case file at scale ${SCALE}`);
  let session = null;
  await figure(`case_file.generate.${engine}`, async () => {
    const { message: g, stop } = await children.start(
      join(here, 'generate.mjs'),
      { ...env, BENCH_SCALE: String(SCALE), BENCH_SEED: String(SEED) },
      `${engine}.generate`,
      { timeoutMs: STEP_MS, readyType: 'generated', onMessage: (m) => progress(`${engine}: ${m?.message ?? ''}`) },
    );
    await stop();
    session = { tokens: g.tokens, probes: g.probes };
    const rows = Object.values(g.rowsWritten).reduce((a, b) => a + b, 0);
    return {
      engine,
      scale: SCALE,
      seed: SEED,
      seconds: round(g.total, 1),
      rows,
      rows_per_s: Math.round(rows / g.total),
      counts: { ...g.rowsWritten, users: g.counts.users },
      phases_s: Object.fromEntries(Object.entries(g.seconds).map(([k, v]) => [k, round(v, 2)])),
      method: `${g.copyMethod}, secondary indexes built after the load, then VACUUM ANALYZE`,
      database_mb: Math.round(g.databaseBytes / 2 ** 20),
      probes: g.probes,
    };
  });
  if (!session) return;
  const { tokens, probes } = session;

  progress(`${engine}: starting the server`);
  const server = await children.start(
    join(benchDir, 'server.mjs'),
    { ...env, BENCH_SERVER_MODE: 'start', PORT: '0', REDRESS_RATE_LIMIT_PER_MINUTE: '1000000' },
    `${engine}.server`,
    { timeoutMs: START_TIMEOUT_MS },
  );
  try {
    const base = server.message.url.replace(/\/$/, '');
    for (const role of ['administrator', 'paralegal']) await measureRole(engine, role, base, tokens[role], probes);
  } finally {
    await server.stop();
  }

  progress(`${engine}: import of a ${COUNTS.importRows}-row people CSV`);
  await figure(`case_file.import.people_csv.${engine}`, async () => {
    const { message: m, stop } = await children.start(
      join(here, 'import.mjs'),
      { ...env, BENCH_IMPORT_ROWS: String(COUNTS.importRows), BENCH_SEED: String(SEED), BENCH_WORK: work },
      `${engine}.import`,
      { timeoutMs: STEP_MS, readyType: 'imported', onMessage: (msg) => progress(`${engine}: ${msg?.message ?? ''}`) },
    );
    await stop();
    if (m.report.created !== m.rows || m.report.failed !== 0) {
      hasProblem = true;
      progress(`${engine}: import report ${JSON.stringify(m.report)}, first errors ${JSON.stringify(m.firstErrors)}`);
    }
    const rowsPerS = m.rows / m.seconds;
    const floorRowsPerS = m.rows / m.floor.seconds;
    return {
      engine,
      rows: m.rows,
      seconds: round(m.seconds, 2),
      rows_per_s: Math.round(rowsPerS),
      report: m.report,
      also_written: { person_aliases: m.aliases, person_identifiers: m.identifiers },
      into: `the generated case file (${COUNTS.people} people)`,
      floor: {
        method: `${m.floor.method} of the same ${m.rows} people rows into an empty table LIKE people INCLUDING DEFAULTS, CONSTRAINTS, INDEXES`,
        seconds: round(m.floor.seconds, 2),
        rows_per_s: Math.round(floorRowsPerS),
      },
      ratio_to_floor: round(rowsPerS / floorRowsPerS, 3),
    };
  });
};

const cleanUp = async () => {
  await children.stopAll();
  if (hasProblem || IS_KEEPING_DATA) progress(`logs${IS_KEEPING_DATA ? ' and data' : ''} kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
};

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    hasProblem = true;
    progress(`interrupted (${signal})`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  progress(
    `case file at scale ${SCALE}: ${COUNTS.people} people, ${COUNTS.matters} matters, ${COUNTS.notes} notes; ` +
      `${REQUESTS} requests per figure after ${WARMUP} of warm-up`,
  );
  if (ENGINES.includes('pglite')) {
    const dataDir = join(work, 'pglite');
    mkdirSync(dataDir);
    await runEngine('pglite', serverEnv(SERVER_LOG_LEVEL, { REDRESS_DATA_DIR: dataDir, REDRESS_JOBS: 'false' }));
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!ENGINES.includes('postgres')) {
    // Not asked for.
  } else if (databaseUrl) {
    await withFreshPostgresDatabase(
      databaseUrl,
      async (url) => {
        const dataDir = join(work, 'postgres');
        mkdirSync(dataDir);
        await runEngine(
          'postgres',
          serverEnv(SERVER_LOG_LEVEL, { REDRESS_DATA_DIR: dataDir, DATABASE_URL: url, REDRESS_JOBS: 'false' }),
        );
      },
      {
        keep: IS_KEEPING_DATA,
        onDropFailure: () => {
          hasProblem = true;
        },
      },
    );
  } else {
    emit({ figure: 'case_file.postgres', skipped: 'DATABASE_URL not set' });
  }
} finally {
  await cleanUp();
}
process.exitCode = hasProblem ? 1 : 0;
