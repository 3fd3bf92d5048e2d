/**
 * Correspondence and visits in the browser (issue 5): for a client held at San Quentin (CDCR number,
 * a placement at the directory's facility, a matter), an attorney's profile is written, an
 * acknowledgement goes out as legal mail from the template, is printed in a batch on /mail (one PDF,
 * then logged as sent), comes back returned, which raises the mail hold, and the next letter is
 * refused with the hold's reason until the hold is released; then a legal visit is requested,
 * approved, scheduled, recorded as held with a follow-up task and drawn on the timeline. They run in
 * the administrator's signed-in tab. Every page and dialog they open is scanned with axe; a serious
 * or critical violation fails the flow that found it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { CaseFileDeps } from './case-file-flows.js';
import { FLOW_NAMES } from './flows.js';
import { assertAccessible, heading, labelled, scanAsSeen, squash, submitDialog } from './page-helpers.js';
import type { Flow } from './runner.js';

export const CORRESPONDENCE_FLOW_NAMES = {
  letters:
    '(p) legal mail: an acknowledgement from the template, printed in a batch on /mail as one PDF and sent; a returned letter raises the mail hold and the next letter is refused with its reason',
  visits:
    '(q) a legal visit is requested, approved, scheduled, recorded as held with a follow-up task, and on the timeline',
} as const;

const CLIENT = { name: 'Dolores Ortega', cdcr: 'D98765', housing: 'North Block 1-A', from: '2015-03-01' };
const FACILITY_QUERY = 'San Quentin';
const ATTORNEY = {
  name: 'Alma Attorney',
  email: 'alma.attorney@example.org',
  barNumber: '123456',
  address: ['Redress Project', '100 Main Street', 'Oakland, CA 94612'],
};
const LETTER_TITLE = 'Acknowledgement of a first letter';
const LETTER_DATE = '2026-01-05';
const UNKNOWN_FIELD = 'favourite_colour';
const RETURN_REASON = 'Transferred to another facility';
const INCOMING_SUMMARY = 'First letter from the client asking for help with the case.';
const VISIT_PURPOSE = 'Review the trial record with the client';
const FOLLOW_UP = 'Send the client the trial transcript';

/**
 * Whether a PDF shows `text`: in its raw bytes, or in a content stream once inflated, as a literal
 * string or as hex (how pdf-lib writes text in the standard fonts).
 */
const pdfContains = (pdf: Buffer, text: string): boolean => {
  const hex = Buffer.from(text, 'latin1').toString('hex').toUpperCase();
  const found = (chunk: string) => chunk.includes(text) || chunk.toUpperCase().replace(/\s+/g, '').includes(hex);
  const raw = pdf.toString('latin1');
  if (found(raw)) return true;
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(raw); match; match = streams.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      if (found(inflateSync(pdf.subarray(start, end)).toString('latin1'))) return true;
    } catch {
      // Not a Flate stream (an image, a font): nothing to read.
    }
  }
  return false;
};

/** A ZIP archive of stored (uncompressed) entries: enough for a minimal Word document. */
const storedZip = (entries: Record<string, string>): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

