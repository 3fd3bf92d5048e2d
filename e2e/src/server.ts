import { fork } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerReady } from './server-child.js';

export type TestServer = {
  /** Where the server listens, e.g. http://127.0.0.1:41234. */
  baseUrl: string;
  /** The administrator's one-time link, rebased onto baseUrl. */
  adminLink: string;
  /** As the server printed it, before rebasing (to report a wrong public URL). */
  adminLinkAsIssued: string;
  stop(): Promise<void>;
};

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** Keeps the path, query and fragment of a link and puts it on the server's real address. */
export const rebase = (link: string, baseUrl: string): string => {
  const url = new URL(link, baseUrl);
  return new URL(`${url.pathname}${url.search}${url.hash}`, baseUrl).href;
};

/**
 * A fresh server on an empty PGlite data directory, on a free port of 127.0.0.1, with background jobs
 * (screening runs are screened by them). Its log goes to `logFile`.
 */
export const startTestServer = async (logFile: string): Promise<TestServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-e2e-'));
  const log = openSync(logFile, 'w');
  const env: NodeJS.ProcessEnv = { ...process.env };
  // PGlite on the fresh directory, whatever the calling shell points at.
  for (const name of ['DATABASE_URL', 'REDRESS_PUBLIC_URL', 'REDRESS_MASTER_KEY', 'REDRESS_TRUST_PROXY'])
    delete env[name];
  Object.assign(env, {
    TZ: 'UTC',
    NODE_ENV: 'test',
    REDRESS_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    // Screening runs are background jobs: the roster flow needs a worker.
    REDRESS_JOBS: 'true',
    REDRESS_DEMO: 'false',
    LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? 'info',
  });
  const child = fork(CHILD, [], { env, execArgv: ['--import', 'tsx'], stdio: ['ignore', log, log, 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const ready = await new Promise<ServerReady>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start in ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      child.on('message', (message: ServerReady | { type: 'failed'; error: string }) => {
        clearTimeout(timer);
        if (message.type === 'ready') resolve(message);
        else reject(new Error(`server did not start: ${message.error}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited before it was ready (code ${code}, signal ${signal}); see ${logFile}`));
      });
    });
    if (!ready.adminLink) throw new Error('the fresh data directory did not produce an administrator sign-in link');
    const baseUrl = ready.url.replace(/\/$/, '');
    return { baseUrl, adminLink: rebase(ready.adminLink, baseUrl), adminLinkAsIssued: ready.adminLink, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};
