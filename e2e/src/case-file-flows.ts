/**
 * The case file in the browser (issue 3): a person with a sentence history and the timeline, a matter
 * moved on the pipeline board by keyboard, global search, a spreadsheet import. They run after the
 * foundation's flows, in the administrator's signed-in tab, and prove that HTML and script typed into
 * names and notes stay text. Every page they visit is scanned with axe; a serious or critical
 * violation fails the flow that found it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { FLOW_NAMES, type FlowDeps } from './flows.js';
import { assertAccessible, heading, labelled, scanAsSeen, squash, submitDialog } from './page-helpers.js';
import type { Flow } from './runner.js';

export type CaseFileDeps = FlowDeps & {
  /** The administrator's signed-in tab, left by the foundation's flows. */
  adminPage(): Page | undefined;
};

export const CASE_FILE_FLOW_NAMES = {
  person: '(h) a person with a sentence history shows it on the timeline',
  board: '(i) a matter moves on the pipeline board by keyboard',
  search: '(j) search finds the person by a misspelt name and by identifier',
  importSheet: '(k) a spreadsheet imports with bad rows reported by line',
} as const;

/** The client's name carries markup: it must be shown as text, never parsed. */
const PERSON_NAME = 'Clarence <img src=x onerror="window.__xss=1">Test';
const PERSON_CDCR = 'C12345';
const NOTE_BODY = 'Called the client about the records request. <script>window.__xss2=1</script>';
const NOTE_SCRIPT = '<script>window.__xss2=1</script>';
const MATTER_TYPE = { value: 'innocence_investigation', label: 'Innocence investigation' };
const FIRST_STAGE = 'Intake review';
const NEXT_STAGE = 'Records request';

const FACILITY = 'San Quentin Rehabilitation Center';
const HOUSING = 'Condemned / East Block';
const CONVICTION = {
  caseNumber: 'SCR-12345',
  court: 'Riverside County Superior Court',
  county: 'Riverside',
  date: '1990-06-01',
  statute: 'PC 187(a)',
};
const EVENTS = {
  imposed: '1990-08-15',
  methodSet: '1992-08-01',
  stayed: '2019-03-13',
  placement: '1990-09-01',
};

/** Header line 1, rows on lines 2 to 5; line 4 has a date that does not exist. */
const IMPORT_ROWS = [
  ['external_id', 'legal_name', 'date_of_birth', 'cdcr_number'],
  ['E2E-001', 'Dolores Marsh', '1970-01-15', 'D23456'],
  ['E2E-002', 'Ernesto Villa', '1965-07-04', 'E34567'],
  ['E2E-003', 'Fatima Reyes', '2023-02-30', 'F45678'],
  ['E2E-004', 'Gideon Park', '1958-11-30', 'G56789'],
] as const;
const BAD_LINE = 4;
const IMPORTED_NAMES = ['Dolores Marsh', 'Ernesto Villa', 'Gideon Park'];
const REFUSED_NAME = 'Fatima Reyes';

const openFromNav = async (page: Page, linkName: string, headingName: string) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: linkName, exact: true }).click();
  await heading(page, headingName).waitFor();
};

const dialogNamed = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

/** The markup in the names and notes was shown as text: no element came of it and no script ran. */
const assertInert = async (page: Page, where: string) => {
  assert.equal(await page.evaluate('typeof window.__xss'), 'undefined', `${where}: the script in the name ran`);
  assert.equal(await page.evaluate('typeof window.__xss2'), 'undefined', `${where}: the script in the note ran`);
  assert.equal(await page.locator('img[src="x"]').count(), 0, `${where}: the <img> in the name became an element`);
  const injected = await page.locator('script').filter({ hasText: '__xss2' }).count();
  assert.equal(injected, 0, `${where}: the <script> in the note became an element`);
};

