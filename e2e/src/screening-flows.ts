/**
 * Relief screening in the browser (issue 4): the person page's "Relief screening" panel for the
 * death-row client that flow (h) created (statuses, the rule trace, another as-of date, the screening
 * facts form, a matter opened from a result), and rosters screened as background runs on /screening
 * (summary, results filtered by status with the filter in the URL, row errors by line, a comparison
 * with the earlier run, a person of the roster opened in the case file). They run after the case-file
 * flows, in the administrator's signed-in tab. Every page they visit is scanned with axe; a serious or
 * critical violation fails the flow that found it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { CASE_FILE_FLOW_NAMES, type CaseFileDeps } from './case-file-flows.js';
import { FLOW_NAMES } from './flows.js';
import { assertAccessible, heading, labelled, scanAsSeen, squash } from './page-helpers.js';
import type { Flow } from './runner.js';

export const SCREENING_FLOW_NAMES = {
  person: '(l) the person page screens the death-row client: statuses, rule trace, as-of date, facts form, a matter',
  roster: '(m) a roster screened on /screening: results filtered by status, row errors by line, a comparison, a person',
} as const;

/** The client of flow (h): a death sentence, stayed. Their name carries markup and must stay text. */
const CLIENT_NAME = 'Clarence <img src=x onerror="window.__xss=1">Test';
const STATUSES = [
  'eligible',
  'eligible_from',
  'conditional',
  'needs_record_review',
  'not_eligible',
  'not_eligible_likely',
  'excluded',
  'not_available',
  'may_apply',
];
const LATER_AS_OF = '2040-01-01';

const RUN_NAME = 'E2E roster';
const RUN_AS_OF = '2026-07-01';
/**
 * One row per conviction, the person's columns repeated (screening-format.md). Line 1 is the header;
 * the person on line 4 was born on a day that does not exist.
 */
const ROSTER = [
  'id,jurisdiction,person.name,person.dob,person.currently_incarcerated,custody.custody_start,custody.continuous,statute,degree,offense_date,conviction_date,sentence_type,sentence,term_months,controlling',
  'E2E-R1,CA,Ana Elder,1950-03-15,true,1990-01-10,true,PC 187(a),second,1989-12-01,1990-11-01,indeterminate,15 years to life,,true',
  'E2E-R2,CA,Ben Young,1998-06-01,true,2016-05-01,true,PC 211,,2016-04-01,2017-02-01,determinate,12 years,144,true',
  'E2E-R3,CA,Cara Nodate,2023-02-30,true,2010-01-01,true,PC 459,,2009-12-01,2010-06-01,determinate,6 years,72,true',
  'E2E-R4,US,Dan Federal,1955-01-01,true,2005-01-01,true,21:841(b)(1)(A)(iii),,2004-06-01,2005-03-01,term,240 months,240,true',
] as const;
const BAD_LINE = 4;
/** The next roster: the federal prisoner has gone home, and someone new has come in. */
const LATER_ROSTER = [
  ...ROSTER.slice(0, 4),
  'E2E-R5,CA,Eve Newcomer,1960-09-09,true,1996-02-01,true,PC 187(a),second,1995-10-01,1996-08-01,indeterminate,15 years to life,,true',
] as const;
const LATER_RUN_NAME = 'E2E roster, next month';
const LATER_RUN_AS_OF = '2026-08-01';
const OPENED_NAME = 'Ben Young';
const RUN_TIMEOUT_MS = 60_000;

const statusesOf = async (scope: Locator): Promise<string[]> => {
  const badges = scope.getByTestId('screening-status');
  const found: string[] = [];
  for (const badge of await badges.all()) found.push((await badge.getAttribute('data-status')) ?? '');
  return found;
};

/** Waits for a run's page to show it finished, and fails with its state if it did not complete. */
const waitForCompletion = async (page: Page) => {
  const state = page.locator('h1 ~ [data-testid="run-state"], [data-testid="run-state"]').first();
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  let seen = '';
  while (Date.now() < deadline) {
    seen = (await state.getAttribute('data-state').catch(() => null)) ?? '';
    if (seen === 'completed' || seen === 'failed' || seen === 'cancelled') break;
    await page.waitForTimeout(250);
  }
  if (seen !== 'completed') {
    const alert = squash(
      await page
        .getByRole('alert')
        .allInnerTexts()
        .then((texts) => texts.join(' '))
        .catch(() => ''),
    );
    throw new Error(
      `the run did not complete within ${RUN_TIMEOUT_MS} ms (state "${seen}")${alert ? `: ${alert}` : ''}`,
    );
  }
};

