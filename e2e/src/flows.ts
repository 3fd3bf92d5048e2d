import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AccessibilityLog } from './accessibility.js';
import { describeError, type Flow } from './runner.js';
import { rebase, type TestServer } from './server.js';
import { currentStep, totpCode } from './totp.js';

export type FlowDeps = {
  server: TestServer;
  browser: Browser;
  a11y: AccessibilityLog;
  /** Things worth telling a reader that do not fail a flow (e.g. a link issued with the wrong origin). */
  note(message: string): void;
};

const ADMIN_EMAIL = 'admin@redress.local';
const ADMIN_NAME = 'Administrator';
const ADMIN_PASSWORD = 'correct horse battery staple 7';
const NEW_USER = { email: 'paula.paralegal@example.org', name: 'Paula Paralegal', role: 'paralegal' };
const NEW_USER_PASSWORD = 'a long walk to the courthouse 9';
const ACTION_TIMEOUT_MS = 15_000;

/** Pages the accessibility flow expects to have been scanned. */
export const REQUIRED_SCANS = [
  'login',
  'link page',
  'home',
  'security',
  'users',
  'organisation settings',
  'audit log',
] as const;

export const FLOW_NAMES = {
  redeem: '(a) administrator opens the one-time link, sets a password and lands signed in',
  enrol: '(b) administrator enrols TOTP on the Security page and confirms the recovery codes',
  signIn: '(c) administrator signs out and signs in again with password and TOTP code',
  createUser: '(d) administrator creates a user and gets a one-time sign-in link',
  audit: '(e) the audit log shows the user.created entry',
  newUser: '(f) the new user sets a password in a second browser and sees no administration links',
  axe: '(g) axe (WCAG 2.1 A/AA) finds no serious or critical violation on any visited page',
} as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const pathOf = (page: Page) => new URL(page.url()).pathname;

const waitForPath = async (page: Page, path: string) => {
  await page.waitForURL((url) => url.pathname === path, { timeout: ACTION_TIMEOUT_MS });
};

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true, level: 1 });

const newPage = async (browser: Browser, deps: FlowDeps): Promise<{ context: BrowserContext; page: Page }> => {
  // AxeBuilder needs a page from browser.newContext(), not browser.newPage().
  const context = await browser.newContext({ baseURL: deps.server.baseUrl, locale: 'en-GB', timezoneId: 'UTC' });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS * 2);
  const page = await context.newPage();
  page.on('pageerror', (error) => deps.note(`uncaught error in the page at ${page.url()}: ${error.message}`));
  return { context, page };
};

/** Opens a page from the main navigation and waits for its heading. */
const openFromNav = async (page: Page, linkName: string, headingName: string) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: linkName, exact: true }).click();
  await heading(page, headingName).waitFor();
};

const setPasswordOnLinkPage = async (page: Page, password: string) => {
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm new password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
};

/**
 * The main flows of the foundation, in order; each builds on the state the previous ones left.
 * `adminPage` is the administrator's signed-in tab they leave behind, for the flows that follow.
 */
