import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOcrJobs } from '../src/jobs/ocr-jobs.js';
import { createOcrEngine, languageDataPath, type OcrEngine } from '../src/ocr/ocr-engine.js';
import { runOcrNow } from '../src/use-cases/documents/run-ocr-now.js';
import { auditRows, type Client, createHarness, type Harness, signInAs } from './support/harness.js';
import { createPerson, expectStatus } from './support/people-fixtures.js';

/**
 * OCR on letters the test writes itself: typed letters rendered to PNG by Chromium (headless, no
 * network), uploaded as letter scans, read by tesseract.js with the language data of the installed
 * npm packages, and found by the words of their text.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

const ENGLISH = [
  'Dear Sir,',
  'My name is Miguel Wismarda, CDCR number AB1234. I am innocent.',
  'I was convicted in 2009 of a robbery I did not commit. Please help me.',
  'Sincerely, Miguel Wismarda',
];
const SPANISH = [
  'Estimado señor:',
  'Me llamo Rosa Quintero Beltrán, número CDCR BC5678. Soy inocente.',
  'Fui condenada en 2011 por un robo que no cometí. Le pido ayuda.',
  'Atentamente, Rosa Quintero Beltrán',
];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let browser: Browser | null = null;

/** A typed letter as a scan would show it: black serif text on white, about 150 dpi. */
const renderLetter = async (lines: readonly string[]): Promise<Buffer> => {
  if (!browser) throw new Error('no browser');
  const page = await browser.newPage({ viewport: { width: 1240, height: 600 }, deviceScaleFactor: 1 });
  try {
    const body = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
    await page.setContent(
      `<html><body style="margin:60px;background:#fff;color:#000;font:28px/1.5 'DejaVu Serif',serif">${body}</body></html>`,
    );
    return await page.screenshot({ type: 'png', fullPage: true });
  } finally {
    await page.close();
  }
};

let h: Harness;
let attorney: Client;
let personId: string;
let engine: OcrEngine;

beforeAll(async () => {
  h = await createHarness();
  attorney = (await signInAs(h, 'attorney')).client;
  personId = (await createPerson(attorney, { legalName: 'Miguel Wismarda' })).person.id;
  engine = createOcrEngine();
  if (hasChromium) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  }
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await engine.terminate();
  await h.close();
});

/** A multipart/form-data body with one file and some fields. */
const form = (fields: Record<string, string>, fileName: string, content: Buffer) => {
  const boundary = `----redress${randomBytes(8).toString('hex')}`;
  const pieces: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  pieces.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(pieces), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};

const uploadLetter = async (png: Buffer, ocrLanguage: 'eng' | 'spa') => {
  const { payload, headers } = form({ kind: 'letter_scan', ocrLanguage }, 'letter.png', png);
  const body = await expectStatus(
    attorney.request('POST', `/api/v1/people/${personId}/documents`, payload, headers),
    201,
  );
  expect(body.ocr).toMatchObject({ state: 'queued', language: ocrLanguage });
  return body.id as string;
};

/** Ids of documents whose search vector matches the words (as global search reads it). */
const searchDocuments = async (words: string) =>
  (
    await sql<{ id: string }>`SELECT id FROM documents WHERE search @@ plainto_tsquery('simple', ${words})`.execute(
      h.database.db,
    )
  ).rows.map((r) => r.id);

/** A stand-in for pg-boss that records what is registered and sent, so a test can run a job by hand. */
const fakeBoss = () => {
  const handlers = new Map<string, (jobs: { id: string; data: unknown }[]) => Promise<void>>();
  const sent: { name: string; data: unknown }[] = [];
  const boss = {
    createQueue: async () => undefined,
    schedule: async () => undefined,
    work: async (name: string, handler: (jobs: { id: string; data: unknown }[]) => Promise<void>) => {
      handlers.set(name, handler);
      return name;
    },
    send: async (name: string, data: unknown) => {
      sent.push({ name, data });
      return 'job';
    },
  };
  const run = (name: string, data: unknown = {}) => {
    const handler = handlers.get(name);
    if (!handler) throw new Error(`no handler for ${name}`);
    return handler([{ id: `job-${sent.length}`, data }]);
  };
  return { boss: boss as unknown as PgBoss, sent, run };
};

