import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';

/** What a flow gets: `track` registers a page to screenshot if the flow fails; `screenshot` takes one now. */
export type FlowContext = { track(page: Page): Page; screenshot(page: Page, label: string): Promise<void> };

export type Flow = {
  name: string;
  /** Names of earlier flows this one builds on; if one of them failed, this one is not run. */
  needs?: readonly string[];
  run(t: FlowContext): Promise<void>;
};

export type FlowResult = { name: string; isOk: boolean; reason?: string };

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return oneLine(String(error));
  // Playwright's messages carry a multi-line call log after the first lines; the first ones are enough.
  const [first] = error.message.split(/\nCall log:/);
  return oneLine(first ?? error.message).slice(0, 2000);
};

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** The path written, or null when the page could not be captured (frozen, mid-navigation, closed). */
const screenshot = async (page: Page, path: string): Promise<string | null> => {
  mkdirSync(dirname(path), { recursive: true });
  try {
    await page.screenshot({ path, fullPage: true, timeout: 10_000 });
    return path;
  } catch {
    return null;
  }
};

const withTimeout = async (work: Promise<void>, ms: number, name: string) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not finish within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Runs the flows in order and prints `ok - <name>` or `not ok - <name>: <reason>` for each. A failing
 * flow leaves a screenshot of each page it tracked (still open) in `artifactsDir`.
 */
export const runFlows = async (
  flows: readonly Flow[],
  options: { artifactsDir: string; timeoutMs: number },
): Promise<FlowResult[]> => {
  const results: FlowResult[] = [];
  const failed = new Set<string>();
  for (const flow of flows) {
    const blocker = flow.needs?.find((name) => failed.has(name));
    if (blocker) {
      const result = { name: flow.name, isOk: false, reason: `not run: needs "${blocker}", which failed` };
      failed.add(flow.name);
      results.push(result);
      console.log(`not ok - ${result.name}: ${result.reason}`);
      continue;
    }
    const pages: Page[] = [];
    const shots: string[] = [];
    const context: FlowContext = {
      track: (page) => {
        if (!pages.includes(page)) pages.push(page);
        return page;
      },
      screenshot: async (page, label) => {
        const path = await screenshot(page, join(options.artifactsDir, `${slug(flow.name)}-${slug(label)}.png`));
        if (path) shots.push(path);
      },
    };
    try {
      await withTimeout(flow.run(context), options.timeoutMs, flow.name);
      results.push({ name: flow.name, isOk: true });
      console.log(`ok - ${flow.name}`);
    } catch (error) {
      failed.add(flow.name);
      let reason = describeError(error);
      for (const [index, page] of pages.entries()) {
        if (page.isClosed()) continue;
        const path = await screenshot(
          page,
          join(options.artifactsDir, `${slug(flow.name)}${index === 0 ? '' : `-${index + 1}`}.png`),
        );
        if (path) shots.push(path);
      }
      if (shots.length > 0) reason += ` (screenshot: ${shots.join(', ')})`;
      results.push({ name: flow.name, isOk: false, reason });
      console.log(`not ok - ${flow.name}: ${reason}`);
    }
  }
  return results;
};
