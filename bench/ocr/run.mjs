#!/usr/bin/env node
// `npm run bench:ocr`: OCR of a one-page typed letter, one JSON line per figure on stdout (progress on
// stderr). The letter (about 250 words, US Letter) is rendered by Chromium to a PNG at BENCH_OCR_DPI
// (default 150) and read by the server's OCR engine (packages/server/dist/ocr/ocr-engine.js: tesseract.js
// with the language data of @tesseract.js-data/eng, nothing downloaded), once to warm up, then
// BENCH_OCR_RUNS times (default 5).
//
//   ocr.render     the page: pixels, PNG bytes, render ms
//   ocr.init       starting the English worker (WASM and language data), ms
//   ocr.page       ms per page (median, min, max over the runs), words recognised, accuracy (the share
//                  of the letter's words found in the text, in order-free counting), mean confidence
//
// Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and a build (`npx tsc -b`).
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { emit, median, positive, progress, root, round } from '../support.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DPI = positive('BENCH_OCR_DPI', 150);
const RUNS = Math.round(positive('BENCH_OCR_RUNS', 5));
const ENGINE = join(root, 'packages/server/dist/ocr/ocr-engine.js');

if (!existsSync(CHROMIUM)) {
  console.error(`bench: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  process.exit(2);
}
if (!existsSync(ENGINE)) {
  console.error('bench: build first (npx tsc -b): packages/server/dist/ocr/ocr-engine.js is missing');
  process.exit(2);
}

const LETTER = [
  'March 2, 2026',
  'Redress Innocence Project, P.O. Box 4410, Oakland, CA 94610',
  'Dear Sir or Madam,',
  'My name is Miguel Wismarda, CDCR number AB1234, and I am writing to ask for your help. I am housed at Mule Creek State Prison in Ione, California. In 2009 I was convicted of a robbery and a shooting at a gas station in Stockton that I did not commit. I have always said that I am innocent.',
  'On the night of the robbery I was at my cousin Daniel’s house for his daughter’s birthday. Four people saw me there, and two of them told my public defender, but he never called them to testify. The only witness who named me saw the man for a few seconds in the dark, and the police showed her my photograph alone before the lineup.',
  'The police found a jacket near the gas station with blood on the sleeve. As far as I know it was never tested for DNA. I believe a test would show that the blood belongs to someone else. I have written to the court twice asking for the evidence to be tested, but I did not receive an answer.',
  'I have a copy of my trial transcript, the police report and the letters from my appeal lawyer. I can send copies of anything you need. My mother, Teresa Wismarda, keeps the originals and can be reached at her home in Lodi.',
  'Thank you for reading my letter. I hope to hear from you soon.',
  'Sincerely,',
  'Miguel Wismarda, CDCR AB1234',
];

const wordsOf = (text) =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The share of the expected words found in the recognised text, each counted as often as it occurs. */
const accuracy = (expected, text) => {
  const found = new Map();
  for (const w of wordsOf(text)) found.set(w, (found.get(w) ?? 0) + 1);
  let hits = 0;
  for (const w of expected) {
    const n = found.get(w) ?? 0;
    if (n > 0) {
      hits += 1;
      found.set(w, n - 1);
    }
  }
  return hits / expected.length;
};

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const render = async () => {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    // US Letter is 816 x 1056 CSS pixels (96 per inch); the scale factor makes it DPI dots per inch.
    const page = await browser.newPage({ viewport: { width: 816, height: 1056 }, deviceScaleFactor: DPI / 96 });
    const body = LETTER.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
    await page.setContent(
      `<html><body style="margin:72px 84px;background:#fff;color:#000;font:12pt/1.45 'DejaVu Serif','Times New Roman',serif">${body}</body></html>`,
    );
    const started = performance.now();
    const png = await page.screenshot({ type: 'png' });
    const renderMs = performance.now() - started;
    return { png, renderMs };
  } finally {
    await browser.close();
  }
};

const main = async () => {
  const { createOcrEngine } = await import(ENGINE);
  const expected = wordsOf(LETTER.join(' '));
  progress(`rendering a ${expected.length}-word letter at ${DPI} dpi`);
  const { png, renderMs } = await render();
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  emit({
    name: 'ocr.render',
    dpi: DPI,
    width,
    height,
    png_bytes: png.length,
    expected_words: expected.length,
    render_ms: round(renderMs),
  });

  const engine = createOcrEngine();
  try {
    let started = performance.now();
    await engine.prepare('eng');
    emit({ name: 'ocr.init', language: 'eng', ms: round(performance.now() - started) });

    progress('warm-up read');
    await engine.recognise(png, 'eng');
    const times = [];
    let last = null;
    for (let run = 1; run <= RUNS; run++) {
      started = performance.now();
      last = await engine.recognise(png, 'eng');
      times.push(performance.now() - started);
      progress(`run ${run}/${RUNS}: ${Math.round(times.at(-1))} ms`);
    }
    emit({
      name: 'ocr.page',
      language: 'eng',
      runs: RUNS,
      ms_median: round(median(times)),
      ms_min: round(Math.min(...times)),
      ms_max: round(Math.max(...times)),
      words_recognised: wordsOf(last.text).length,
      expected_words: expected.length,
      accuracy: round(accuracy(expected, last.text), 3),
      confidence: round(last.confidence),
      cpus: cpus().length,
    });
  } finally {
    await engine.terminate();
  }
};

main().catch((err) => {
  console.error(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