export const buildFlows = (deps: FlowDeps): { flows: Flow[]; adminPage: () => Page | undefined } => {
  const { server, browser, a11y } = deps;
  let admin: Page | undefined;
  let totpSecret = '';
  // The server refuses a code whose time step was already used; the next step is accepted early.
  let lastTotpStep = -1;
  let newUserLink = '';

  const adminPage = (): Page => {
    if (!admin) throw new Error('no administrator page (flow (a) did not run)');
    return admin;
  };

  const nextTotpCode = async (): Promise<string> => {
    let step = Math.max(currentStep(), lastTotpStep + 1);
    while (step > currentStep() + 1) {
      await sleep(1000);
      step = Math.max(currentStep(), lastTotpStep + 1);
    }
    lastTotpStep = step;
    return totpCode(totpSecret, step);
  };

  const flows: Flow[] = [
    {
      name: FLOW_NAMES.redeem,
      async run(t) {
        if (new URL(server.adminLinkAsIssued).origin !== server.baseUrl) {
          deps.note(
            `the bootstrap sign-in link was issued as ${new URL(server.adminLinkAsIssued).origin}/link/…, not on the server's address ${server.baseUrl} (opened it there instead)`,
          );
        }
        const { page } = await newPage(browser, deps);
        admin = t.track(page);
        await page.goto(server.adminLink);
        await heading(page, 'Welcome to Redress').waitFor();
        await page.getByText(ADMIN_EMAIL).waitFor();
        await a11y.scan(page, 'link page');
        await setPasswordOnLinkPage(page, ADMIN_PASSWORD);
        await waitForPath(page, '/');
        await heading(page, `Welcome, ${ADMIN_NAME}`).waitFor();
        await page.getByRole('button', { name: `Account menu for ${ADMIN_NAME}` }).waitFor();
        await a11y.scan(page, 'home');
      },
    },
    {
      name: FLOW_NAMES.enrol,
      needs: [FLOW_NAMES.redeem],
      async run(t) {
        const page = t.track(adminPage());
        await openFromNav(page, 'Security', 'Security');
        await a11y.scan(page, 'security');
        await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
        totpSecret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
        assert.match(totpSecret, /^[A-Z2-7]{16,}=*$/, `the TOTP secret is not base32: ${JSON.stringify(totpSecret)}`);
        await a11y.scan(page, 'security (TOTP set-up)');
        await page.getByLabel('Authentication code', { exact: true }).fill(await nextTotpCode());
        await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
        const codes = page.getByTestId('recovery-codes');
        await codes.waitFor();
        const lines = ((await codes.textContent()) ?? '').split(/\s+/).filter(Boolean);
        assert.ok(lines.length >= 5, `expected several recovery codes, got ${JSON.stringify(lines)}`);
        await a11y.scan(page, 'security (recovery codes)');
        await page.getByRole('button', { name: 'I have saved these codes' }).click();
        await codes.waitFor({ state: 'detached' });
        await page.getByText('Two-factor authentication is on').waitFor();
      },
    },
    {
      name: FLOW_NAMES.signIn,
      needs: [FLOW_NAMES.enrol],
      async run(t) {
        let page = t.track(adminPage());
        const problems: string[] = [];
        await page.getByRole('button', { name: `Account menu for ${ADMIN_NAME}` }).click();
        await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click({ noWaitAfter: true });
        try {
          await waitForPath(page, '/login');
          await heading(page, 'Sign in to Redress').waitFor({ timeout: ACTION_TIMEOUT_MS });
        } catch (error) {
          // Keep going on a fresh tab, so that the sign-in itself and the later flows are still tested.
          problems.push(`after "Sign out" the page did not reach the sign-in page (${describeError(error)})`);
          await t.screenshot(page, 'sign-out');
          await Promise.race([page.close({ runBeforeUnload: false }), sleep(5000)]).catch(() => {});
          page = t.track(await page.context().newPage());
          admin = page;
          await page.goto('/login');
          await heading(page, 'Sign in to Redress').waitFor();
        }
        await a11y.scan(page, 'login');
        // Signing in returns to the page the session ended on (?redirect=), or home.
        const landing = new URL(page.url()).searchParams.get('redirect') ?? '/';
        await page.getByLabel('Email', { exact: true }).fill(ADMIN_EMAIL);
        await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        const codeField = page.getByLabel('Authentication code', { exact: true });
        await codeField.waitFor();
        await a11y.scan(page, 'login (second factor)');
        await codeField.fill(await nextTotpCode());
        await page.getByRole('button', { name: 'Verify', exact: true }).click();
        await waitForPath(page, landing);
        await page.getByRole('button', { name: `Account menu for ${ADMIN_NAME}` }).waitFor();
        if (problems.length > 0) {
          throw new Error(`${problems.join('; ')}; signing in again with password and TOTP on a fresh tab worked`);
        }
      },
    },
    {
      name: FLOW_NAMES.createUser,
      // Not (c): when only its sign-out step fails, it still leaves a signed-in administrator tab.
      needs: [FLOW_NAMES.redeem],
      async run(t) {
        const page = t.track(adminPage());
        await openFromNav(page, 'Users', 'Users');
        await page.getByRole('heading', { name: 'Add user', exact: true }).waitFor();
        await page.getByLabel('Email', { exact: true }).fill(NEW_USER.email);
        await page.getByLabel('Full name', { exact: true }).fill(NEW_USER.name);
        await page.getByLabel('Role', { exact: true }).selectOption(NEW_USER.role);
        await page.getByRole('button', { name: 'Create user', exact: true }).click();
        const shown = page.getByTestId('sign-in-link');
        await shown.waitFor();
        const link = ((await shown.textContent()) ?? '').trim();
        assert.match(link, /\/link\/[^/\s]{20,}$/, `the sign-in link looks wrong: ${JSON.stringify(link)}`);
        if (new URL(link, server.baseUrl).origin !== server.baseUrl) {
          deps.note(
            `the Users page shows the new user's link on ${new URL(link, server.baseUrl).origin}, not on the server's address ${server.baseUrl} (opened it there instead)`,
          );
        }
        newUserLink = rebase(link, server.baseUrl);
        await page.getByRole('cell', { name: NEW_USER.email, exact: true }).waitFor();
        await a11y.scan(page, 'users');
      },
    },
    {
      name: FLOW_NAMES.audit,
      needs: [FLOW_NAMES.createUser],
      async run(t) {
        const page = t.track(adminPage());
        await openFromNav(page, 'Audit log', 'Audit log');
        const rows = page.getByTestId('audit-row');
        await rows.first().waitFor();
        const created = rows.filter({ hasText: 'user.created' });
        await created.first().waitFor();
        assert.equal(await created.count(), 1, 'expected exactly one user.created entry');
        await a11y.scan(page, 'audit log');
      },
    },
    {
      name: FLOW_NAMES.newUser,
      needs: [FLOW_NAMES.createUser],
      async run(t) {
        const { context, page } = await newPage(browser, deps);
        t.track(page);
        await page.goto(newUserLink);
        await heading(page, 'Welcome to Redress').waitFor();
        await page.getByText(NEW_USER.email).waitFor();
        await a11y.scan(page, 'link page (new user)');
        await setPasswordOnLinkPage(page, NEW_USER_PASSWORD);
        await waitForPath(page, '/');
        await heading(page, `Welcome, ${NEW_USER.name}`).waitFor();
        const nav = page.getByRole('navigation', { name: 'Main' });
        await nav.getByRole('link', { name: 'Security', exact: true }).waitFor();
        for (const name of ['Users', 'Audit log', 'Organisation settings']) {
          const count = await page.getByRole('link', { name, exact: true }).count();
          assert.equal(count, 0, `a ${NEW_USER.role} is shown the "${name}" link`);
        }
        await a11y.scan(page, 'home (new user)');
        // Typing the address is no way round it either: the app sends them home, the API says no.
        await page.goto('/admin/users');
        await waitForPath(page, '/');
        const response = await context.request.get('/api/v1/users');
        assert.equal(response.status(), 403, `GET /api/v1/users as a ${NEW_USER.role} answered ${response.status()}`);
        await context.close();
      },
    },
    {
      name: FLOW_NAMES.axe,
      async run(t) {
        if (admin && !admin.isClosed() && pathOf(admin) !== '/login') {
          const page = t.track(admin);
          await openFromNav(page, 'Organisation settings', 'Organisation settings');
          await page.getByLabel('Organisation name', { exact: true }).waitFor();
          await a11y.scan(page, 'organisation settings');
        }
        const missing = REQUIRED_SCANS.filter((name) => !a11y.scanned.has(name));
        const problems = [...a11y.violations];
        if (missing.length > 0) problems.push(`not scanned (an earlier flow failed): ${missing.join(', ')}`);
        if (problems.length > 0) throw new Error(`${problems.length} problem(s): ${problems.join('; ')}`);
      },
    },
  ];
  return { flows, adminPage: () => admin };
};