describe('OCR language data', () => {
  it('comes from the installed npm packages, nothing downloaded', () => {
    for (const lang of ['eng', 'spa'] as const) {
      const path = languageDataPath(lang);
      expect(path).toContain(`node_modules/@tesseract.js-data/${lang}/`);
      expect(existsSync(`${path}/${lang}.traineddata.gz`)).toBe(true);
    }
  });
});

describe.skipIf(!hasChromium)(`OCR of generated letters (needs Chromium at ${CHROMIUM})`, () => {
  it('reads an English typed letter through the OCR job, marks it done, audits it, and makes it searchable', async () => {
    const id = await uploadLetter(await renderLetter(ENGLISH), 'eng');
    const { boss, run } = fakeBoss();
    await registerOcrJobs(boss, { ...h.deps, ocr: engine });
    await run('documents.ocr', { documentId: id });

    const doc = await expectStatus(attorney.request('GET', `/api/v1/documents/${id}`), 200);
    expect(doc.ocr.state).toBe('done');
    expect(doc.ocr.confidence).toBeGreaterThan(70);
    for (const word of ['Dear', 'Miguel', 'Wismarda', 'CDCR', 'AB1234', 'innocent', 'robbery']) {
      expect(doc.text).toContain(word);
    }
    expect(await searchDocuments('Wismarda innocent')).toContain(id);
    const audit = (await auditRows(h)).filter((r) => r.action === 'document.ocr_completed').at(-1);
    expect(audit).toMatchObject({ entity_id: id, actor_label: 'ocr' });
    expect(audit?.details).toMatchObject({ documentId: id, language: 'eng', state: 'done' });

    // Delivered twice (two servers, a retry): the second finds nothing queued and reads nothing.
    expect(await runOcrNow({ ...h.deps, ocr: engine }, id)).toEqual({ outcome: 'skipped', documentId: id });
  }, 120_000);

  it('reads a Spanish letter with the Spanish data, accents included', async () => {
    const id = await uploadLetter(await renderLetter(SPANISH), 'spa');
    const outcome = await runOcrNow({ ...h.deps, ocr: engine }, id);
    expect(outcome.outcome).toBe('done');
    const doc = await expectStatus(attorney.request('GET', `/api/v1/documents/${id}`), 200);
    expect(doc.ocr).toMatchObject({ state: 'done', language: 'spa' });
    for (const word of ['Estimado', 'Rosa', 'Quintero', 'Beltrán', 'BC5678', 'inocente', 'condenada']) {
      expect(doc.text).toContain(word);
    }
    expect(await searchDocuments('Quintero inocente')).toContain(id);
  }, 120_000);

  it('sweeps queued documents into jobs and puts back a read whose worker died', async () => {
    const id = await uploadLetter(await renderLetter(['Short note from Miguel.']), 'eng');
    const { boss, sent, run } = fakeBoss();
    await registerOcrJobs(boss, { ...h.deps, ocr: engine });
    await run('documents.ocr-sweep');
    expect(sent).toContainEqual({ name: 'documents.ocr', data: { documentId: id } });

    // A worker claimed it and died: the row stays 'running' until ten minutes after a sweep saw it.
    await h.database.db.updateTable('documents').set({ ocr_state: 'running' }).where('id', '=', id).execute();
    await run('documents.ocr-sweep');
    h.clock.advance(9 * 60_000);
    await run('documents.ocr-sweep');
    expect(
      (await h.database.db.selectFrom('documents').select('ocr_state').where('id', '=', id).executeTakeFirst())
        ?.ocr_state,
    ).toBe('running');
    h.clock.advance(2 * 60_000);
    sent.length = 0;
    await run('documents.ocr-sweep');
    expect(sent).toContainEqual({ name: 'documents.ocr', data: { documentId: id } });
    await run('documents.ocr', { documentId: id });
    const doc = await expectStatus(attorney.request('GET', `/api/v1/documents/${id}`), 200);
    expect(doc.ocr.state).toBe('done');
    expect(doc.text).toContain('Miguel');
  }, 120_000);
});
