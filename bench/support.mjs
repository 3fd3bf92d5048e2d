// What the benchmark scripts share: reading their settings, the environment of a Redress server,
// child processes that report readiness over IPC, and a fresh PostgreSQL database per run.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export const STOP_TIMEOUT_MS = 15_000;

export const progress = (message) => console.error(`bench: ${message}`);
export const emit = (line) => console.log(JSON.stringify(line));
export const round = (value, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A positive number from the environment, or the fallback; anything else ends the run (exit 2). */
export const positive = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`bench: ${name} must be a positive number, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
};

/** The environment for a Redress server: nothing inherited that could point it elsewhere. */
export const serverEnv = (logLevel, extra) => {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDRESS_PUBLIC_URL', 'REDRESS_MASTER_KEY', 'PORT', 'HOST']) delete env[name];
  return { ...env, TZ: 'UTC', HOST: '127.0.0.1', REDRESS_DEMO: 'false', LOG_LEVEL: logLevel, ...extra };
};

/**
 * Child processes of one benchmark run, each logging to `<work>/<logName>.log`, all stopped by
 * `stopAll()` (the run's clean-up, also on SIGINT).
 */
export const createChildren = (work) => {
  const children = new Set();

  const stop = async (child) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    children.delete(child);
  };

  /**
   * Forks a script that answers over IPC with `{ type: readyType, ... }` (or `{ type: 'failed', error }`)
   * within `timeoutMs`. Resolves with that message and a `stop()`; on failure or timeout the child is
   * stopped and the promise rejects.
   */
  const start = async (script, env, logName, { timeoutMs, readyType = 'ready', onMessage } = {}) => {
    const log = openSync(join(work, `${logName}.log`), 'a');
    const child = fork(script, [], { cwd: root, env, stdio: ['ignore', log, log, 'ipc'] });
    children.add(child);
    try {
      const message = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${logName}: no answer in ${timeoutMs} ms`)), timeoutMs);
        child.on('message', (m) => {
          if (m?.type === readyType) {
            clearTimeout(timer);
            resolve(m);
          } else if (m?.type === 'failed') {
            clearTimeout(timer);
            reject(new Error(`${logName}: ${m.error ?? 'failed'}`));
          } else {
            onMessage?.(m);
          }
        });
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`${logName}: exited before it answered (code ${code}, signal ${signal})`));
        });
      });
      return { message, child, stop: () => stop(child) };
    } catch (error) {
      await stop(child);
      throw error;
    }
  };

  /** A child started some other way (spawn), stopped with the others. */
  const track = (child) => {
    children.add(child);
    return child;
  };

  return { start, stop, track, stopAll: () => Promise.all([...children].map((child) => stop(child))) };
};

/** pg, resolved from the package that depends on it. */
export const loadPg = async () => {
  const require = createRequire(join(root, 'packages/db/package.json'));
  const { default: pg } = await import(require.resolve('pg'));
  return pg;
};

/**
 * Runs `fn(url)` on a database created for it on the server of `databaseUrl`, and drops the database
 * afterwards (unless `keep`); `onDropFailure` hears of a database left behind.
 */
export const withFreshPostgresDatabase = async (databaseUrl, fn, { keep = false, onDropFailure } = {}) => {
  const pg = await loadPg();
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const name = `redress_bench_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    return await fn(url.href);
  } finally {
    if (keep) {
      progress(`kept the benchmark database ${name}`);
    } else {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((error) => {
        onDropFailure?.(error);
        progress(`could not drop the benchmark database ${name}: ${error.message}`);
      });
    }
    await admin.end();
  }
};
