#!/usr/bin/env node
// `npm test`: unit and integration suites on PGlite; the database, API and CLI suites again on
// PostgreSQL when DATABASE_URL is set; the browser suite when Chromium is installed. The last line is
// the total over every suite: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
const env = { ...process.env, TZ: 'UTC' };

const run = (cmd, args, extraEnv = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status ?? 1;
};

const vitest = (label, args, extraEnv) => {
  const dir = mkdtempSync(join(tmpdir(), 'redress-vitest-'));
  const out = join(dir, 'report.json');
  console.log(`\n=== ${label} ===`);
  const status = run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args],
    extraEnv,
  );
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests;
    skipped = report.numPendingTests + report.numTodoTests;
    // A suite that failed to load has no failed test of its own: count it once.
    const brokenSuites = (report.testResults ?? []).filter(
      (s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'),
    ).length;
    failed = report.numFailedTests + brokenSuites;
  }
  if (status !== 0 && failed === 0) failed = 1;
  rmSync(dir, { recursive: true, force: true });
  console.log(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
};

const build = () => {
  console.log('=== build (tsc -b, web) ===');
  if (run('npx', ['tsc', '-b']) !== 0 || run('npm', ['run', 'build', '--silent', '-w', '@redress/web']) !== 0) {
    totals.failed += 1;
    console.log('build failed');
  }
};

build();
vitest('unit and integration (PGlite)', [], { TEST_ENGINE: 'pglite' });
if (process.env.DATABASE_URL) {
  vitest('database, API and CLI (PostgreSQL)', ['packages/db', 'packages/server', 'packages/cli'], {
    TEST_ENGINE: 'postgres',
  });
} else {
  console.log('\nPostgreSQL suites skipped: DATABASE_URL is not set');
}

console.log('\n=== browser (e2e) ===');
const e2e = spawnSync('node', ['scripts/e2e.mjs'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(e2e.stdout ?? '');
const summary = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/.exec((e2e.stdout ?? '').trim());
if (summary) {
  totals.passed += Number(summary[1]);
  totals.failed += Number(summary[2]);
  totals.skipped += Number(summary[3] ?? 0);
}
if (e2e.status !== 0 && (!summary || Number(summary[2]) === 0)) totals.failed += 1;

console.log(`\n${totals.skipped} skipped`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
