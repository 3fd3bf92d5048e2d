/**
 * Helpers every browser flow uses: finding controls as a person would (by label, by heading), waiting
 * on dialogs, and running axe on pages as they are seen.
 */
import type { Locator, Page } from 'playwright-core';
import type { AccessibilityLog } from './accessibility.js';

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The control a label names; a required field's label ends with an asterisk. */
export const labelled = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${escapeRegExp(label)}\\s*\\*?$`));

/** The page's main heading: exactly this text, or matching this pattern. */
export const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { name, exact: typeof name === 'string', level: 1 });

export const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Submits a dialog's form and waits for the dialog to go (it stays open, with its error, on a refusal). */
export const submitDialog = async (dialog: Locator, buttonName: string) => {
  await dialog.getByRole('button', { name: buttonName, exact: true }).click();
  try {
    await dialog.waitFor({ state: 'hidden' });
  } catch (error) {
    const alert = await dialog
      .getByRole('alert')
      .allInnerTexts()
      .catch(() => []);
    const said = squash(alert.join(' '));
    throw new Error(`the dialog stayed open after "${buttonName}"${said ? `: ${said}` : ''} (${String(error)})`);
  }
};

const NOTIFICATION = '.mantine-Notifications-notification';
const NOTIFICATIONS_SHOWN = `Array.from(document.querySelectorAll('${NOTIFICATION}')).every((el) => getComputedStyle(el).opacity === '1')`;

/**
 * axe on the page as people see it. Notifications fade in and out (250 ms) and close after 4 s, and
 * colours measured mid-fade are paler than they are: wait until they are in, and hold them there (the
 * pointer over one pauses them all) while axe runs.
 */
export const scanAsSeen = async (a11y: AccessibilityLog, page: Page, pageName: string) => {
  await page.waitForFunction(NOTIFICATIONS_SHOWN, undefined, { timeout: 5000, polling: 50 }).catch(() => {});
  const shown = page.locator(NOTIFICATION);
  const isHeld =
    (await shown.count()) > 0 &&
    (await shown
      .last()
      .hover({ timeout: 2000 })
      .then(
        () => true,
        () => false,
      ));
  try {
    await a11y.scan(page, pageName);
  } finally {
    if (isHeld) await page.mouse.move(0, 0);
  }
};

/** Fails with what axe found on the pages scanned since `from`. */
export const assertAccessible = (a11y: AccessibilityLog, from: number) => {
  const found = a11y.violations.slice(from);
  if (found.length > 0) {
    throw new Error(`axe found ${found.length} serious or critical problem(s): ${found.join('; ')}`);
  }
};