/** A Word document whose one paragraph uses `text` (merge fields and all). */
const wordDocument = (text: string): Buffer =>
  storedZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:body></w:document>`,
  });

/** A call to the API from the signed-in tab, with its session cookie and CSRF token. */
const api = async <T>(page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> => {
  const session = await page.request.get('/api/v1/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.fetch(path, {
    method,
    headers: { Accept: 'application/json', 'X-CSRF-Token': csrfToken },
    ...(body === undefined ? {} : { data: body }),
  });
  if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
};

const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const buildCorrespondenceFlows = (deps: CaseFileDeps): Flow[] => {
  const { a11y } = deps;
  const scan = (page: Page, pageName: string) => scanAsSeen(a11y, page, pageName);
  let personPath = '';
  let matterId = '';

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

  /**
   * The client and the attorney, made through the API once (the case file's own flows prove those
   * forms): a person with a CDCR number, an open placement at the directory's San Quentin entry (the
   * envelope needs the facility's mailing address) and a matter; an attorney user.
   */
  const ensureClient = async (page: Page): Promise<string> => {
    if (personPath) return personPath;
    const attorney = await api<{ user: { id: string } }>(page, 'POST', '/api/v1/users', {
      email: ATTORNEY.email,
      name: ATTORNEY.name,
      role: 'attorney',
    });
    const session = await api<{ user: { id: string } }>(page, 'GET', '/api/v1/auth/session');
    const facilities = await api<{ items: { id: string; name: string }[] }>(
      page,
      'GET',
      `/api/v1/facilities?q=${encodeURIComponent(FACILITY_QUERY)}`,
    );
    const facility = facilities.items[0];
    if (!facility) throw new Error(`the facility directory has no "${FACILITY_QUERY}"`);
    const created = await api<{ person: { id: string } }>(page, 'POST', '/api/v1/people', {
      legalName: CLIENT.name,
      dateOfBirth: '1975-02-14',
      identifiers: [{ system: 'cdcr', value: CLIENT.cdcr }],
    });
    const personId = created.person.id;
    await api(page, 'POST', `/api/v1/people/${personId}/placements`, {
      facilityId: facility.id,
      housing: CLIENT.housing,
      fromDate: CLIENT.from,
      learnedFrom: 'locator',
      addressConfirmedAt: CLIENT.from,
    });
    const matter = await api<{ id: string }>(page, 'POST', '/api/v1/matters', {
      personId,
      type: 'innocence_investigation',
    });
    matterId = matter.id;
    // The attorney leads the matter; the administrator who opened it works on it as a paralegal, inside
    // privilege (an administrator joins as a volunteer), as the visit record's privileged notes need.
    await api(page, 'POST', `/api/v1/matters/${matterId}/team`, {
      userId: attorney.user.id,
      matterRole: 'lead_attorney',
    });
    await api(page, 'PATCH', `/api/v1/matters/${matterId}/team/${session.user.id}`, { matterRole: 'paralegal' });
    personPath = `/people/${personId}`;
    return personPath;
  };

  const openPerson = async (page: Page) => {
    const path = await ensureClient(page);
    await page.goto(path);
    await heading(page, CLIENT.name).waitFor();
  };

  return [
    {
      name: CORRESPONDENCE_FLOW_NAMES.letters,
      needs: [FLOW_NAMES.redeem],
      async run(t) {
        const page = t.track(await adminPage());
        const axeFrom = a11y.violations.length;
        await ensureClient(page);
        const main = page.getByRole('navigation', { name: 'Main' });

        // The attorney's name, title and State Bar address: the return address of legal mail.
        await main.getByRole('link', { name: 'Attorney profile', exact: true }).click();
        await heading(page, 'Attorney profile').waitFor();
        await labelled(page, 'Attorney').selectOption({ label: ATTORNEY.name });
        await labelled(page, 'Name').fill(ATTORNEY.name);
        await labelled(page, 'Bar number').fill(ATTORNEY.barNumber);
        await labelled(page, 'State Bar address').fill(ATTORNEY.address.join('\n'));
        await scan(page, 'attorney profile');
        await page.getByRole('button', { name: 'Save attorney profile', exact: true }).click();
        const returnAddress = page.getByTestId('return-address');
        await returnAddress.waitFor();
        assert.match(squash(await returnAddress.textContent()), /Attorney at Law/, 'the return address has no title');

        // The templates the letters come from.
        await main.getByRole('link', { name: 'Letter templates', exact: true }).click();
        await heading(page, 'Letter templates').waitFor();
        const ackRow = page.locator(
          '[data-testid="letter-template-row"][data-key="acknowledgement"][data-language="en"]',
        );
        await ackRow.waitFor();
        await scan(page, 'letter templates');
        const [docx] = await Promise.all([
          page.waitForEvent('download'),
          ackRow.getByRole('button', { name: /^Download / }).click(),
        ]);
        const docxBytes = readFileSync(await docx.path());
        assert.equal(docxBytes.subarray(0, 2).toString('latin1'), 'PK', 'the template does not download as a DOCX');
        assert.match(docx.suggestedFilename(), /\.docx$/, `the template downloads as ${docx.suggestedFilename()}`);

        // An edited template with a merge field Redress does not know is refused with the field's name.
        const templatesDir = mkdtempSync(join(tmpdir(), 'redress-e2e-templates-'));
        try {
          const badTemplate = join(templatesDir, 'acknowledgement-edited.docx');
          writeFileSync(badTemplate, wordDocument(`Dear {person_name}, your {${UNKNOWN_FIELD}} arrived.`));
          await ackRow.getByRole('button', { name: /^Upload / }).click();
          const upload = page.getByRole('dialog', { name: 'Upload an edited template' });
          await labelled(upload, 'Edited template (.docx)').setInputFiles(badTemplate);
          await upload.getByRole('button', { name: 'Upload template', exact: true }).click();
          const refused = upload.getByRole('alert').filter({ hasText: UNKNOWN_FIELD });
          await refused.first().waitFor();
          await scan(page, 'upload a letter template (unknown field)');
          await upload.getByRole('button', { name: 'Cancel', exact: true }).click();
          await upload.waitFor({ state: 'hidden' });
        } finally {
          rmSync(templatesDir, { recursive: true, force: true });
        }

        // The person page: log the first letter in, with its scan.
        await openPerson(page);
        const section = page.getByTestId('correspondence-section');
        await page.getByRole('heading', { name: 'Correspondence', level: 2 }).waitFor();
        await section.getByTestId('envelope-preview').waitFor();
        const envelope = squash(await section.getByTestId('envelope-preview').textContent());
        assert.ok(envelope.includes(CLIENT.cdcr), `the envelope does not carry the CDCR number: ${envelope}`);
        assert.match(envelope, /confidential/i, `the envelope has no legal-mail marking: ${envelope}`);
        await scan(page, 'person (correspondence)');

        const dir = mkdtempSync(join(tmpdir(), 'redress-e2e-letters-'));
        try {
          const scanFile = join(dir, 'letter.png');
          await page.getByTestId('envelope-preview').screenshot({ path: scanFile, type: 'png' });
          await section.getByRole('button', { name: 'Log a letter', exact: true }).click();
          const log = page.getByRole('dialog', { name: 'Log a letter' });
          await labelled(log, 'Direction').selectOption('in');
          await labelled(log, 'Channel').selectOption('post');
          await labelled(log, 'Summary').fill(INCOMING_SUMMARY);
          await labelled(log, 'Scan or photo (optional)').setInputFiles(scanFile);
          await scan(page, 'log a letter');
          await submitDialog(log, 'Save letter');
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
        const rows = section.getByTestId('correspondence-row');
        const incoming = rows.filter({ hasText: INCOMING_SUMMARY });
        await incoming.waitFor();
        await incoming.getByRole('link', { name: /^Open/ }).waitFor();

        // The acknowledgement, from the template, as legal mail from the attorney.
        await section.getByRole('button', { name: 'Write a letter from a template', exact: true }).click();
        const write = page.getByRole('dialog', { name: 'Write a letter from a template' });
        await labelled(write, 'Template').selectOption('acknowledgement');
        await labelled(write, 'Sender attorney').selectOption({ label: ATTORNEY.name });
        await labelled(write, 'Letter date').fill(LETTER_DATE);
        assert.ok(await labelled(write, 'Legal mail').isChecked(), 'legal mail is not the default');
        await scan(page, 'write a letter');
        await submitDialog(write, 'Write letter');
        const readyRow = rows.and(page.locator('[data-state="ready"]'));
        await readyRow.first().waitFor();

        // Outgoing mail: the letter is ready; one batch, one PDF; then it is sent.
        await main.getByRole('link', { name: 'Outgoing mail', exact: true }).click();
        await heading(page, 'Outgoing mail').waitFor();
        await page.getByTestId('no-staples-note').filter({ hasText: 'Do not staple' }).waitFor();
        const choice = page.getByRole('checkbox', { name: `Choose the letter to ${CLIENT.name}: ${LETTER_TITLE}` });
        await choice.first().waitFor();
        await scan(page, 'outgoing mail');
        await choice.first().check();
        await page.getByRole('radio', { name: /^Envelopes/ }).check();
        const [response, download] = await Promise.all([
          page.waitForResponse(
            (r) => r.url().endsWith('/api/v1/correspondence/batch-print') && r.request().method() === 'POST',
          ),
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Print batch', exact: true }).click(),
        ]);
        assert.equal(response.status(), 200, `the batch print answered ${response.status()}`);
        assert.match(response.headers()['content-type'] ?? '', /^application\/pdf/, 'the batch is not a PDF');
        const saved = await download.path();
        const pdf = readFileSync(saved);
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'the downloaded batch does not start like a PDF');
        assert.match(download.suggestedFilename(), /\.pdf$/, `the batch downloads as ${download.suggestedFilename()}`);
        if (!pdfContains(pdf, CLIENT.name)) {
          deps.note(`the batch PDF (${pdf.length} bytes) does not show "${CLIENT.name}" in a readable stream`);
        }
        await page.locator('[data-testid="printed-letter-row"][data-state="sent"]').first().waitFor();
        await scan(page, 'outgoing mail (printed)');

        // The prison sends it back: the mail hold goes on, the envelope is refused.
        await openPerson(page);
        const sentRow = rows.and(page.locator('[data-state="sent"]')).filter({ hasText: LETTER_TITLE });
        await sentRow.first().waitFor();
        await sentRow
          .first()
          .getByRole('button', { name: /^Mark returned/ })
          .click();
        const returned = page.getByRole('dialog', { name: 'Mark returned' });
        await labelled(returned, 'Reason').fill(RETURN_REASON);
        await scan(page, 'mark returned');
        await submitDialog(returned, 'Mark returned');
        await section.getByTestId('correspondence-mail-hold').filter({ hasText: RETURN_REASON }).waitFor();
        await page.getByText('Mail hold', { exact: true }).first().waitFor();
        await section.getByTestId('envelope-refused').waitFor();
        await rows.and(page.locator('[data-state="returned"]')).first().waitFor();
        await scan(page, 'person (mail hold)');

        // The next letter is refused with the reason, and the hold can be released from there.
        await section.getByRole('button', { name: 'Write a letter from a template', exact: true }).click();
        const again = page.getByRole('dialog', { name: 'Write a letter from a template' });
        await labelled(again, 'Sender attorney').selectOption({ label: ATTORNEY.name });
        await labelled(again, 'Letter date').fill(LETTER_DATE);
        await again.getByRole('button', { name: 'Write letter', exact: true }).click();
        const refusal = again.getByTestId('mail-hold-refusal');
        await refusal.waitFor();
        const said = squash(await refusal.textContent());
        assert.ok(said.includes(RETURN_REASON), `the refusal does not give the reason: ${said}`);
        await scan(page, 'write a letter (mail hold refusal)');
        await refusal.getByRole('button', { name: /^Release the mail hold/ }).click();
        const release = page.getByRole('dialog', { name: 'Release mail hold' });
        await scan(page, 'release mail hold');
        await submitDialog(release, 'Release mail hold');
        await section.getByTestId('correspondence-mail-hold').waitFor({ state: 'detached' });
        await section.getByTestId('envelope-preview').waitFor();
        assertAccessible(a11y, axeFrom);
      },
    },
    {
      name: CORRESPONDENCE_FLOW_NAMES.visits,
      needs: [FLOW_NAMES.redeem],
      async run(t) {
        const page = t.track(await adminPage());
        const axeFrom = a11y.violations.length;
        await openPerson(page);
        const section = page.getByTestId('visits-section');
        await page.getByRole('heading', { name: 'Visits', level: 2 }).waitFor();
        await section.getByTestId('visits-calendar-url').filter({ hasText: '/api/v1/calendar/visits.ics' }).waitFor();

        // The request, with what the prison asks of the attorney.
        await section.getByRole('button', { name: 'Request a visit', exact: true }).click();
        const request = page.getByRole('dialog', { name: 'Request a visit' });
        const facility = labelled(request, 'Facility');
        const chosenFacility = squash(await facility.locator('option:checked').textContent());
        assert.match(chosenFacility, /current placement/, `the facility is not the current one: ${chosenFacility}`);
        await labelled(request, 'Purpose').fill(VISIT_PURPOSE);
        await labelled(request, 'Proposed date 1').fill(dayOffset(7));
        const visitor = request.getByRole('group', { name: 'Visitor 1' });
        await labelled(visitor, 'Team member').selectOption({ label: ATTORNEY.name });
        await labelled(visitor, 'Capacity').selectOption('attorney');
        await labelled(visitor, 'Date of birth').fill('1980-05-20');
        await labelled(visitor, "Driver's licence or state ID number").fill('D1234567');
        await labelled(visitor, 'Bar number').fill(ATTORNEY.barNumber);
        await labelled(visitor, 'Mailing address').fill(ATTORNEY.address.join('\n'));
        await scan(page, 'request a visit');
        await submitDialog(request, 'Request visit');
        const card = section.getByTestId('visit-card').filter({ hasText: VISIT_PURPOSE }).first();
        await card.and(page.locator('[data-status="requested"]')).waitFor();

        // The request letter, from the visitors' details.
        await card.getByRole('button', { name: 'Request letter', exact: true }).click();
        const letterLink = card.getByRole('link', { name: 'Open the request letter (PDF)' });
        await letterLink.waitFor();
        const href = await letterLink.getAttribute('href');
        assert.ok(href, 'the request letter has no link');
        const letter = await page.request.get(href);
        assert.equal(letter.status(), 200, `the request letter answered ${letter.status()}`);
        assert.match(letter.headers()['content-type'] ?? '', /^application\/pdf/, 'the request letter is not a PDF');
        await scan(page, 'person (visit requested)');

        // Approved, then scheduled: yesterday morning, so that it can be recorded as held.
        await card.getByRole('button', { name: 'Approve', exact: true }).click();
        await card.and(page.locator('[data-status="approved"]')).waitFor();
        await card.getByRole('button', { name: 'Schedule', exact: true }).click();
        const schedule = page.getByRole('dialog', { name: 'Schedule the visit' });
        const day = dayOffset(-1);
        await labelled(schedule, 'Starts').fill(`${day}T10:00`);
        await labelled(schedule, 'Ends').fill(`${day}T12:00`);
        await scan(page, 'schedule a visit');
        await submitDialog(schedule, 'Schedule visit');
        await card.and(page.locator('[data-status="scheduled"]')).waitFor();

        // The record: held, who came, privileged notes and a follow-up task on the matter.
        await card.getByRole('button', { name: 'Record the visit', exact: true }).click();
        const record = page.getByRole('dialog', { name: 'Record the visit' });
        await labelled(record, 'Started').fill(`${day}T10:05`);
        await labelled(record, 'Ended').fill(`${day}T11:35`);
        assert.ok(await record.getByRole('checkbox', { name: ATTORNEY.name }).isChecked(), 'the visitor is not ticked');
        await labelled(record, 'Privileged notes').fill('Client recalls an alibi witness; see follow-up.');
        await labelled(record, 'Task 1').fill(FOLLOW_UP);
        await labelled(record, 'Task 1 due').fill(dayOffset(14));
        await scan(page, 'record a visit');
        await submitDialog(record, 'Save visit record');
        await card.and(page.locator('[data-status="held"]')).waitFor();
        const held = squash(await card.getByTestId('visit-held').textContent());
        assert.match(held, /1 h 30 min|90 min|1h 30/, `the visit's length is not shown: ${held}`);

        // On the timeline, as a mark of its own.
        const timeline = page.getByTestId('person-timeline');
        await timeline.locator('g[data-visit-status="held"]').first().waitFor();
        const description = squash(await timeline.locator('desc').textContent());
        assert.match(
          description,
          /Legal visits: 1 held/,
          `the timeline's description leaves the visit out: ${description}`,
        );
        await scan(page, 'person (visit held, timeline)');

        // The follow-up task is on the matter.
        const tasks = await api<{ items: { title: string }[] }>(page, 'GET', `/api/v1/matters/${matterId}/tasks`);
        assert.ok(
          tasks.items.some((task) => task.title === FOLLOW_UP),
          `the follow-up task is not on the matter: ${tasks.items.map((task) => task.title).join(', ')}`,
        );
        assertAccessible(a11y, axeFrom);
      },
    },
  ];
};
