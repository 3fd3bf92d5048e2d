#!/usr/bin/env node
// `npm run bench:screening`: bulk relief screening through the CLI, one JSON line per figure on stdout
// (progress on stderr).
//
//   screening.generate        a synthetic roster of BENCH_PEOPLE people (generate-roster.mjs), written to a temp dir
//   screening.startup         `redress screen --help`: what starting the CLI costs, in every figure below
//   screening.floor           `redress screen <roster> --parse-only --threads 1`: read, parse and validate
//                             every record, no rules evaluated, nothing written (the floor)
//   screening.full            `redress screen <roster> --out results.jsonl --threads 1`: every pathway, results
//                             written; ratio_to_floor is its time over the floor's
//   screening.floor.threads_N, screening.full.threads_N   the same with N worker threads
//                             (BENCH_SCREENING_THREADS, default 2; 1 skips them)
//
// Each CLI run is a child process; its peak memory is the kernel's high-water mark of its resident set
// (VmHWM in /proc/<pid>/status, sampled every 50 ms until it exits) and cpu_s its CPU time, all threads
// (/proc/<pid>/stat): on a busy machine wall time moves with the load, CPU time much less. Targets (issue 4): peak under
// 512 MB, and under 2x the floor.
// Settings: BENCH_PEOPLE (default 1,000,000; times BENCH_SCALE when set), BENCH_SEED (42),
// BENCH_SCREENING_FORMAT (jsonl or csv), BENCH_JURISDICTION (mixed, CA or US), BENCH_AS_OF (2026-07-01),
// BENCH_KEEP_DATA=1 (keep the roster and results).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, positive, progress, root, round } from '../support.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const SCALE = positive('BENCH_SCALE', 1);
const PEOPLE = Math.round(positive('BENCH_PEOPLE', 1_000_000) * SCALE);
const SEED = Math.round(positive('BENCH_SEED', 42));
const FORMAT = process.env.BENCH_SCREENING_FORMAT ?? 'jsonl';
const JURISDICTION = process.env.BENCH_JURISDICTION ?? 'mixed';
const AS_OF = process.env.BENCH_AS_OF ?? '2026-07-01';
const IS_KEEPING_DATA = process.env.BENCH_KEEP_DATA === '1';
const THREADS = Math.round(positive('BENCH_SCREENING_THREADS', 2));
const TARGET_PEAK_MB = 512;
const TARGET_RATIO = 2;
if (!['jsonl', 'csv'].includes(FORMAT)) {
  console.error('bench: BENCH_SCREENING_FORMAT must be jsonl or csv');
  process.exit(2);
}

// The built CLI when it is up to date with the command's source, else the source through tsx.
const distBin = join(root, 'packages/cli/dist/bin.js');
const distScreen = join(root, 'packages/cli/dist/commands/screen.js');
const srcScreen = join(root, 'packages/cli/src/commands/screen.ts');
const isDistFresh = existsSync(distScreen) && statSync(distScreen).mtimeMs >= statSync(srcScreen).mtimeMs;
const cli = isDistFresh
  ? { how: 'packages/cli/dist/bin.js', argv: [distBin] }
  : {
      how: 'packages/cli/src/bin.ts through tsx (dist not built or older than the source)',
      argv: ['--import', 'tsx', join(root, 'packages/cli/src/bin.ts')],
    };

const work = mkdtempSync(join(tmpdir(), 'redress-bench-screening-'));
const roster = join(work, `roster.${FORMAT}`);
const results = join(work, 'results.jsonl');

/** Peak resident memory (kB) and CPU time used (s, every thread) of a running process so far; null once it is gone. */
const sample = (pid) => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 a second).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { peakKb: m ? Number(m[1]) : 0, cpuS: (Number(fields[11]) + Number(fields[12])) / 100 };
  } catch {
    return null;
  }
};

