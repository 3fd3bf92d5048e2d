#!/usr/bin/env node
// `npm run bench:letters`: batch printing of issue 5, one JSON line per figure on stdout (progress on
// stderr). On a fresh in-memory PGlite database with the facility directory and BENCH_LETTERS people
// (default 500), each held at a CDCR or BOP facility with a number:
//
//   letters.compose      composeLetter for each person, one at a time: gather, merge the DOCX template,
//                        lay out the PDF (legal mail, attorney letterhead); ms per letter (p50, p95, mean)
//   letters.batch        renderBatchPdf of every letter with its #10 envelope: time, pages, bytes
//   letters.labels       the same with Avery 5160 label sheets
//   letters.setup_peak_rss_mb  peak resident set after the set-up (PGlite in memory, the people)
//   letters.peak_rss_mb  the process's peak resident set (VmHWM, reset after the set-up) over the printing
//
// Build first (npx tsc -b): this loads packages/server/dist. Settings: BENCH_LETTERS (500), BENCH_SEED (42).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { emit, positive, progress, root, round } from '../support.mjs';

const COUNT = Math.round(positive('BENCH_LETTERS', 500));
const SEED = Math.round(positive('BENCH_SEED', 42));
const LETTERS = join(root, 'packages/server/dist/letters/index.js');
if (!existsSync(LETTERS)) {
  console.error('bench: build first (npx tsc -b): packages/server/dist/letters/index.js is missing');
  process.exit(2);
}
const { composeLetter, renderBatchPdf } = await import(pathToFileURL(LETTERS).href);
const db = await import('@redress/db');

let state = SEED;
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const FIRST = ['Marcus', 'José', 'Ana', 'Roberto', 'Darnell', 'Luis', 'Peng', 'Tyrone', 'María', 'Kevin', 'Begoña'];
const LAST = ['Reed', 'Núñez', 'Salas', 'Washington', 'Ibáñez', 'Nguyen', 'Johnson', 'García', 'Peña', 'Lee'];

const peakRssMb = () => {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.memoryUsage().rss / 1_048_576;
};
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

progress(`setting up ${COUNT} people on PGlite`);
const database = await db.openDatabase({ dataDir: 'memory://' });
await db.migrate(database);
const now = new Date('2026-03-05T12:00:00Z');
const k = database.db;
await db.insertOrganisation(k, 'Northern California Innocence Project', now);
await db.seedFacilityDirectory(k, now);
const userId = crypto.randomUUID();
await db.insertUser(k, {
  id: userId,
  email: 'attorney@example.org',
  name: 'Dolores Ibáñez',
  role: 'attorney',
  passwordHash: null,
  now,
});
await db.upsertAttorneyProfile(
  k,
  userId,
  {
    displayName: 'Dolores Ibáñez',
    title: 'Attorney at Law',
    barNumber: '287654',
    barState: 'CA',
    barAddressLines: ['1625 Clay Street, Suite 300', 'Oakland, CA 94612'],
    phone: '(510) 555-0142',
    email: 'dibanez@example.org',
  },
  now,
);
const facilities = (await k.selectFrom('facilities').selectAll().where('mail_city', 'is not', null).execute()).filter(
  (f) => f.jurisdiction === 'CA' || f.jurisdiction === 'US',
);
const people = [];
for (let i = 0; i < COUNT; i++) {
  const facility = pick(facilities);
  const id = crypto.randomUUID();
  await db.insertPerson(k, { id, legal_name: `${pick(FIRST)} ${pick(LAST)} ${i}`, created_by: userId, now });
  const value =
    facility.jurisdiction === 'CA'
      ? `${String.fromCharCode(65 + (i % 26))}${String(10_000 + i).padStart(5, '0')}`
      : `${String(10_000 + i).padStart(5, '0')}-${String(100 + (i % 900)).padStart(3, '0')}`;
  await db.insertIdentifiers(k, [
    {
      id: crypto.randomUUID(),
      personId: id,
      system: facility.jurisdiction === 'CA' ? 'cdcr' : 'bop',
      value,
      issuer: null,
    },
  ]);
  await db.insertPlacement(k, {
    id: crypto.randomUUID(),
    person_id: id,
    facility_id: facility.id,
    facility_name: facility.name,
    housing: facility.jurisdiction === 'CA' ? `B-${i % 9}-${100 + (i % 50)}` : null,
    from_date: '2020-01-01',
    to_date: null,
    address_confirmed_at: '2020-01-02',
    now,
  });
  people.push(id);
}

emit({ figure: 'letters.setup_peak_rss_mb', value: round(peakRssMb(), 1), people: COUNT });
// Resets the kernel's high-water mark (Linux), so the peak below is the printing's, not the set-up's.
try {
  writeFileSync('/proc/self/clear_refs', '5');
} catch {
  progress('could not reset the peak RSS: letters.peak_rss_mb includes the set-up');
}
progress(`composing ${COUNT} letters`);
const deps = { clock: { now: () => now } };
const times = [];
const items = [];
let letterBytes = 0;
const composeStart = performance.now();
for (const personId of people) {
  const t = performance.now();
  const result = await composeLetter(deps, k, {
    template: 'acknowledgement',
    language: items.length % 3 === 0 ? 'es' : 'en',
    personId,
    intakeId: null,
    senderUserId: userId,
    legalMail: true,
    fields: { letter_date: '2026-02-20' },
  });
  if (!result.ok) throw new Error(`${personId}: ${result.error.message}`);
  times.push(performance.now() - t);
  letterBytes += result.value.pdf.byteLength + result.value.docx.byteLength;
  const { pdf, envelope, sender, marking } = result.value;
  items.push({ pdf, envelope, sender, marking });
}
const composeMs = performance.now() - composeStart;
const sorted = [...times].sort((a, b) => a - b);
emit({
  figure: 'letters.compose',
  letters: COUNT,
  total_s: round(composeMs / 1000, 2),
  ms_per_letter_mean: round(composeMs / COUNT, 2),
  ms_per_letter_p50: round(percentile(sorted, 50), 2),
  ms_per_letter_p95: round(percentile(sorted, 95), 2),
  docx_and_pdf_bytes_mean: Math.round(letterBytes / COUNT),
});

for (const mode of ['envelopes', 'labels']) {
  progress(`batch PDF (${mode})`);
  const t = performance.now();
  const bytes = await renderBatchPdf(items, mode);
  const ms = performance.now() - t;
  const pages = (await PDFDocument.load(bytes)).getPageCount();
  emit({
    figure: mode === 'envelopes' ? 'letters.batch' : 'letters.labels',
    letters: COUNT,
    time_s: round(ms / 1000, 2),
    ms_per_letter: round(ms / COUNT, 2),
    pages,
    size_mb: round(bytes.byteLength / 1_048_576, 2),
  });
}
emit({ figure: 'letters.peak_rss_mb', value: round(peakRssMb(), 1), letters: COUNT });
await database.close();
