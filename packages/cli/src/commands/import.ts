import { readFileSync } from 'node:fs';
import { ColumnMappingInput, IMPORT_FIELDS, IMPORT_KINDS, type ImportKind } from '@redress/core';
// Types only: the server loads when the command runs, so `--help` stays quick.
import type { ImportFileResult } from '@redress/server';
import { Argument, type Command, Option } from 'commander';
import { type CliIo, processIo } from '../support/cli-io.js';
import { asOperator, dataDirOption, LOCK_NOTE } from '../support/environment.js';
import { CliError, UsageError } from '../support/errors.js';
import { type Format, formatOption, json, printable, renderFields, renderTable } from '../support/output.js';
import { rowProgress } from '../support/progress.js';
import { parseInput } from '../support/validate.js';

type ImportFlags = { map?: string; dryRun?: boolean; dataDir?: string; format: Format };

/** Errors listed in the table output; the JSON output has the report's whole list. */
const ERRORS_SHOWN = 50;

const FIELDS_HELP = `
Fields (a column maps to one; * required):
${IMPORT_KINDS.map(
  (kind) => `  ${kind}: ${IMPORT_FIELDS[kind].map((f) => `${f.name}${f.isRequired ? '*' : ''}`).join(', ')}`,
).join('\n')}

Without --map, columns are matched to fields by their headers ("DOB", "Name", "CDCR #" work). A
mapping file is JSON: {"Column header": "field", "Ignored column": null}.

Importing the same file again updates the records by external_id instead of duplicating them. A
blank cell never erases a stored value. Exit code 0 when every row imported, 1 when some failed (the
others are imported and the report names each failed row's line), 2 for a usage error.`;

const readMapping = (path: string): Record<string, string | null> => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--map: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`--map: ${path} is not JSON`);
  }
  return parseInput(ColumnMappingInput, parsed, {}) as Record<string, string | null>;
};

const printReport = (io: CliIo, kind: ImportKind, file: string, isDryRun: boolean, result: ImportFileResult) => {
  const { report } = result;
  io.out(
    `${isDryRun ? 'Dry run (nothing written)' : 'Imported'}: ${kind} from ${printable(file)} (${result.fileType.toUpperCase()}, ${result.rowsTotal} rows)`,
  );
  io.out(
    renderFields([
      [isDryRun ? 'Would create' : 'Created', report.created],
      [isDryRun ? 'Would update' : 'Updated', report.updated],
      ['Unchanged', report.unchanged],
      ['Failed', report.failed],
    ]),
  );
  if (report.errors.length === 0) return;
  io.out('');
  io.out(
    renderTable(
      ['line', 'field', 'problem'],
      report.errors.slice(0, ERRORS_SHOWN).map((e) => [e.line, e.field ?? '(row)', e.message]),
    ),
  );
  const more = report.errorCount - Math.min(report.errors.length, ERRORS_SHOWN);
  if (more > 0) io.out(`... and ${more} more (--format json lists up to ${report.errors.length})`);
};

/**
 * `redress import people|matters|contacts <file> [--map mapping.json] [--dry-run] [--format json|table]`:
 * the spreadsheet import of the web app, from the server's command line, with a progress bar on stderr.
 */
export const registerImportCommand = (program: Command, io: CliIo = processIo()) => {
  program
    .command('import')
    .description('Import people, matters or contacts from a spreadsheet (CSV in UTF-8, or XLSX)')
    .addArgument(new Argument('<kind>', 'what the rows are').choices(IMPORT_KINDS))
    .argument('<file>', 'the CSV or XLSX file (its type is read from its bytes, not its name)')
    .addOption(new Option('--map <mapping.json>', 'which column fills which field (default: guessed from the headers)'))
    .option('--dry-run', 'check every row and report what would happen, writing nothing')
    .addOption(dataDirOption())
    .addOption(formatOption())
    .addHelpText('after', `${FIELDS_HELP}\n${LOCK_NOTE}`)
    .action(async (kind: ImportKind, file: string, flags: ImportFlags) => {
      const mapping = flags.map ? readMapping(flags.map) : undefined;
      const isDryRun = flags.dryRun === true;
      const progress = rowProgress(io, isDryRun ? 'Checking' : 'Importing');
      const { importSpreadsheetFile } = await import('@redress/server');
      const result = await asOperator(io, flags, 'import', (deps, ctx) =>
        importSpreadsheetFile(deps, ctx, {
          kind,
          path: file,
          isDryRun,
          ...(mapping ? { mapping } : {}),
          onProgress: (p) => progress.update(p.rowsDone, p.rowsTotal),
        }),
      ).finally(() => progress.stop());
      if (flags.format === 'json') {
        io.out(
          json({
            kind,
            file,
            isDryRun,
            fileType: result.fileType,
            rowsTotal: result.rowsTotal,
            mapping: result.mapping,
            ...result.report,
          }),
        );
      } else {
        printReport(io, kind, file, isDryRun, result);
      }
      const failed = result.report.failed;
      if (failed > 0) {
        const one = failed === 1;
        throw new CliError(
          isDryRun
            ? `${failed} row${one ? '' : 's'} would fail: fix ${one ? 'it' : 'them'} (see the lines above) before importing`
            : `${failed} row${one ? '' : 's'} failed and ${one ? 'was' : 'were'} not imported (the other rows were): fix ${one ? 'it' : 'them'} and import the file again`,
        );
      }
    });
};
