import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, type LockOwner } from '../src/data-dir-lock.js';
import { openDatabase } from '../src/open-database.js';
import { testEngine } from '../src/testing.js';
import { type FixtureProcess, killFixtures, spawnCommand, spawnFixture } from './fixtures/child-process.js';

/**
 * PGlite has no lock of its own, and two processes on one data directory silently lose writes. These
 * tests hold Redress's lock file to that: a second process is refused at once, and a lock left by a
 * dead process is taken over by exactly one successor.
 */
const LOCK_FILE = 'redress.lock';

let root: string;
/** A data directory whose PGlite cluster already exists, so tests do not each pay for initdb. */
let seed: string;
let dirCount = 0;

const emptyDir = (): string => {
  const dir = join(root, `dir-${++dirCount}`);
  mkdirSync(dir);
  return dir;
};
const initialisedDir = (): string => {
  const dir = emptyDir();
  cpSync(join(seed, 'pglite'), join(dir, 'pglite'), { recursive: true });
  return dir;
};

const readLockOwner = (dir: string): LockOwner => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockOwner;
const lockPidOf = (dir: string): number | null => (existsSync(join(dir, LOCK_FILE)) ? readLockOwner(dir).pid : null);
const writeLock = (dir: string, body: string) => writeFileSync(join(dir, LOCK_FILE), body);
/** Field 22 of /proc/<pid>/stat, as the lock records it. */
const processStartOf = (pid: number): string =>
  readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19] ?? '';
/** The pid of a process that has already ended. */
const deadPid = (): number => {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  if (!pid) throw new Error('could not start a process');
  return pid;
};
/** A lock left by a process that has ended (its start tick is wrong too, in case the pid comes back). */
let goneOwner: LockOwner;
const staleLockBody = (): string => JSON.stringify(goneOwner);

/** Waits until every racer has started and is waiting, then gives them one start instant. */
const startTogether = async (racers: FixtureProcess[]) => {
  for (const racer of racers) expect(await racer.nextLine()).toBe('ready');
  const startAt = Date.now() + 300;
  for (const racer of racers) racer.send(String(startAt));
};

type Report = { outcome: 'opened' | 'refused'; pid: number; name?: string; message?: string; elapsedMs: number };
const reportOf = async (child: FixtureProcess): Promise<Report> => JSON.parse(await child.nextLine()) as Report;