/** The number a board column's heading gives, e.g. "Intake review (2 matters)". */
const columnCount = async (page: Page, stage: string): Promise<number> => {
  const text = squash(await boardColumn(page, stage).getByRole('heading', { level: 2 }).textContent());
  const match = /\((\d+) matters?\)$/.exec(text);
  if (!match?.[1]) throw new Error(`the column heading "${text}" gives no count`);
  return Number(match[1]);
};

const boardColumn = (page: Page, stage: string) =>
  page.locator(`[data-testid="board-column"][data-stage="${stage.replace(/"/g, '\\"')}"]`);

const waitForCount = async (page: Page, stage: string, expected: number) => {
  const deadline = Date.now() + 10_000;
  let count = await columnCount(page, stage);
  while (count !== expected && Date.now() < deadline) {
    await page.waitForTimeout(100);
    count = await columnCount(page, stage);
  }
  assert.equal(count, expected, `the "${stage}" column counts ${count} matters, expected ${expected}`);
};

/** A count from a report's description list (`<dt>Created</dt><dd>3</dd>`). */
const reportCount = async (report: Locator, term: string): Promise<number> => {
  const value = report.getByText(term, { exact: true }).locator('xpath=following-sibling::dd[1]');
  return Number(squash(await value.textContent()));
};

const errorRows = async (page: Page): Promise<string[][]> => {
  const rows = page.getByTestId('import-error-row');
  const cells: string[][] = [];
  for (const row of await rows.all()) cells.push((await row.getByRole('cell').allTextContents()).map(squash));
  return cells;
};

const assertBadLineReported = async (page: Page, stage: string) => {
  const rows = await errorRows(page);
  assert.equal(rows.length, 1, `${stage}: expected one row error, got ${JSON.stringify(rows)}`);
  const [line, field, problem] = rows[0] ?? [];
  assert.equal(line, String(BAD_LINE), `${stage}: the error names line ${line}, not ${BAD_LINE}`);
  assert.equal(field, 'Date of birth', `${stage}: the error names the field ${JSON.stringify(field)}`);
  assert.match(
    problem ?? '',
    /2023-02-30/,
    `${stage}: the problem does not quote the date: ${JSON.stringify(problem)}`,
  );
};

