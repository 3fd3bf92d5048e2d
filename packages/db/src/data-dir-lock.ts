import { createHash } from 'node:crypto';
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose writes. We hold an
 * exclusive lock file for the life of the process. A lock left by a process that no longer runs (killed
 * with -9, machine crash) is stale and is taken over; "no longer runs" is judged by pid plus the
 * process start time and the boot id, so a recycled pid does not keep a stale lock alive.
 */
export type LockOwner = {
  pid: number;
  host: string;
  startedAt: string;
  processStart: string | null;
  /** Absent in locks written before it was recorded. */
  bootId?: string | null;
};

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

/** Fields 3 (state) and 22 (start time, in clock ticks since boot) of /proc/<pid>/stat. */
const procStatOf = (pid: number): { state: string; start: string | null } | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: afterName[0] ?? '', start: afterName[19] ?? null };
  } catch {
    return null;
  }
};

/** Changes at every boot: a lock from before a reboot is stale whatever its pid and start tick. */
const bootIdNow = (): string | null => {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
};

const isRunning = (owner: LockOwner): boolean => {
  if (owner.host !== hostname()) return true; // cannot check another machine: assume it is alive
  const bootId = bootIdNow();
  if (owner.bootId && bootId && owner.bootId !== bootId) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const stat = procStatOf(owner.pid);
  if (stat?.state === 'Z' || stat?.state === 'X') return false; // killed, not yet reaped by its parent
  return owner.processStart === null || stat?.start == null || stat.start === owner.processStart;
};

/** A lock body that is not a whole owner record (a power cut can leave an empty file) counts as unreadable. */
const parseOwner = (body: string): LockOwner | null => {
  try {
    const o = JSON.parse(body) as Partial<LockOwner> | null;
    const isOwner =
      typeof o?.pid === 'number' &&
      Number.isSafeInteger(o.pid) &&
      o.pid > 0 &&
      typeof o.host === 'string' &&
      typeof o.startedAt === 'string' &&
      (o.processStart === null || typeof o.processStart === 'string') &&
      (o.bootId === undefined || o.bootId === null || typeof o.bootId === 'string');
    return isOwner ? (o as LockOwner) : null;
  } catch {
    return null;
  }
};

/** The lock file's content and owner (null when unreadable), or null when there is no such file. */
const readLock = (path: string): { body: string; owner: LockOwner | null } | null => {
  let body: string;
  try {
    body = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return { body, owner: parseOwner(body) };
};

/**
 * Creates `target` holding `body` unless it exists. The body goes to a private file first, which is
 * then linked into place: link() is atomic and fails if the target exists, so no process ever reads
 * a half-written lock.
 */
const createExclusive = (target: string, body: string): boolean => {
  const candidate = `${target}.${process.pid}.tmp`;
  writeFileSync(candidate, body, { mode: 0o600 });
  try {
    linkSync(candidate, target);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return false;
  } finally {
    rmSync(candidate, { force: true });
  }
};

/**
 * Deletes the lock file at `path` if it still holds `stale`, a lock judged stale. Several processes
 * may judge the same lock stale at once. A guard file named for that lock's content admits them one
 * at a time, and only the guard's holder deletes, after checking the content again: so a live lock
 * that has meanwhile replaced the stale one is never touched. (Moving the lock aside to inspect it,
 * even for an instant, let a third process in: two owners of one directory, and lost writes.)
 */
const removeStale = (dir: string, path: string, stale: string, me: string, depth: number): void => {
  const guard = `${path}.recovering-${createHash('sha256').update(stale).digest('hex').slice(0, 16)}`;
  if (createExclusive(guard, me)) {
    try {
      if (readLock(path)?.body === stale) rmSync(path, { force: true });
    } finally {
      rmSync(guard, { force: true });
    }
    return;
  }
  const recoverer = readLock(guard);
  if (!recoverer) return; // it has just finished: look again
  // A live process is taking this lock over this very moment: it will own the directory.
  if (recoverer.owner && isRunning(recoverer.owner)) {
    throw new DataDirLockedError(dir, recoverer.owner);
  }
  if (depth >= 3) throw new Error(`Could not take over the stale lock ${path}: remove it once no Redress process runs`);
  // The recoverer died in the middle: clear its guard the same way, then look again.
  removeStale(dir, guard, recoverer.body, me, depth + 1);
};

export type DataDirLock = { release(): void; path: string };

export const acquireDataDirLock = (dir: string): DataDirLock => {
  const path = join(dir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    processStart: procStatOf(process.pid)?.start ?? null,
    bootId: bootIdNow(),
  };
  const body = JSON.stringify(me);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(path, body)) {
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          if (readLock(path)?.body === body) rmSync(path, { force: true });
        },
      };
    }
    const current = readLock(path);
    if (!current) continue; // released in the meantime
    if (current.owner && isRunning(current.owner)) throw new DataDirLockedError(dir, current.owner);
    removeStale(dir, path, current.body, body, 0);
  }
  const owner = readLock(path)?.owner;
  if (owner) throw new DataDirLockedError(dir, owner);
  throw new Error(`Could not lock the data directory ${dir}`);
};
