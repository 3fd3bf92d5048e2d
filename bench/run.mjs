#!/usr/bin/env node
// `npm run bench`: one JSON line per figure on stdout, progress on stderr.
//
//   floor.get_small          a bare Fastify route answering a small JSON document
//   api.get_small.pglite     GET /api/v1/org/settings with an API token, on PGlite
//   api.get_small.postgres   the same on PostgreSQL (a fresh database on DATABASE_URL, dropped after)
//   cold_start.pglite        `redress start` on an existing data directory until /readyz answers 200
//   case_file.*              with BENCH_CASE_FILE=1 only: bench/case-file/run.mjs (minutes; see bench/README.md)
//
// Every server runs in a child process on 127.0.0.1; autocannon runs here. BENCH_SECONDS (default 10)
// sets each measured load run, after a warm-up of BENCH_WARMUP_SECONDS (default min(5, BENCH_SECONDS));
// BENCH_CONNECTIONS (default 50) the concurrent connections; BENCH_LOG_LEVEL (default warn) the server's.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import {
  createChildren,
  emit,
  median,
  positive,
  progress,
  root,
  round,
  serverEnv as serverEnvAt,
  sleep,
  withFreshPostgresDatabase,
} from './support.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

const SECONDS = positive('BENCH_SECONDS', 10);
const WARMUP_SECONDS = positive('BENCH_WARMUP_SECONDS', Math.min(5, SECONDS));
const CONNECTIONS = Math.round(positive('BENCH_CONNECTIONS', 50));
const COLD_STARTS = 5;
const SERVER_LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
const START_TIMEOUT_MS = 120_000;
const PASSWORD = 'benchmarks need a long password';
const CLI = join(root, 'packages/cli/dist/bin.js');

const work = mkdtempSync(join(tmpdir(), 'redress-bench-'));
const children = createChildren(work);
let hasProblem = false;

/** The environment for a Redress server: nothing inherited that could point it elsewhere. */
const serverEnv = (extra) => serverEnvAt(SERVER_LOG_LEVEL, extra);

const stopChild = (child) => children.stop(child);

/** Forks a server script that reports `{ type: 'ready', url }` over IPC; its output goes to a log file. */
const startChild = async (script, env, logName) => {
  const { message, stop } = await children.start(script, env, logName, { timeoutMs: START_TIMEOUT_MS });
  return { url: message.url.replace(/\/$/, ''), adminLink: message.adminLink ?? null, stop };
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** A warm-up run (not counted), then the measured run. */
const load = async (url, headers = {}) => {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const figures = {
    rps: round(result.requests.average),
    p50_ms: round(result.latency.p50, 2),
    p99_ms: round(result.latency.p99, 2),
    requests: result.requests.total,
    non_2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    connections: CONNECTIONS,
    seconds: SECONDS,
    warmup_seconds: WARMUP_SECONDS,
  };
  if (figures.non_2xx > 0 || figures.errors > 0 || figures.timeouts > 0) hasProblem = true;
  return figures;
};

const ratio = (value, floor) => (value === null || !floor ? null : round(value / floor, 3));

const measureFloor = async () => {
  progress(`floor: bare Fastify, ${CONNECTIONS} connections, ${SECONDS} s`);
  const server = await startChild(join(here, 'floor-server.mjs'), { ...process.env }, 'floor');
  try {
    return await load(`${server.url}/small`);
  } finally {
    await server.stop();
  }
};

const expectStatus = async (response, status, what) => {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${await response.text()}`);
  }
  return response;
};

/**
 * A first start on an empty data directory (or database), then the administrator's one-time link is
 * redeemed and a read-scoped API token created, all through the API.
 */
const setUpWorkspace = async (env, logName) => {
  const server = await startChild(join(here, 'server.mjs'), { ...env, BENCH_SERVER_MODE: 'start', PORT: '0' }, logName);
  try {
    if (!server.adminLink) throw new Error('the first start did not issue an administrator sign-in link');
    const linkToken = new URL(server.adminLink).pathname.split('/').pop();
    const redeemed = await expectStatus(
      await fetch(`${server.url}/api/v1/auth/links/redeem`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: linkToken, newPassword: PASSWORD }),
      }),
      200,
      'redeem the administrator link',
    );
    const cookie = redeemed.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith('redress_session='));
    if (!cookie) throw new Error('redeeming the link set no session cookie');
    const { csrfToken } = await redeemed.json();
    const created = await expectStatus(
      await fetch(`${server.url}/api/v1/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ name: 'benchmark', scopes: ['read'] }),
      }),
      201,
      'create an API token',
    );
    const { token } = await created.json();
    return token;
  } finally {
    await server.stop();
  }
};