/** Runs `node <args>`, timing it and sampling its peak memory and CPU time; resolves with what it printed. */
const run = (args, { okCodes = [0] } = {}) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, TZ: 'UTC' } });
    let peakKb = 0;
    let cpuS = 0;
    const take = () => {
      const s = sample(child.pid);
      if (s) {
        peakKb = Math.max(peakKb, s.peakKb);
        cpuS = Math.max(cpuS, s.cpuS);
      }
    };
    const timer = setInterval(take, 50);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    child.on('error', reject);
    // The last sample before the process is reaped.
    child.on('exit', take);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (!okCodes.includes(code))
        reject(new Error(`exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
      else resolve({ code, seconds, peakMb: peakKb / 1024, cpuS, stdout, stderr });
    });
  });

let hasProblem = false;
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

const lastJson = (text) => {
  const start = text.lastIndexOf('\n{');
  return JSON.parse(start === -1 ? text : text.slice(start + 1));
};

try {
  progress(`${PEOPLE} people (${JURISDICTION}, ${FORMAT}, seed ${SEED}) in ${work}; CLI: ${cli.how}`);
  await figure('screening.generate', async () => {
    const r = await run([
      join(here, 'generate-roster.mjs'),
      '--people',
      String(PEOPLE),
      '--jurisdiction',
      JURISDICTION,
      '--format',
      FORMAT,
      '--seed',
      String(SEED),
      '--out',
      roster,
    ]);
    return {
      people: PEOPLE,
      format: FORMAT,
      jurisdiction: JURISDICTION,
      seed: SEED,
      seconds: round(r.seconds, 1),
      roster_mb: round(statSync(roster).size / 2 ** 20, 1),
    };
  });

  progress('startup');
  const startup = await figure('screening.startup', async () => {
    const r = await run([...cli.argv, 'screen', '--help']);
    return {
      command: 'redress screen --help',
      cli: cli.how,
      seconds: round(r.seconds, 2),
      peak_mb: round(r.peakMb, 1),
    };
  });

  const threadCounts = THREADS > 1 ? [1, THREADS] : [1];
  for (const threads of threadCounts) {
    const suffix = threads === 1 ? '' : `.threads_${threads}`;
    progress(`floor: --parse-only --threads ${threads}`);
    const floor = await figure(`screening.floor${suffix}`, async () => {
      const r = await run(
        [
          ...cli.argv,
          'screen',
          roster,
          '--as-of',
          AS_OF,
          '--parse-only',
          '--threads',
          String(threads),
          '--format',
          'json',
        ],
        { okCodes: [0, 3] },
      );
      const report = lastJson(r.stdout);
      return {
        command: `redress screen <roster> --parse-only --threads ${threads}`,
        people: report.people_read,
        row_errors: report.row_errors,
        seconds: round(r.seconds, 2),
        seconds_in_command: round(report.seconds, 2),
        cpu_s: round(r.cpuS, 1),
        people_per_s: Math.round(report.people_read / r.seconds),
        peak_mb: round(r.peakMb, 1),
      };
    });

    progress(`full: every pathway, JSON Lines out, --threads ${threads}`);
    await figure(`screening.full${suffix}`, async () => {
      const r = await run(
        [
          ...cli.argv,
          'screen',
          roster,
          '--as-of',
          AS_OF,
          '--out',
          results,
          '--threads',
          String(threads),
          '--format',
          'json',
        ],
        { okCodes: [0, 3] },
      );
      const summary = lastJson(r.stdout);
      const ratio = floor ? r.seconds / floor.seconds : null;
      return {
        command: `redress screen <roster> --out results.jsonl --threads ${threads} (all pathways)`,
        people: summary.people_screened,
        row_errors: summary.row_errors,
        seconds: round(r.seconds, 2),
        seconds_in_command: round(summary.seconds, 2),
        cpu_s: round(r.cpuS, 1),
        people_per_s: Math.round(summary.people_screened / r.seconds),
        peak_mb: round(r.peakMb, 1),
        results_mb: round(statSync(results).size / 2 ** 20, 1),
        ratio_to_floor: round(ratio, 2),
        ratio_to_floor_in_command: floor ? round(summary.seconds / floor.seconds_in_command, 2) : null,
        ratio_to_floor_cpu: floor ? round(r.cpuS / floor.cpu_s, 2) : null,
        startup_s: startup?.seconds ?? null,
        meets_target: {
          peak_under_512_mb: r.peakMb < TARGET_PEAK_MB,
          under_2x_floor: ratio !== null && ratio < TARGET_RATIO,
        },
        people_eligible_now: summary.people_eligible_now,
        people_eligible_next_12_months: summary.people_eligible_next_12_months,
      };
    });
    rmSync(results, { force: true });
  }
} finally {
  if (IS_KEEPING_DATA || hasProblem) progress(`data kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = hasProblem ? 1 : 0;