export const buildCaseFileFlows = (deps: CaseFileDeps): Flow[] => {
  const { a11y } = deps;
  const scan = (page: Page, pageName: string) => scanAsSeen(a11y, page, pageName);
  /** Set by (h) once the person exists; (i) and (j) build on it. */
  let personPath = '';
  const needs = [FLOW_NAMES.redeem];

  /** The administrator's tab, with any dialog an earlier failure left open closed. */
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

  const personPage = async (page: Page) => {
    if (!personPath) throw new Error(`not run: "${CASE_FILE_FLOW_NAMES.person}" did not create the person`);
    if (new URL(page.url()).pathname !== personPath) await page.goto(personPath);
    await heading(page, PERSON_NAME).waitFor();
  };

  const addSentenceEvent = async (page: Page, fields: Record<string, string>, selects: Record<string, string>) => {
    await page.getByRole('button', { name: 'Add sentence event', exact: true }).click();
    const dialog = dialogNamed(page, /^Add sentence event: /);
    await dialog.waitFor();
    for (const [label, value] of Object.entries(selects)) {
      await labelled(dialog, label).selectOption(value);
    }
    for (const [label, value] of Object.entries(fields)) await labelled(dialog, label).fill(value);
    await submitDialog(dialog, 'Save sentence event');
  };

  return [
    {
      name: CASE_FILE_FLOW_NAMES.person,
      needs,
      async run(t) {
        const page = t.track(await adminPage());
        const axeFrom = a11y.violations.length;
        await openFromNav(page, 'People', 'People');
        await scan(page, 'people');

        // The conflict check comes first, then the record.
        await page.getByRole('button', { name: 'Add person', exact: true }).click();
        const dialog = dialogNamed(page, 'Add person');
        await labelled(dialog, 'Legal name').fill(PERSON_NAME);
        await dialog.getByRole('button', { name: 'Check for conflicts', exact: true }).click();
        await dialog.getByRole('radio', { name: 'No conflict', exact: true }).check();
        await scan(page, 'add person (conflict check)');
        await dialog.getByRole('button', { name: 'Record decision', exact: true }).click();
        const saveButton = dialog.getByRole('button', { name: 'Save person', exact: true });
        await saveButton.waitFor();
        assert.equal(await labelled(dialog, 'Legal name').inputValue(), PERSON_NAME);
        await labelled(dialog, 'Date of birth').fill('1961-04-12');
        await labelled(dialog, 'Identifier 1 system').selectOption('cdcr');
        await labelled(dialog, 'Identifier 1 value').fill(PERSON_CDCR);
        await scan(page, 'add person (form)');
        await saveButton.click();
        const added = dialog.getByRole('link', { name: PERSON_NAME, exact: true });
        await added.waitFor();
        assert.equal(
          await dialog.getByText('Possible duplicates').count(),
          0,
          'a fresh person has possible duplicates',
        );
        await added.click();
        await page.waitForURL((url) => /^\/people\/[^/]+$/.test(url.pathname));
        personPath = new URL(page.url()).pathname;
        await heading(page, PERSON_NAME).waitFor();
        assert.equal(
          squash(await page.getByTestId('person-identifier').first().textContent()),
          PERSON_CDCR,
          'the CDCR number is not shown on the person page',
        );
        await assertInert(page, 'person page');

        // A conviction, then its sentence history: death by gas chamber, switched to lethal injection, stayed.
        await page.getByRole('button', { name: 'Add conviction', exact: true }).click();
        const conviction = dialogNamed(page, 'Add conviction');
        await labelled(conviction, 'Case number').fill(CONVICTION.caseNumber);
        await labelled(conviction, 'Court').fill(CONVICTION.court);
        await labelled(conviction, 'County').fill(CONVICTION.county);
        await labelled(conviction, 'Conviction date').fill(CONVICTION.date);
        await labelled(conviction, 'Count 1 statute').fill(CONVICTION.statute);
        await scan(page, 'add conviction');
        await submitDialog(conviction, 'Save conviction');
        await page.getByRole('heading', { name: `${CONVICTION.caseNumber}, ${CONVICTION.court}`, level: 3 }).waitFor();

        await addSentenceEvent(
          page,
          { Date: EVENTS.imposed, 'Authority name': CONVICTION.court },
          { Kind: 'imposed', Authority: 'court', Sentence: 'death', 'Execution method': 'gas_chamber' },
        );
        await page.getByTestId('current-sentence-summary').filter({ hasText: 'gas chamber' }).waitFor();
        await addSentenceEvent(
          page,
          { Date: EVENTS.methodSet, Note: 'Lethal injection became the method in California.' },
          { Kind: 'execution_method_set', Authority: 'other', 'Execution method': 'lethal_injection' },
        );
        await page.getByRole('button', { name: 'Add sentence event', exact: true }).click();
        const stay = dialogNamed(page, /^Add sentence event: /);
        await labelled(stay, 'Kind').selectOption('stayed');
        await labelled(stay, 'Date').fill(EVENTS.stayed);
        await labelled(stay, 'Authority').selectOption('governor');
        await labelled(stay, 'Authority name').fill('Governor Gavin Newsom');
        await scan(page, 'add sentence event');
        await submitDialog(stay, 'Save sentence event');

        await page.getByRole('button', { name: 'Add placement', exact: true }).click();
        const placement = dialogNamed(page, 'Add placement');
        await labelled(placement, 'Facility').fill(FACILITY);
        await labelled(placement, 'Housing').fill(HOUSING);
        await labelled(placement, 'From date').fill(EVENTS.placement);
        await scan(page, 'add placement');
        await submitDialog(placement, 'Save placement');

        // The current sentence is derived from the events.
        const summary = page.getByTestId('current-sentence-summary');
        await summary.filter({ hasText: 'stayed' }).waitFor();
        const current = squash(await summary.textContent());
        assert.match(current, /lethal injection/i, `the current sentence does not name the method: "${current}"`);
        assert.match(current, /stayed/i, `the current sentence is not stayed: "${current}"`);
        assert.match(current, /^Death\b/, `the current sentence is not death: "${current}"`);

        // The picture, and the table that is its text alternative.
        const timeline = page.getByRole('img', { name: `Custody and sentence timeline of ${PERSON_NAME}` });
        await timeline.waitFor();
        assert.ok(await timeline.isVisible(), 'the timeline picture is not visible');
        const marks = await page.getByTestId('person-timeline').locator('g[data-kind]').count();
        assert.ok(marks >= 4, `the timeline draws ${marks} marks, expected the conviction and three sentence events`);
        await page.getByRole('button', { name: 'Show the timeline as a table', exact: true }).click();
        const table = page.getByTestId('timeline-table');
        await page.getByRole('button', { name: 'Hide the timeline table', exact: true }).waitFor();
        assert.ok(await table.isVisible(), 'the timeline table is not shown');
        const rows: string[] = [];
        for (const row of await table.locator('tbody tr').all()) {
          const [date, , what] = (await row.getByRole('cell').allTextContents()).map(squash);
          rows.push(`${date} ${what}`);
        }
        assert.deepEqual(
          rows,
          [
            `${CONVICTION.date} Convicted`,
            `${EVENTS.imposed} Sentence imposed: Death by gas chamber`,
            `${EVENTS.placement} ${FACILITY}, ${HOUSING}, ${EVENTS.placement} to now`,
            `${EVENTS.methodSet} Execution method: Lethal injection`,
            `${EVENTS.stayed} Stayed`,
          ],
          'the timeline table does not list the events in date order',
        );
        await scan(page, 'person (timeline)');

        // The name, drawn in the heading, the timeline and the page title, is text.
        assert.equal(squash(await heading(page, PERSON_NAME).textContent()), PERSON_NAME);
        assert.ok((await page.title()).includes(PERSON_NAME), `the page title is "${await page.title()}"`);
        await assertInert(page, 'person page with its timeline');
        assertAccessible(a11y, axeFrom);
      },
    },
    {
      name: CASE_FILE_FLOW_NAMES.board,
      needs,
      async run(t) {
        const page = t.track(await adminPage());
        const axeFrom = a11y.violations.length;
        await personPage(page);
        await page.getByRole('button', { name: 'Open a new matter', exact: true }).click();
        const open = dialogNamed(page, 'Open a new matter');
        await labelled(open, 'Matter type').selectOption(MATTER_TYPE.value);
        await scan(page, 'open a new matter');
        await open.getByRole('button', { name: 'Open matter', exact: true }).click();
        await page.waitForURL((url) => /^\/matters\/[^/]+$/.test(url.pathname));
        const title = `${MATTER_TYPE.label}: ${PERSON_NAME}`;
        await heading(page, title).waitFor();
        assert.equal(squash(await page.getByTestId('matter-stage').textContent()), FIRST_STAGE);
        await assertInert(page, 'matter page');

        // A note with a script in it: shown as text, never run.
        await labelled(page, 'New note').fill(NOTE_BODY);
        await page.getByRole('button', { name: 'Add note', exact: true }).click();
        const body = page.getByTestId('note-body').filter({ hasText: NOTE_SCRIPT });
        await body.waitFor();
        assert.ok(
          squash(await body.textContent()).includes(NOTE_SCRIPT),
          'the note does not show its <script> as text',
        );
        await assertInert(page, 'matter page with the note');
        await scan(page, 'matter');

        // The board of the type; the card moves on one stage from the keyboard alone.
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board', exact: true }).click();
        await page.getByRole('heading', { name: /^Pipeline board: /, level: 1 }).waitFor();
        await labelled(page, 'Matter type').selectOption(MATTER_TYPE.value);
        await page.getByRole('button', { name: 'Show board', exact: true }).click();
        await heading(page, `Pipeline board: ${MATTER_TYPE.label}`).waitFor();
        const moveButton = page.getByRole('button', { name: `Move ${title}`, exact: true });
        await boardColumn(page, FIRST_STAGE)
          .getByRole('button', { name: `Move ${title}`, exact: true })
          .waitFor();
        const fromBefore = await columnCount(page, FIRST_STAGE);
        const toBefore = await columnCount(page, NEXT_STAGE);
        await scan(page, 'board');

        await moveButton.focus();
        await page.keyboard.press('Enter');
        const target = `Move on to ${NEXT_STAGE}`;
        const menu = page.getByRole('menu').filter({ has: page.getByRole('menuitem', { name: target, exact: true }) });
        await menu.waitFor();
        const seen: string[] = [];
        for (let step = 0; step < 12; step++) {
          const focused = squash(
            await page
              .locator(':focus')
              .textContent({ timeout: 2000 })
              .catch(() => ''),
          );
          if (focused === target) break;
          seen.push(focused);
          await page.keyboard.press('ArrowDown');
        }
        const focused = squash(await page.locator(':focus').textContent());
        assert.equal(
          focused,
          target,
          `the arrow keys never reached "${target}" (focus went to ${JSON.stringify(seen)})`,
        );
        await scan(page, 'board (move menu)');
        await page.keyboard.press('Enter');

        const announcement = `${title} moved from ${FIRST_STAGE} to ${NEXT_STAGE}.`;
        const live = page.getByTestId('board-announcement');
        try {
          await live.filter({ hasText: announcement }).waitFor();
        } catch {
          throw new Error(`the board announced "${squash(await live.textContent())}", not "${announcement}"`);
        }
        await boardColumn(page, NEXT_STAGE)
          .getByRole('button', { name: `Move ${title}`, exact: true })
          .waitFor();
        assert.equal(
          await boardColumn(page, FIRST_STAGE)
            .getByRole('button', { name: `Move ${title}` })
            .count(),
          0,
        );
        await waitForCount(page, FIRST_STAGE, fromBefore - 1);
        await waitForCount(page, NEXT_STAGE, toBefore + 1);
        assert.equal(
          squash(await page.locator(':focus').textContent()),
          `Move ${title}`,
          'focus did not follow the card to its new column',
        );

        // The server has it too: after a reload the card is still in the new column.
        await page.reload();
        await heading(page, `Pipeline board: ${MATTER_TYPE.label}`).waitFor();
        await boardColumn(page, NEXT_STAGE)
          .getByRole('button', { name: `Move ${title}`, exact: true })
          .waitFor();
        await assertInert(page, 'board');
        assertAccessible(a11y, axeFrom);
      },
    },
    {
      name: CASE_FILE_FLOW_NAMES.search,
      needs,
      async run(t) {
        const page = t.track(await adminPage());
        const axeFrom = a11y.violations.length;
        if (!personPath) throw new Error(`not run: "${CASE_FILE_FLOW_NAMES.person}" did not create the person`);
        const box = page.getByRole('searchbox', { name: 'Search' });
        const peopleHits = page.getByRole('region', { name: 'People', exact: true }).getByTestId('search-hit');

        // "/" from anywhere that is not a text field.
        await page.getByRole('heading', { level: 1 }).first().click();
        await page.keyboard.press('/');
        assert.equal(
          await page.locator(':focus').getAttribute('id'),
          'global-search',
          '"/" did not focus the search box',
        );
        await page.keyboard.type('Clarance');
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'Clarance');
        await heading(page, 'Search results for “Clarance”').waitFor();
        const byName = peopleHits.filter({ hasText: PERSON_NAME }).filter({ hasText: 'matched on name' });
        await byName.waitFor();
        await byName.getByRole('link', { name: PERSON_NAME, exact: true }).waitFor();
        await assertInert(page, 'search results');
        await scan(page, 'search results');

        // Ctrl+K, and the CDCR number as people write it.
        await page.keyboard.press('Control+k');
        assert.equal(await page.locator(':focus').getAttribute('id'), 'global-search', 'Ctrl+K did not focus the box');
        await page.keyboard.type('c-12345');
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'c-12345');
        await heading(page, 'Search results for “c-12345”').waitFor();
        // The previous results stay on screen until the new ones come: wait for the identifier match.
        const byIdentifier = peopleHits.filter({ hasText: PERSON_NAME }).filter({ hasText: 'matched on identifier' });
        await byIdentifier.waitFor();
        assert.equal(await box.inputValue(), 'c-12345');
        await byIdentifier.getByRole('link', { name: PERSON_NAME, exact: true }).click();
        await page.waitForURL((url) => url.pathname === personPath);
        await heading(page, PERSON_NAME).waitFor();
        await assertInert(page, 'person page from search');
        assertAccessible(a11y, axeFrom);
      },
    },
    {
      name: CASE_FILE_FLOW_NAMES.importSheet,
      needs,
      async run(t) {
        const page = t.track(await adminPage());
        const axeFrom = a11y.violations.length;
        const dir = mkdtempSync(join(tmpdir(), 'redress-e2e-import-'));
        try {
          const file = join(dir, 'clients.csv');
          writeFileSync(file, `${IMPORT_ROWS.map((row) => row.join(',')).join('\r\n')}\r\n`);

          await openFromNav(page, 'Import', 'Import from a spreadsheet');
          await scan(page, 'import');
          await labelled(page, 'What the rows are').selectOption('people');
          await labelled(page, 'Spreadsheet file').setInputFiles(file);
          await page.getByRole('button', { name: 'Upload', exact: true }).click();
          await page.getByRole('heading', { name: 'Map the columns of clients.csv', level: 2 }).waitFor();

          // The headers are the export's own column names: each maps itself.
          const header = IMPORT_ROWS[0];
          for (const column of header) {
            const field = await labelled(page, `Field for column ${column}`).inputValue();
            assert.equal(field, column, `the column "${column}" was mapped to "${field}"`);
          }
          await page.getByText('Every required field has a column.').waitFor();
          await scan(page, 'import (mapping)');
          await page.getByRole('button', { name: 'Save mapping and do a dry run', exact: true }).click();

          await page.getByRole('heading', { name: 'Dry run: what the import would do', level: 2 }).waitFor();
          const dryRun = labelled(page, 'Dry run counts');
          assert.equal(await reportCount(dryRun, 'To create'), 3, 'the dry run would not create 3 people');
          assert.equal(await reportCount(dryRun, 'Would fail'), 1, 'the dry run would not refuse 1 row');
          await assertBadLineReported(page, 'dry run');
          await scan(page, 'import (dry run)');

          await page.getByRole('button', { name: 'Import 3 rows', exact: true }).click();
          const summary = page.getByRole('heading', { name: 'Import summary', level: 2 });
          await summary.waitFor();
          const counts = labelled(page, 'Import counts');
          assert.equal(await reportCount(counts, 'Created'), 3, 'the import did not create 3 people');
          assert.equal(await reportCount(counts, 'Failed'), 1, 'the import did not refuse 1 row');
          await assertBadLineReported(page, 'summary');
          await scan(page, 'import (summary)');

          // The good rows are in; the bad one is not.
          await page.getByRole('link', { name: 'Go to people', exact: true }).click();
          await heading(page, 'People').waitFor();
          const rows = page.getByTestId('person-row');
          for (const name of IMPORTED_NAMES) await rows.filter({ hasText: name }).first().waitFor();
          assert.equal(
            await rows.filter({ hasText: REFUSED_NAME }).count(),
            0,
            `the refused row (${REFUSED_NAME}) was written`,
          );
          assertAccessible(a11y, axeFrom);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },
  ];
};
