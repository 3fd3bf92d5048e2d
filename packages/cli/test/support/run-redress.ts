import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));
const SOURCE_TSCONFIG = fileURLToPath(new URL('./tsconfig.source.json', import.meta.url));

export type RunResult = { code: number | null; stdout: string; stderr: string };

/**
 * A clean environment: PGlite in the given data directory (never the machine's DATABASE_URL), no demo
 * workspace, and the workspace packages from source.
 */
export const cliEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  TZ: 'UTC',
  REDRESS_DEMO: 'false',
  TSX_TSCONFIG_PATH: SOURCE_TSCONFIG,
  ...extra,
});

/** `redress <args>` as a child process, the way a person runs it. */
export const spawnRedress = (args: string[], env: Record<string, string> = {}): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd: ROOT, env: cliEnv(env) });

export const runRedress = (args: string[], env: Record<string, string> = {}, stdin?: string): Promise<RunResult> =>
  new Promise((resolve, reject) => {
    const child = spawnRedress(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end(stdin ?? '');
  });

/** Resolves with everything written so far once `pattern` appears on the child's stdout. */
export const waitForOutput = (child: ChildProcess, pattern: RegExp, timeoutMs = 45_000): Promise<string> =>
  new Promise((resolve, reject) => {
    let seen = '';
    let errors = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}: ${seen} ${errors}`)), timeoutMs);
    child.stderr?.on('data', (d: Buffer) => {
      errors += d.toString();
    });
    child.stdout?.on('data', (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}: ${seen} ${errors}`));
    });
  });

export const exitOf = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.on('exit', (code) => r(code)));
