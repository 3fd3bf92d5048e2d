import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose writes. We hold an
 * exclusive lock file for the life of the process. A lock left by a process that no longer runs (killed
 * with -9, machine crash) is stale and is taken over; "no longer runs" is judged by pid plus the
 * process start time, so a recycled pid does not keep a stale lock alive.
 */
export type LockOwner = { pid: number; host: string; startedAt: string; processStart: string | null };

export class DataDirLockedError extends Error {
  readonly owner: LockOwner;
  constructor(dir: string, owner: LockOwner) {
    super(
      `The data directory ${dir} is in use by another Redress process (pid ${owner.pid} on ${owner.host}, started ${owner.startedAt}). ` +
        'Stop that process first, or use a different data directory (REDRESS_DATA_DIR). To run several app servers, use PostgreSQL (DATABASE_URL).',
    );
    this.name = 'DataDirLockedError';
    this.owner = owner;
  }
}

const LOCK_FILE = 'redress.lock';

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
const processStartOf = (pid: number): string | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return afterName[19] ?? null;
  } catch {
    return null;
  }
};

const isRunning = (owner: LockOwner): boolean => {
  if (owner.host !== hostname()) return true; // cannot check another machine: assume it is alive
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = processStartOf(owner.pid);
  return owner.processStart === null || start === null || start === owner.processStart;
};

const readOwner = (path: string): LockOwner | null => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
};

export type DataDirLock = { release(): void; path: string };

export const acquireDataDirLock = (dir: string): DataDirLock => {
  const path = join(dir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    processStart: processStartOf(process.pid),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    // Write the owner to a private file first and link it into place: link() is atomic and fails if
    // the lock exists, so no process ever reads a half-written lock.
    const candidate = `${path}.${process.pid}.tmp`;
    writeFileSync(candidate, JSON.stringify(me), { mode: 0o600 });
    try {
      linkSync(candidate, path);
      rmSync(candidate, { force: true });
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          const owner = readOwner(path);
          if (owner && owner.pid === me.pid && owner.startedAt === me.startedAt) rmSync(path, { force: true });
        },
      };
    } catch (e) {
      rmSync(candidate, { force: true });
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = readOwner(path);
    if (owner && isRunning(owner)) throw new DataDirLockedError(dir, owner);
    // Stale. Move it aside atomically so that of two processes recovering at once, only one wins
    // the next exclusive link.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
      const moved = readOwner(aside);
      // Between our read and the rename another process may have recovered first and taken the lock:
      // if what we moved is live, put it back and give way.
      if (moved && isRunning(moved)) {
        linkSync(aside, path);
        rmSync(aside, { force: true });
        throw new DataDirLockedError(dir, moved);
      }
      rmSync(aside, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  const owner = readOwner(path);
  if (owner) throw new DataDirLockedError(dir, owner);
  throw new Error(`Could not lock the data directory ${dir}`);
};