export const buildScreeningFlows = (deps: CaseFileDeps): Flow[] => {
  const { a11y } = deps;
  const scan = (page: Page, pageName: string) => scanAsSeen(a11y, page, pageName);

  const adminPage = async (): Promise<Page> => {
    const page = deps.adminPage();
    if (!page || page.isClosed()) throw new Error('no signed-in administrator tab (flow (a) did not run)');
    const dialogs = page.getByRole('dialog');
    for (let tries = 0; tries < 3 && (await dialogs.count()) > 0; tries++) {
      await page.keyboard.press('Escape');
      await dialogs
        .first()
        .waitFor({ state: 'detached', timeout: 3000 })
        .catch(() => {});
    }
    return page;
  };

  return [
    {
      name: SCREENING_FLOW_NAMES.person,
      needs: [FLOW_NAMES.redeem, CASE_FILE_FLOW_NAMES.person],
      async run(t) {
        const page = t.track(await adminPage());
        const axeFrom = a11y.violations.length;
        await page.goto('/people?name=Clarence');
        await heading(page, 'People').waitFor();
        await page.getByTestId('person-row').getByRole('link', { name: CLIENT_NAME, exact: true }).first().click();
        await heading(page, CLIENT_NAME).waitFor();

        const panel = page.getByTestId('relief-screening');
        await page.getByRole('heading', { name: 'Relief screening', level: 2 }).waitFor();
        const results = panel.getByTestId('screening-result');
        await results.first().waitFor({ timeout: 20_000 });
        const statuses = await statusesOf(panel);
        assert.ok(statuses.length > 0, 'the panel shows no status');
        for (const status of statuses) assert.ok(STATUSES.includes(status), `unknown status "${status}"`);
        const pathways = await results.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-pathway')));
        assert.ok(
          pathways.every((pathway) => pathway?.startsWith('CA_')),
          `a California client is screened on other pathways: ${pathways.join(', ')}`,
        );
        assert.equal(
          squash(await labelled(panel, 'Screen as of').inputValue()).length,
          10,
          'the as-of date is not filled in',
        );
        await scan(page, 'person (relief screening)');

        // The explanation: the rules weighed for the first pathway.
        const first = results.first();
        await first.getByRole('button', { name: /^Why\?/ }).click();
        const trace = first.getByTestId('rule-trace');
        await trace.waitFor();
        assert.ok((await trace.locator('tbody tr').count()) > 0, 'the rule trace lists no rule');
        await first.getByRole('button', { name: /^Hide why/ }).waitFor();
        await scan(page, 'person (rule trace)');

        // Another as-of date screens again.
        await labelled(panel, 'Screen as of').fill(LATER_AS_OF);
        await panel
          .getByRole('status')
          .filter({ hasText: `as of ${LATER_AS_OF}` })
          .waitFor();

        // The facts the case file does not hold, in a dialog.
        await panel.getByRole('button', { name: 'Screening facts', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Screening facts' });
        await labelled(dialog, 'PC 290 registrant').waitFor();
        await scan(page, 'screening facts');
        await labelled(dialog, 'PC 290 registrant').selectOption('no');
        await dialog.getByRole('button', { name: 'Save screening facts', exact: true }).click();
        await dialog.waitFor({ state: 'hidden' });
        await results.first().waitFor();

        assert.equal(await page.evaluate('typeof window.__xss'), 'undefined', 'the script in the name ran');
        assert.equal(await page.locator('img[src="x"]').count(), 0, 'the <img> in the name became an element');

        // A result a team can follow becomes a matter in one step.
        const openable = results.filter({ has: page.getByRole('button', { name: /^Open a matter/ }) }).first();
        const pathwayTitle = squash(await openable.getByRole('heading', { level: 3 }).textContent());
        await openable.getByRole('button', { name: /^Open a matter/ }).click();
        await page.waitForURL((url) => /^\/matters\/[^/]+$/.test(url.pathname));
        await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Clarence' }).waitFor();
        assert.ok(pathwayTitle.length > 0, 'the result that opened the matter has no title');
        assertAccessible(a11y, axeFrom);
      },
    },
    {
      name: SCREENING_FLOW_NAMES.roster,
      needs: [FLOW_NAMES.redeem],
      async run(t) {
        const page = t.track(await adminPage());
        const axeFrom = a11y.violations.length;
        const dir = mkdtempSync(join(tmpdir(), 'redress-e2e-screening-'));
        try {
          const file = join(dir, 'roster.csv');
          writeFileSync(file, `${ROSTER.join('\n')}\n`);

          await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: 'Screening', exact: true })
            .click();
          await heading(page, 'Relief screening').waitFor();
          await scan(page, 'screening runs');

          await labelled(page, 'Roster file').setInputFiles(file);
          await labelled(page, 'Run name').fill(RUN_NAME);
          await labelled(page, 'Screen as of').fill(RUN_AS_OF);
          await page.getByRole('button', { name: 'Upload and screen', exact: true }).click();
          await page.waitForURL((url) => /^\/screening\/[^/]+$/.test(url.pathname));
          await heading(page, RUN_NAME).waitFor();
          const runPath = new URL(page.url()).pathname;
          await waitForCompletion(page);

          // The summary: a picture with its table, and the people screened.
          await page.getByRole('img', { name: `People by pathway and status in ${RUN_NAME}` }).waitFor();
          assert.equal(
            squash(await page.getByTestId('people-screened').textContent()),
            '3',
            'the run did not screen the 3 good people',
          );
          await scan(page, 'screening run (summary and results)');

          // Results, then only one status: the filter goes into the URL.
          const rows = page.getByTestId('screening-result-row');
          await rows.first().waitFor();
          const status = await rows.first().getAttribute('data-status');
          assert.ok(status && STATUSES.includes(status), `the first result has the status "${status}"`);
          await labelled(page, 'Status').selectOption(status);
          await page.getByRole('button', { name: 'Apply filters', exact: true }).click();
          await page.waitForURL((url) => url.pathname === runPath && url.searchParams.get('status') === status);
          // The previous rows stay on screen until the filtered ones come.
          const readStatuses = () => rows.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-status')));
          let shown = await readStatuses();
          for (let tries = 0; tries < 40 && !(shown.length > 0 && shown.every((s) => s === status)); tries++) {
            await page.waitForTimeout(250);
            shown = await readStatuses();
          }
          assert.ok(
            shown.length > 0 && shown.every((s) => s === status),
            `filtered by "${status}", the table shows ${shown.join(', ')}`,
          );
          assert.equal(await labelled(page, 'Status').inputValue(), status, 'the status filter was not kept');
          await scan(page, 'screening run (filtered)');

          // The row that could not be read, by line.
          await page.getByRole('tab', { name: /^Row errors/ }).click();
          await page.waitForURL((url) => url.searchParams.get('tab') === 'errors');
          const errors = page.getByTestId('screening-row-error');
          await errors.first().waitFor();
          const lines: string[] = [];
          for (const row of await errors.all()) lines.push(squash(await row.getByRole('cell').first().textContent()));
          assert.ok(
            lines.includes(String(BAD_LINE)),
            `no row error names line ${BAD_LINE} (lines: ${lines.join(', ')})`,
          );
          await scan(page, 'screening run (row errors)');

          // The run is listed with its state.
          await page.getByRole('link', { name: 'All screening runs', exact: true }).click();
          await heading(page, 'Relief screening').waitFor();
          const listed = page.getByTestId('screening-run-row').filter({ hasText: RUN_NAME });
          await listed.getByTestId('run-state').and(page.locator('[data-state="completed"]')).waitFor();

          // The next roster: compared with the first run, one person is new and one is gone.
          const laterFile = join(dir, 'roster-later.csv');
          writeFileSync(laterFile, `${LATER_ROSTER.join('\n')}\n`);
          await labelled(page, 'Roster file').setInputFiles(laterFile);
          await labelled(page, 'Run name').fill(LATER_RUN_NAME);
          await labelled(page, 'Screen as of').fill(LATER_RUN_AS_OF);
          await page.getByRole('button', { name: 'Upload and screen', exact: true }).click();
          await page.waitForURL((url) => /^\/screening\/[^/]+$/.test(url.pathname) && url.pathname !== runPath);
          await heading(page, LATER_RUN_NAME).waitFor();
          await waitForCompletion(page);
          await page.getByRole('tab', { name: 'Compare with an earlier run', exact: true }).click();
          await labelled(page, 'Compare with').selectOption({ label: `${RUN_NAME} (as of ${RUN_AS_OF})` });
          await page.waitForURL((url) => url.searchParams.has('compareWith'));
          const added = page.getByTestId('compare-new');
          await added.waitFor();
          assert.ok(Number(squash(await added.textContent())) > 0, 'the newcomer is not new');
          assert.ok(Number(squash(await page.getByTestId('compare-gone').textContent())) > 0, 'no one is gone');
          const changes = page.getByTestId('screening-changes');
          await changes.getByRole('row').filter({ hasText: 'E2E-R5' }).first().waitFor();
          await changes.getByRole('row').filter({ hasText: 'E2E-R4' }).first().waitFor();
          await scan(page, 'screening run (compare)');

          // A person in the roster opened as a person of the case file.
          await page.getByRole('tab', { name: 'Results', exact: true }).click();
          await page
            .getByRole('button', { name: `Open ${OPENED_NAME} as a person` })
            .first()
            .click();
          await page.waitForURL((url) => /^\/people\/[^/]+$/.test(url.pathname));
          await heading(page, OPENED_NAME).waitFor();
          await page.getByRole('heading', { name: 'Relief screening', level: 2 }).waitFor();
          await scan(page, 'person opened from a screening run');
          assertAccessible(a11y, axeFrom);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },
  ];
};