const measureApi = async (figure, env) => {
  progress(`${figure}: setting up`);
  const token = await setUpWorkspace(env, `${figure}.setup`);
  const server = await startChild(join(here, 'server.mjs'), { ...env, BENCH_SERVER_MODE: 'lifted', PORT: '0' }, figure);
  try {
    const url = `${server.url}/api/v1/org/settings`;
    const headers = { authorization: `Bearer ${token}` };
    await expectStatus(await fetch(url, { headers }), 200, 'GET /api/v1/org/settings with the token');
    progress(`${figure}: GET /api/v1/org/settings, ${CONNECTIONS} connections, ${SECONDS} s`);
    return await load(url, headers);
  } finally {
    await server.stop();
  }
};

/** Polls /readyz until it answers 200. */
const waitUntilReady = async (port, child, deadline) => {
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(10);
  }
  throw new Error('/readyz did not answer 200 in time');
};

const measureColdStart = async () => {
  const hasCli = existsSync(CLI);
  const args = hasCli ? [CLI, 'start'] : [join(here, 'server.mjs')];
  const command = hasCli ? 'node packages/cli/dist/bin.js start' : 'node bench/server.mjs (startServer; CLI not built)';
  const dataDir = join(work, 'cold-start');
  mkdirSync(dataDir);
  const port = await freePort();
  const env = serverEnv({ REDRESS_DATA_DIR: dataDir, PORT: String(port) });
  const log = openSync(join(work, 'cold-start.log'), 'a');
  const runOnce = async () => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', log, log] });
    children.track(child);
    try {
      await waitUntilReady(port, child, started + START_TIMEOUT_MS);
      return performance.now() - started;
    } finally {
      await stopChild(child);
    }
  };
  progress(`cold start: first start to create the data directory (${command})`);
  await runOnce();
  const runs = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    progress(`cold start: run ${i + 1} of ${COLD_STARTS}`);
    runs.push(await runOnce());
  }
  return {
    median_ms: round(median(runs)),
    min_ms: round(Math.min(...runs)),
    max_ms: round(Math.max(...runs)),
    runs_ms: runs.map((ms) => round(ms)),
    command,
  };
};

/** Runs one figure; a failure becomes a line of its own instead of ending the run. */
const figure = async (name, fn) => {
  // Other work on the machine moves every figure; the 1-minute load average at the start says how much.
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

const cleanUp = async () => {
  await children.stopAll();
  if (hasProblem) progress(`server logs kept in ${work}`);
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
  const floor = await figure('floor.get_small', measureFloor);
  const withRatios = (result) => ({
    ...result,
    ratio_to_floor: { rps: ratio(result.rps, floor?.rps), p99: ratio(result.p99_ms, floor?.p99_ms) },
  });

  await figure('api.get_small.pglite', async () => {
    const dataDir = join(work, 'pglite');
    mkdirSync(dataDir);
    return withRatios(
      await measureApi('api.get_small.pglite', serverEnv({ REDRESS_DATA_DIR: dataDir, REDRESS_JOBS: 'false' })),
    );
  });

  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    await figure('api.get_small.postgres', () =>
      withFreshPostgresDatabase(
        databaseUrl,
        async (url) => {
          const dataDir = join(work, 'postgres');
          mkdirSync(dataDir);
          const env = serverEnv({ REDRESS_DATA_DIR: dataDir, DATABASE_URL: url, REDRESS_JOBS: 'false' });
          return withRatios(await measureApi('api.get_small.postgres', env));
        },
        {
          onDropFailure: () => {
            hasProblem = true;
          },
        },
      ),
    );
  } else {
    emit({ figure: 'api.get_small.postgres', skipped: 'DATABASE_URL not set' });
  }

  await figure('cold_start.pglite', measureColdStart);

  // The case-file figures take minutes (a generated case file per engine): only when asked for.
  if (process.env.BENCH_CASE_FILE === '1') {
    progress('case file: node bench/case-file/run.mjs (BENCH_CASE_FILE=1)');
    const caseFile = spawn(process.execPath, [join(here, 'case-file/run.mjs')], { cwd: root, stdio: 'inherit' });
    children.track(caseFile);
    const code = await new Promise((resolve) => caseFile.once('exit', (c) => resolve(c)));
    if (code !== 0) hasProblem = true;
  }
} finally {
  await cleanUp();
}
process.exitCode = hasProblem ? 1 : 0;