// Child processes start slowly on a busy machine: allow for it.
describe.skipIf(testEngine() === 'postgres')('data directory lock (PGlite)', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'redress-lock-test-'));
    seed = join(root, 'seed');
    goneOwner = { pid: deadPid(), host: hostname(), startedAt: '2020-01-01T00:00:00.000Z', processStart: '1' };
    const database = await openDatabase({ dataDir: seed });
    await database.close();
  });
  afterEach(killFixtures);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a second process at once, naming the pid that holds the directory, and the holder carries on', async () => {
    const dir = initialisedDir();
    const database = await openDatabase({ dataDir: dir });
    try {
      await database.executeSql('CREATE TABLE notes (body text)');
      const child = spawnFixture('open-data-dir.ts', ['open', dir]);
      const report = await reportOf(child);
      expect(report).toMatchObject({ outcome: 'refused', name: 'DataDirLockedError' });
      expect(report.message).toContain(`pid ${process.pid} on ${hostname()}`);
      // The refusal comes from the lock file, before PGlite (which takes ~0.4 s or more to start).
      expect(report.elapsedMs).toBeLessThan(2000);
      expect(await child.exited).toEqual({ code: 0, signal: null });
      expect(readLockOwner(dir).pid).toBe(process.pid);
      await database.executeSql('INSERT INTO notes VALUES ($1)', ['still mine']);
      expect((await database.executeSql('SELECT body FROM notes')).rows).toEqual([{ body: 'still mine' }]);
    } finally {
      await database.close();
    }
  });

  it('refuses before starting PGlite: a new directory whose lock is held gets no PGlite files and no litter', async () => {
    const dir = emptyDir();
    const lock = acquireDataDirLock(dir);
    try {
      const child = spawnFixture('open-data-dir.ts', ['open', dir]);
      expect(await reportOf(child)).toMatchObject({ outcome: 'refused', name: 'DataDirLockedError' });
      await child.exited;
      expect(existsSync(join(dir, 'pglite'))).toBe(false);
      expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    } finally {
      lock.release();
    }
  });

  it('refuses a second open of the same directory in the same process while the first is open', async () => {
    const dir = initialisedDir();
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      // A relative spelling of the same directory is the same directory.
      await expect(openDatabase({ dataDir: relative(process.cwd(), dir) })).rejects.toThrow(DataDirLockedError);
      expect((await first.executeSql('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await first.close();
    }
  });

  it('removes the lock file on close(), after which the directory opens again with its data', async () => {
    const dir = initialisedDir();
    const first = await openDatabase({ dataDir: dir });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    await first.executeSql('CREATE TABLE notes (body text)');
    await first.executeSql('INSERT INTO notes VALUES ($1)', ['kept']);
    await first.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(readdirSync(dir)).toEqual(['pglite']);

    const second = await openDatabase({ dataDir: dir });
    try {
      expect((await second.executeSql('SELECT body FROM notes')).rows).toEqual([{ body: 'kept' }]);
    } finally {
      await second.close();
    }
  });

  it('takes over the lock of a process killed with SIGKILL', async () => {
    const dir = initialisedDir();
    const child = spawnFixture('open-data-dir.ts', ['open', dir]);
    expect(await reportOf(child)).toMatchObject({ outcome: 'opened' });
    expect(readLockOwner(dir).pid).toBe(child.pid);
    expect(await child.kill()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(readLockOwner(dir).pid).toBe(child.pid);

    const database = await openDatabase({ dataDir: dir });
    try {
      expect(readLockOwner(dir).pid).toBe(process.pid);
      expect((await database.executeSql('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
  });

  it('takes over the lock of a killed process that its parent has not yet reaped (a zombie)', async () => {
    const dir = emptyDir();
    // The shell starts the lock holder in the background, then becomes `sleep`, which never waits for
    // its children: once killed, the holder stays a zombie, with its pid and /proc entry still there.
    // (A background job's stdin is /dev/null, so the holder gets the shell's stdin through fd 3.)
    const holderScript = fileURLToPath(new URL('./fixtures/open-data-dir.ts', import.meta.url));
    const shell = spawnCommand('/bin/sh', [
      '-c',
      `exec 3<&0; "${process.execPath}" --import tsx "${holderScript}" lock "${dir}" <&3 & exec sleep 60`,
    ]);
    const report = await reportOf(shell);
    expect(report.outcome).toBe('opened');
    process.kill(report.pid, 'SIGKILL');
    await expect.poll(() => readFileSync(`/proc/${report.pid}/stat`, 'utf8').split(') ')[1]?.[0]).toBe('Z');

    const lock = acquireDataDirLock(dir);
    expect(readLockOwner(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('treats a lock naming a live pid with another process start time (a recycled pid) as stale', async () => {
    const other = spawnCommand(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    const dir = emptyDir();
    const owner = { pid: other.pid, host: hostname(), startedAt: '2020-01-01T00:00:00.000Z' };
    writeLock(dir, JSON.stringify({ ...owner, processStart: '1' }));
    const lock = acquireDataDirLock(dir);
    expect(readLockOwner(dir).pid).toBe(process.pid);
    lock.release();

    // The same pid with its real start time is that live process: refused.
    writeLock(dir, JSON.stringify({ ...owner, processStart: processStartOf(other.pid) }));
    expect(() => acquireDataDirLock(dir)).toThrow(`pid ${other.pid}`);
    expect(readLockOwner(dir).pid).toBe(other.pid);
  });

  it('treats a lock from before a reboot (another boot id) as stale, even where its pid and start tick match', () => {
    // After a reboot a service can come back with the very pid and start tick it had before.
    const dir = emptyDir();
    const me = {
      pid: process.pid,
      host: hostname(),
      startedAt: '2020-01-01T00:00:00.000Z',
      processStart: processStartOf(process.pid),
    };
    writeLock(dir, JSON.stringify({ ...me, bootId: '00000000-0000-4000-8000-000000000000' }));
    const lock = acquireDataDirLock(dir);
    expect(readLockOwner(dir).bootId).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
    lock.release();

    // Without a boot id (a lock written before it was recorded), the same pid and start tick is this
    // live process: refused.
    writeLock(dir, JSON.stringify(me));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
  });

  it('never takes over a lock from another host, whose process it cannot check', () => {
    const dir = emptyDir();
    writeLock(
      dir,
      JSON.stringify({
        pid: 4242,
        host: 'elsewhere.example',
        startedAt: '2020-01-01T00:00:00.000Z',
        processStart: '1',
      }),
    );
    expect(() => acquireDataDirLock(dir)).toThrow('pid 4242 on elsewhere.example');
    expect(readLockOwner(dir).host).toBe('elsewhere.example');
  });

  it.each([
    ['empty', ''],
    ['truncated JSON', '{"pid": 12'],
    ['not JSON', 'garbage\u0000\u00ff'],
    ['JSON null', 'null'],
    ['an empty object', '{}'],
    ['a pid that is not a number', `{"pid":"12","host":"${hostname()}","startedAt":"x","processStart":null}`],
  ])(
    'takes over an unreadable lock (%s) as stale: a live owner never has one, its lock is written whole and then linked into place',
    (_, body) => {
      const dir = emptyDir();
      writeLock(dir, body);
      const lock = acquireDataDirLock(dir);
      expect(readLockOwner(dir).pid).toBe(process.pid);
      lock.release();
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('opens a directory whose lock file is empty (as a power cut can leave it)', async () => {
    const dir = initialisedDir();
    writeLock(dir, '');
    const database = await openDatabase({ dataDir: dir });
    expect(readLockOwner(dir).pid).toBe(process.pid);
    await database.close();
  });

  it('lets exactly one of four processes that open at the same instant recover a stale lock', async () => {
    const dir = initialisedDir();
    writeLock(dir, staleLockBody());
    const children = Array.from({ length: 4 }, () => spawnFixture('open-data-dir.ts', ['open', dir, '--race']));
    await startTogether(children);
    const reports = await Promise.all(children.map(reportOf));
    const winners = reports.filter((r) => r.outcome === 'opened');
    expect(winners, JSON.stringify(reports)).toHaveLength(1);
    for (const loser of reports.filter((r) => r.outcome !== 'opened')) {
      expect(loser).toMatchObject({ outcome: 'refused', name: 'DataDirLockedError' });
    }
    expect(readLockOwner(dir).pid).toBe(winners[0]?.pid);
    for (const child of children) child.child.stdin.end();
    expect((await Promise.all(children.map((c) => c.exited))).map((e) => e.code)).toEqual([0, 0, 0, 0]);
    expect(readdirSync(dir)).toEqual(['pglite']);
  });

  it('stays exclusive when six processes race for the same stale lock, round after round', async () => {
    const rounds = 150;
    const dirs = Array.from({ length: rounds }, () => {
      const dir = emptyDir();
      writeLock(dir, staleLockBody());
      return dir;
    });
    const plan = JSON.stringify({ dirs, stepMs: 3 });
    const racers = Array.from({ length: 6 }, () => spawnFixture('lock-race.ts', [plan]));
    await startTogether(racers);
    const outcomes = await Promise.all(racers.map(async (r) => JSON.parse(await r.nextLine()) as string[]));
    const failures = dirs.flatMap((dir, round) => {
      const inRound = outcomes.map((perRacer) => perRacer[round]);
      const isExclusive =
        inRound.filter((o) => o === 'won').length === 1 && inRound.every((o) => o === 'won' || o === 'locked');
      return isExclusive ? [] : [{ round, inRound, files: readdirSync(dir) }];
    });
    expect(failures).toEqual([]);
    for (const racer of racers) racer.child.stdin.end();
    await Promise.all(racers.map((r) => r.exited));
    expect(dirs.filter((dir) => readdirSync(dir).length > 0)).toEqual([]);
  });

  it('never lets a second owner in while a recoverer is paused at any one of its steps', async () => {
    // The fixture recovers a stale lock one filesystem step at a time. For every step k, this process
    // takes the lock while the fixture is paused before step k, then tries again before every later
    // step: each of those tries must be refused, and the fixture must end up refused too.
    const stepper = spawnFixture('lock-steps.ts');
    const violations: string[] = [];
    let scenarios = 0;
    for (let k = 1; ; k++) {
      scenarios = k;
      const dir = emptyDir();
      writeLock(dir, staleLockBody());
      stepper.send(`acquire ${dir}`);
      let step = 0;
      let mine: { release(): void } | null = null;
      let line = await stepper.nextLine();
      for (; line.startsWith('step '); line = await stepper.nextLine()) {
        step += 1;
        if (step >= k) {
          try {
            const lock = acquireDataDirLock(dir);
            if (mine) violations.push(`k=${k}: granted a second time before step ${step} (${line})`);
            else mine = lock;
          } catch (e) {
            if (!(e instanceof DataDirLockedError)) violations.push(`k=${k}, before ${line}: ${(e as Error).message}`);
          }
        }
        stepper.send('go');
      }
      const expected = mine ? 'result locked' : 'result won';
      if (line !== expected) violations.push(`k=${k}: the fixture ended with "${line}", expected "${expected}"`);
      if (!mine && line === 'result won') {
        expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      }
      const holder = mine ? process.pid : stepper.pid;
      if (lockPidOf(dir) !== holder) violations.push(`k=${k}: the lock file does not name the holder`);
      mine?.release();
      stepper.send('release');
      for (line = await stepper.nextLine(); line.startsWith('step '); line = await stepper.nextLine()) {
        stepper.send('go');
      }
      expect(line).toBe('released');
      const litter = readdirSync(dir);
      if (litter.length > 0) violations.push(`k=${k}: left behind ${litter.join(', ')}`);
      if (step < k) break; // the fixture finished before step k: every interleaving has been tried
    }
    expect(violations).toEqual([]);
    expect(scenarios).toBeGreaterThan(10); // the recovery really is many steps, each of them tried
    stepper.child.stdin.end();
    await stepper.exited;
  });
});
