// Child process of bench/case-file/run.mjs: the import figure. Writes a people CSV of
// BENCH_IMPORT_ROWS generated rows, imports it through the import runner (importSpreadsheetFile, what
// `redress import people <file>` runs: validation, batches of 500 in a transaction each, aliases and
// identifiers, one audit entry per batch) into the benchmark's database, then COPYs the same people
// rows into an empty scratch table shaped like `people` (same columns, defaults, checks and indexes):
// the floor, what PostgreSQL itself does with those rows. Answers `{ type: 'imported', ... }`.
//
// Environment: REDRESS_DATA_DIR (and DATABASE_URL), BENCH_IMPORT_ROWS, BENCH_SEED, BENCH_WORK (where the
// CSV goes). The server must be stopped (PGlite: one process per data directory).
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nameSearchOf, openDatabase } from '@redress/db';
import { createLogger, defaultIds, importSpreadsheetFile, systemClock, systemContext } from '@redress/server';
import { copyText, openTarget } from './copy-rows.mjs';
import { COLUMNS, createRandom, IMPORT_PERSON_NUMBER, makePerson } from './dataset.mjs';

const dataDir = resolve(process.env.REDRESS_DATA_DIR ?? '');
const databaseUrl = process.env.DATABASE_URL || undefined;
const rowCount = Number(process.env.BENCH_IMPORT_ROWS ?? '100000');
const seed = Number(process.env.BENCH_SEED ?? '42');
const work = process.env.BENCH_WORK ?? dataDir;
const say = (message) => process.send?.({ type: 'progress', message });
/** Sends the answer and lets the parent have it before this process goes. */
const answer = (message) =>
  new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, () => {
      process.disconnect();
      resolve();
    });
  });

const HEADER = [
  'external_id',
  'legal_name',
  'aliases',
  'date_of_birth',
  'gender',
  'preferred_language',
  'status',
  'cdcr_number',
  'bop_register_number',
  'county_booking_number',
];

const csvCell = (value) => {
  const text = value ?? '';
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const writeCsv = (people) => {
  const lines = [HEADER.join(',')];
  for (const p of people) {
    lines.push(
      [
        p.externalId,
        p.legalName,
        p.aliases.map((a) => a.name).join('; '),
        p.dateOfBirth,
        p.gender,
        p.preferredLanguage,
        p.status,
        p.identifiers.cdcr,
        p.identifiers.bop,
        p.identifiers.county_booking,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  const path = join(work, `people-${people.length}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

const runImporter = async (path) => {
  const database = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir });
  try {
    const deps = { database, clock: systemClock, newId: defaultIds, logger: createLogger('warn') };
    let lastTenth = -1;
    const started = performance.now();
    const result = await importSpreadsheetFile(deps, systemContext('bench'), {
      kind: 'people',
      path,
      isDryRun: false,
      onProgress: ({ rowsDone, rowsTotal }) => {
        const tenth = Math.floor((rowsDone / Math.max(1, rowsTotal)) * 10);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          say(`import: ${rowsDone} of ${rowsTotal} rows`);
        }
      },
    });
    return { seconds: (performance.now() - started) / 1000, result };
  } finally {
    await database.close();
  }
};

const FLOOR_TABLE = 'bench_import_floor';

const runFloor = async (people) => {
  const now = new Date().toISOString();
  const text = copyText(
    people.map((p) => [
      randomUUID(),
      p.externalId,
      p.legalName,
      nameSearchOf(p.legalName),
      p.dateOfBirth,
      p.gender,
      p.preferredLanguage,
      p.status,
      null,
      null,
      null,
      now,
      now,
    ]),
  );
  const target = await openTarget({ dataDir, databaseUrl });
  try {
    await target.exec(`DROP TABLE IF EXISTS ${FLOOR_TABLE}`);
    await target.exec(
      `CREATE TABLE ${FLOOR_TABLE} (LIKE people INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`,
    );
    const started = performance.now();
    await target.copy(FLOOR_TABLE, COLUMNS.people, text);
    const seconds = (performance.now() - started) / 1000;
    const [{ n }] = await target.query(`SELECT count(*)::int AS n FROM ${FLOOR_TABLE}`);
    await target.exec(`DROP TABLE ${FLOOR_TABLE}`);
    if (n !== people.length) throw new Error(`the floor COPY wrote ${n} rows, not ${people.length}`);
    return { seconds, method: target.copyMethod };
  } finally {
    await target.close();
  }
};

try {
  const rng = createRandom(seed + 1);
  const people = Array.from({ length: rowCount }, (_, i) => makePerson(rng, IMPORT_PERSON_NUMBER(i)));
  const path = writeCsv(people);
  say(`importing ${rowCount} rows from ${path}`);
  const imported = await runImporter(path);
  say('floor: COPY of the same people rows');
  const floor = await runFloor(people);
  const { report } = imported.result;
  await answer({
    type: 'imported',
    rows: rowCount,
    seconds: imported.seconds,
    report: { created: report.created, updated: report.updated, unchanged: report.unchanged, failed: report.failed },
    firstErrors: report.errors.slice(0, 3),
    aliases: people.reduce((n, p) => n + p.aliases.length, 0),
    identifiers: people.reduce((n, p) => n + Object.keys(p.identifiers).length, 0),
    floor,
  });
} catch (error) {
  console.error(error);
  process.exitCode = 1;
  await answer({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
}
