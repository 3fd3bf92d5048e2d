#!/usr/bin/env node
// `npm run e2e`: the browser flows in e2e/ against a fresh server, with Debian's Chromium. Without
// Chromium the suite is skipped (exit 0). The last line of stdout is `N passed, N failed[, N skipped]`.
// Needs the builds first: `npx tsc -b && npm run build -w @redress/web`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));

if (!existsSync(chromium)) {
  console.log(`e2e: skipped — Chromium not installed (${chromium})`);
  console.log('0 passed, 0 failed, 1 skipped');
  process.exit(0);
}

const missing = ['packages/server/dist/index.js', 'packages/web/dist/index.html'].filter(
  (path) => !existsSync(new URL(`../${path}`, import.meta.url)),
);
if (missing.length > 0) {
  console.log(`e2e: not built (${missing.join(', ')} missing): run \`npx tsc -b && npm run build -w @redress/web\``);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TZ: 'UTC' },
});
// The child gets Ctrl-C from the terminal itself and cleans up; wait for it rather than die first.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
