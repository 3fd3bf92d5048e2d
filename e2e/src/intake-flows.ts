/**
 * Intake in the browser (issue 5): a family member fills in the public form at /apply in Spanish and
 * gets a reference; the administrator finds it in the triage queue, uploads a typed letter (rendered
 * to PNG by the same Chromium) as a new intake, waits for its OCR text, corrects it, fills part of the
 * questionnaire from it and accepts the intake into a person and a matter. Every page they visit is
 * scanned with axe; a serious or critical violation fails the flow that found it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CaseFileDeps } from './case-file-flows.js';
import { FLOW_NAMES } from './flows.js';
import { assertAccessible, heading, labelled, scanAsSeen } from './page-helpers.js';
import type { Flow } from './runner.js';

export const INTAKE_FLOW_NAMES = {
  publicForm: '(n) the public form at /apply, in Spanish, submits and shows a reference',
  triage:
    '(o) triage: the submission is in the queue; a letter scan is read by OCR, corrected, and accepted into a person',
} as const;

const FAMILY = { name: 'Rosa Delgado', relationship: 'madre', contact: 'rosa@example.org, 555-0100' };
const PUBLIC_APPLICANT = 'Javier Delgado Ruiz';
const PUBLIC_STORY = 'Mi hijo estaba trabajando en otra ciudad el día del robo. Tenemos testigos.';

const LETTER_APPLICANT = 'Marcus Webb';
const LETTER_NUMBER = 'AB1234';
const LETTER_LINES = [
  'Dear Redress Project,',
  `My name is ${LETTER_APPLICANT} and my CDCR number is ${LETTER_NUMBER}.`,
  'I was convicted of robbery in Fresno County in 2011.',
  'I am innocent. I was at work across town that night',
  'and my manager can say so. Nobody called him at trial.',
  'Please help me. Thank you for reading this letter.',
];
/** A word the OCR must find in the letter. */
const OCR_WORD = /innocent/i;
const CORRECTION_NOTE = 'Checked against the paper letter by the e2e suite.';
const MATTER_TYPE = 'Innocence investigation';
const OCR_TIMEOUT_MS = 60_000;

/** A typed letter, rendered by Chromium to a PNG the way a scanner would see it: black on white. */
const renderLetter = async (page: Page, file: string) => {
  const paragraphs = LETTER_LINES.map((line) => `<p>${line}</p>`).join('');
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.setContent(
    `<!doctype html><html lang="en"><body style="margin:0;background:#fff">
      <main id="letter" style="width:1000px;padding:60px;font:34px/1.5 'DejaVu Serif',Georgia,serif;color:#000">
      ${paragraphs}</main></body></html>`,
  );
  await page.locator('#letter').screenshot({ path: file, type: 'png' });
};

