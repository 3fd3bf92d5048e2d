import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { migrate, openDatabase } from '@redress/db';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerImportCommand } from '../src/commands/import.js';
import type { CliIo } from '../src/support/cli-io.js';
import { describeError } from '../src/support/errors.js';

// The command on its own Commander program (the `redress` program wires it in like the others), on a
// PGlite data directory of its own.
const root = mkdtempSync(join(tmpdir(), 'redress-import-cli-'));
const dataDir = join(root, 'data');
const file = (name: string, content: string | Buffer) => {
  const path = join(root, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Outcome = { code: number; stdout: string; stderr: string };

const redressImport = async (...args: string[]): Promise<Outcome> => {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    env: { REDRESS_DATA_DIR: dataDir, TZ: 'UTC' },
    stdin: Readable.from([]),
    stdout: new Writable({
      write: (c, _e, done) => {
        stdout += String(c);
        done();
      },
    }),
    // Not a terminal: the progress bar stays quiet, as in a pipe.
    stderr: new Writable({
      write: (c, _e, done) => {
        stderr += String(c);
        done();
      },
    }) as unknown as NodeJS.WriteStream,
    out: (text) => {
      stdout += `${text}\n`;
    },
    note: (text) => {
      stderr += `${text}\n`;
    },
  };
  const program = new Command('redress').exitOverride().configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
  });
  registerImportCommand(program, io);
  try {
    await program.parseAsync(['import', ...args], { from: 'user' });
    return { code: 0, stdout, stderr };
  } catch (e) {
    // As `runCli` does: Commander has reported its own usage errors (exit 2); ours are one line.
    if (e instanceof CommanderError) return { code: e.exitCode === 0 ? 0 : 2, stdout, stderr };
    const { message, exitCode } = describeError(e);
    io.note(`redress: ${message}`);
    return { code: exitCode, stdout, stderr };
  }
};

const PEOPLE = [
  'Client ID,Name,DOB,CDCR #',
  'C-1,Kevin Cooper,1958-01-08,C98556',
  'C-2,Rodney Reed,1967-02-30,',
  'C-3,Mary Roe,3/14/1971,',
  '',
].join('\r\n');

describe('redress import', () => {
  it('dry-runs without writing, then imports, reporting each bad row with its line, exit code 1', async () => {
    const csv = file('people.csv', PEOPLE);
    const dry = await redressImport('people', csv, '--dry-run', '--format', 'json');
    expect(dry.code, dry.stderr).toBe(1);
    expect(JSON.parse(dry.stdout)).toMatchObject({ isDryRun: true, rowsTotal: 3, created: 2, failed: 1 });

    const run = await redressImport('people', csv);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Imported: people from .*people\.csv \(CSV, 3 rows\)/);
    expect(run.stdout).toMatch(/Created: +2/);
    expect(run.stdout).toMatch(/Failed: +1/);
    expect(run.stdout).toMatch(/LINE +FIELD +PROBLEM\n3 +date_of_birth +"1967-02-30" is not a real date/);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'redress: 1 row failed and was not imported (the other rows were): fix it and import the file again',
    ]);

    // The same file again: nothing is duplicated.
    const again = await redressImport('people', csv, '--format', 'json');
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, unchanged: 2, failed: 1 });
  });

  it('exits 0 when every row imports, with a mapping file', async () => {
    const csv = file('contacts.csv', 'Ident,Who,Kind of contact\r\nK-1,SERI,lab\r\n');
    const mapping = file('map.json', JSON.stringify({ Ident: 'external_id', Who: 'name', 'Kind of contact': 'kind' }));
    const r = await redressImport('contacts', csv, '--map', mapping, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ created: 1, failed: 0, mapping: { Who: 'name' } });
    expect(r.stderr).toBe('');
  });

  it('fails with one readable line: a bad mapping, a missing file, a picture, bad JSON, an unknown kind', async () => {
    const csv = file('people2.csv', PEOPLE);
    const badMap = file('bad-map.json', JSON.stringify({ 'Client ID': 'external_id' }));
    const cases: [string[], number, RegExp][] = [
      [['people', csv, '--map', badMap], 1, /mapping does not fit the file \(field\.legal_name: Map a column/],
      [['people', join(root, 'missing.csv')], 1, /No such file: .*missing\.csv/],
      [
        ['people', file('photo.csv', Buffer.from('89504e470d0a1a0a0000', 'hex'))],
        1,
        /neither a CSV \(UTF-8 text\) nor an XLSX/,
      ],
      [['people', csv, '--map', file('not-json.json', '{')], 2, /--map: .* is not JSON/],
    ];
    for (const [args, code, pattern] of cases) {
      const r = await redressImport(...args);
      expect(r.code, r.stderr).toBe(code);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const unknown = await redressImport('victims', csv);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /value 'victims' is invalid for argument 'kind'. Allowed choices are people, matters, contacts/,
    );
  });
});
