/**
 * The browser suite: a fresh server on an empty PGlite directory, Debian's Chromium driven by
 * playwright-core, one line per flow and a final `N passed, N failed`. Started by scripts/e2e.mjs.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { AccessibilityLog } from './accessibility.js';
import { buildCaseFileFlows, CASE_FILE_FLOW_NAMES } from './case-file-flows.js';
import { buildCorrespondenceFlows, CORRESPONDENCE_FLOW_NAMES } from './correspondence-flows.js';
import { buildFlows, FLOW_NAMES } from './flows.js';
import { buildIntakeFlows, INTAKE_FLOW_NAMES } from './intake-flows.js';
import { describeError, type FlowResult, runFlows } from './runner.js';
import { buildScreeningFlows, SCREENING_FLOW_NAMES } from './screening-flows.js';
import { startTestServer, type TestServer } from './server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const FLOW_TIMEOUT_MS = 90_000;

let server: TestServer | undefined;
let browser: Browser | undefined;

const cleanUp = async () => {
  await browser?.close().catch(() => {});
  browser = undefined;
  await server?.stop().catch((error: unknown) => console.error(`e2e: stopping the server: ${describeError(error)}`));
  server = undefined;
};

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`e2e: interrupted (${signal})`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const main = async (): Promise<number> => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const notes: string[] = [];
  let results: FlowResult[];
  try {
    server = await startTestServer(join(ARTIFACTS, 'server.log'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    const a11y = new AccessibilityLog(ARTIFACTS);
    const deps = { server, browser, a11y, note: (message: string) => notes.push(message) };
    // The case-file flows come after the foundation's and work in the administrator's signed-in tab.
    const foundation = buildFlows(deps);
    const caseFile = buildCaseFileFlows({ ...deps, adminPage: foundation.adminPage });
    const screening = buildScreeningFlows({ ...deps, adminPage: foundation.adminPage });
    const intake = buildIntakeFlows({ ...deps, adminPage: foundation.adminPage });
    const correspondence = buildCorrespondenceFlows({ ...deps, adminPage: foundation.adminPage });
    results = await runFlows([...foundation.flows, ...caseFile, ...screening, ...intake, ...correspondence], {
      artifactsDir: ARTIFACTS,
      timeoutMs: FLOW_TIMEOUT_MS,
    });
  } catch (error) {
    const reason = `set-up failed: ${describeError(error)}`;
    results = [
      ...Object.values(FLOW_NAMES),
      ...Object.values(CASE_FILE_FLOW_NAMES),
      ...Object.values(SCREENING_FLOW_NAMES),
      ...Object.values(INTAKE_FLOW_NAMES),
      ...Object.values(CORRESPONDENCE_FLOW_NAMES),
    ].map((name) => ({
      name,
      isOk: false,
      reason,
    }));
    for (const result of results) console.log(`not ok - ${result.name}: ${result.reason}`);
  } finally {
    await cleanUp();
  }
  for (const note of new Set(notes)) console.log(`# note: ${note}`);
  const passed = results.filter((r) => r.isOk).length;
  const failed = results.length - passed;
  if (failed > 0) console.log(`# screenshots and the server log are in ${ARTIFACTS}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
};

process.exitCode = await main();