export const buildIntakeFlows = (deps: CaseFileDeps): Flow[] => {
  const { a11y, browser, server } = deps;
  const scan = (page: Page, pageName: string) => scanAsSeen(a11y, page, pageName);
  let publicReference = '';

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
      name: INTAKE_FLOW_NAMES.publicForm,
      async run(t) {
        const axeFrom = a11y.violations.length;
        // A visitor who has never signed in: a browser context of its own.
        const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'es-US', timezoneId: 'UTC' });
        context.setDefaultTimeout(15_000);
        const page = t.track(await context.newPage());
        try {
          page.on('pageerror', (error) => deps.note(`uncaught error in the page at ${page.url()}: ${error.message}`));
          await page.goto('/apply');
          await heading(page, 'Ask us to look at a case').waitFor();
          await scan(page, 'public intake form (English)');

          await page.getByText('Español', { exact: true }).click();
          await heading(page, 'Pídanos que revisemos un caso').waitFor();
          await page.waitForURL((url) => url.searchParams.get('language') === 'es');
          assert.equal(await page.evaluate('document.documentElement.lang'), 'es', 'the page is not marked Spanish');

          // The honeypot is there for bots only: hidden from people, assistive technology and the keyboard.
          const trap = page.locator('input[name="website"]');
          assert.equal(await trap.getAttribute('tabindex'), '-1', 'the honeypot is reachable by keyboard');
          assert.equal(await trap.getAttribute('autocomplete'), 'off', 'the honeypot may be autofilled');
          assert.equal(
            await trap.evaluate((node) => node.closest('[aria-hidden="true"]') !== null),
            true,
            'the honeypot is not hidden from assistive technology',
          );

          // Sending it empty: the required fields say so, in Spanish.
          await page.getByRole('button', { name: 'Enviar', exact: true }).click();
          await page.getByRole('alert').filter({ hasText: 'No pudimos enviar su solicitud' }).waitFor();
          await page.getByText('Obligatorio').first().waitFor();
          await scan(page, 'public intake form (Spanish, errors)');

          await labelled(page, 'Su nombre').fill(FAMILY.name);
          await labelled(page, 'Su relación con la persona').fill(FAMILY.relationship);
          await labelled(page, 'Cómo podemos contactarle').fill(FAMILY.contact);
          await labelled(page, 'Nombre de la persona en prisión').fill(PUBLIC_APPLICANT);
          await labelled(page, 'Estado de la condena').fill('CA');
          await labelled(page, 'Qué tipo de ayuda se necesita').selectOption('actual_innocence');
          await labelled(page, 'Qué pasó, en sus palabras').fill(PUBLIC_STORY);
          await page.getByRole('button', { name: 'Enviar', exact: true }).click();

          const reference = page.getByTestId('public-intake-reference');
          await reference.waitFor();
          publicReference = ((await reference.textContent()) ?? '').trim();
          assert.match(publicReference, /^IN-\d{4}-\d+$/, `the reference is "${publicReference}"`);
          await page.getByRole('heading', { name: 'Solicitud recibida', level: 1 }).waitFor();
          await scan(page, 'public intake form (received)');
          assertAccessible(a11y, axeFrom);
        } catch (error) {
          // The context closes below, before the runner could capture the page.
          await t.screenshot(page, 'public form');
          throw error;
        } finally {
          await context.close();
        }
      },
    },
    {
      name: INTAKE_FLOW_NAMES.triage,
      needs: [FLOW_NAMES.redeem, INTAKE_FLOW_NAMES.publicForm],
      async run(t) {
        const page = t.track(await adminPage());
        const axeFrom = a11y.violations.length;
        const dir = mkdtempSync(join(tmpdir(), 'redress-e2e-intake-'));
        try {
          // The letter, typed and "scanned" by the same Chromium.
          const letter = join(dir, 'letter.png');
          const renderer = await page.context().newPage();
          try {
            await renderLetter(renderer, letter);
          } finally {
            await renderer.close();
          }

          // The triage queue shows the public submission.
          await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: 'Intake', exact: true })
            .click();
          await heading(page, 'Intake').waitFor();
          const submitted = page.locator(`[data-testid="intake-row"][data-reference="${publicReference}"]`);
          await submitted.waitFor();
          assert.ok(
            (await submitted.textContent())?.includes(PUBLIC_APPLICANT),
            'the queue row does not name the applicant',
          );
          await scan(page, 'intake triage queue');

          // A filter goes into the URL and keeps the submission (Spanish).
          await labelled(page, 'Language').selectOption('es');
          await page.getByRole('button', { name: 'Apply filters', exact: true }).click();
          await page.waitForURL((url) => url.pathname === '/intake' && url.searchParams.get('language') === 'es');
          await submitted.waitFor();

          // A mailed letter: the intake and its scan in one step.
          await page.getByRole('button', { name: 'Upload a letter', exact: true }).click();
          const dialog = page.getByRole('dialog', { name: 'Upload a letter' });
          await labelled(dialog, 'Letter scan').setInputFiles(letter);
          await scan(page, 'upload a letter');
          await dialog.getByRole('button', { name: 'Upload and create intake', exact: true }).click();
          await page.waitForURL((url) => /^\/intake\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/metrics'));
          await heading(page, /^Intake IN-/).waitFor();
          await page.getByRole('img', { name: /^Scan of the letter/ }).waitFor();
          await scan(page, 'intake (letter being read)');

          // OCR runs in the background; the page polls until the text is there.
          const text = labelled(page, 'Text of the letter');
          const deadline = Date.now() + OCR_TIMEOUT_MS;
          let read = '';
          while (Date.now() < deadline) {
            const state = await page
              .getByTestId('ocr-state')
              .first()
              .getAttribute('data-state')
              .catch(() => null);
            if (state === 'failed') throw new Error('OCR failed on the typed letter');
            if (state === 'done' && (await text.count()) > 0) {
              read = await text.inputValue();
              if (read.trim()) break;
            }
            await page.waitForTimeout(500);
          }
          assert.match(read, OCR_WORD, `the OCR text does not contain the letter's words: ${JSON.stringify(read)}`);
          await scan(page, 'intake (letter read)');

          // The correction wins over the OCR text.
          const corrected = `${LETTER_LINES.join('\n')}\n\n${CORRECTION_NOTE}`;
          await text.fill(corrected);
          await page.getByRole('button', { name: 'Save text', exact: true }).click();
          await page.getByText('A person has corrected it.').waitFor();
          assert.equal(
            await labelled(page, 'Text of the letter').inputValue(),
            corrected,
            'the correction was not kept',
          );

          // Part of the questionnaire, filled from the letter.
          await labelled(page, 'Applicant name').fill(LETTER_APPLICANT);
          await labelled(page, 'Prisoner number').fill(LETTER_NUMBER);
          await labelled(page, 'Number system').selectOption('cdcr');
          await labelled(page, 'Jurisdiction of conviction').fill('CA');
          await labelled(page, 'Offence').fill('Robbery (PC 211)');
          await labelled(page, 'County').fill('Fresno');
          await labelled(page, 'Claim type').selectOption('actual_innocence');
          await labelled(page, 'The claim in their words').fill('I was at work across town that night.');
          await page.getByRole('button', { name: 'Save questionnaire', exact: true }).click();
          await heading(page, new RegExp(`^Intake IN-\\S+: ${LETTER_APPLICANT}$`)).waitFor();
          await page.getByTestId('intake-conflicts').getByText(`Checked: ${LETTER_APPLICANT}`).waitFor();
          await scan(page, 'intake (questionnaire saved)');

          // Accepted: a person and a matter, without retyping.
          await page.getByLabel('Accept: open a person and a matter').check();
          await page.getByRole('button', { name: 'Accept…', exact: true }).click();
          const accept = page.getByRole('dialog', { name: 'Accept the intake' });
          await labelled(accept, 'Matter type').selectOption({ label: MATTER_TYPE });
          assert.equal(await labelled(accept, 'Legal name').inputValue(), LETTER_APPLICANT, 'the name is not carried');
          const acknowledge = accept.getByRole('checkbox', { name: /^I have reviewed/ });
          if ((await acknowledge.count()) > 0) await acknowledge.check();
          await scan(page, 'accept intake dialog');
          await accept.getByRole('button', { name: 'Accept and open the person', exact: true }).click();
          await page.waitForURL((url) => /^\/people\/[^/]+$/.test(url.pathname));
          await heading(page, LETTER_APPLICANT).waitFor();
          await page.getByText(MATTER_TYPE).first().waitFor();
          await scan(page, 'person accepted from an intake');

          // The metrics count the letter.
          await page.goto('/intake/metrics');
          await heading(page, 'Intake metrics').waitFor();
          await page.getByTestId('metrics-weekly-chart').waitFor();
          assert.ok(
            Number((await page.getByTestId('metric-letters').textContent())?.replace(/\D/g, '')) >= 1,
            'the metrics count no letter',
          );
          await scan(page, 'intake metrics');
          assertAccessible(a11y, axeFrom);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },
  ];
};
