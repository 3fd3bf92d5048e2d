import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Collects axe results for every page the flows visit; the accessibility flow then checks that each
 * expected page was scanned and that none has a serious or critical violation.
 */
export class AccessibilityLog {
  readonly scanned = new Set<string>();
  readonly violations: string[] = [];

  constructor(private readonly artifactsDir: string) {}

  async scan(page: Page, pageName: string): Promise<void> {
    this.scanned.add(pageName);
    try {
      // Mantine animates some elements in; colours measured mid-transition are not what people see.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(250);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
      for (const v of blocking) {
        const targets = v.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | ');
        const more = v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : '';
        this.violations.push(`[${pageName}] ${v.id} (${v.impact}): ${v.help} at ${targets}${more}`);
      }
      if (blocking.length > 0) {
        mkdirSync(this.artifactsDir, { recursive: true });
        const file = `axe-${pageName.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
        await page.screenshot({ path: join(this.artifactsDir, file), fullPage: true }).catch(() => {});
      }
    } catch (error) {
      this.violations.push(`[${pageName}] axe could not run: ${error instanceof Error ? error.message : error}`);
    }
  }
}
