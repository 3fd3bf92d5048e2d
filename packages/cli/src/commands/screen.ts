import { once } from 'node:events';
import { createReadStream, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import {
  type CalendarDate,
  createRosterSummary,
  formatRowError,
  isCalendarDate,
  isPathwayId,
  PATHWAY_IDS,
  type PathwayId,
  type RosterOutputFormat,
  type RosterRowError,
  type RosterRunResult,
  type RosterSummary,
  RULE_BOOK,
  readRoster,
  rosterOutputFormatOf,
  rosterOutputWriter,
  SCREENING_STATUSES,
  screenRoster,
} from '@redress/core';
import { Presets, SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import { type CliIo, processIo } from '../support/cli-io.js';
import { CliError, UsageError } from '../support/errors.js';
import { type Format, formatOption, json, printable, renderTable } from '../support/output.js';
import { screenRosterInParallel } from './screen-parallel.js';

type ScreenFlags = {
  asOf?: string;
  out?: string;
  pathways?: string;
  overlays?: string;
  errors?: string;
  format: Format;
  parseOnly?: boolean;
  threads?: string;
};

/** Exit code when the run finished but some rows were rejected (the other people were screened). */
export const EXIT_ROWS_REJECTED = 3;
/** Row errors printed on stderr; `--errors <file>` has them all. */
const ERRORS_SHOWN = 100;
const READ_CHUNK_BYTES = 1024 * 1024;
const DECODE_CHUNK_BYTES = 64 * 1024;
/** Smaller rosters are screened on the main thread: starting worker threads would cost more. */
const PARALLEL_FROM_BYTES = 8 * 1024 * 1024;
/** Worker threads at most by default (each holds its own copy of the rules and heap). */
const DEFAULT_MAX_THREADS = 4;
/** Output is gathered into writes of about this many characters. */
const WRITE_BATCH_CHARS = 64 * 1024;

const HELP = `
The roster is JSON Lines (one person per line) or CSV (one row per conviction, the person's columns
repeated, dotted column names such as person.dob and custody.custody_start; the rows of one person
must be consecutive). Its format is read from its content. See screening-format.md for the fields.

Output: JSON Lines, one object per person (default, on stdout), or CSV with one row per person and
pathway when --out ends in .csv. The summary (people by pathway and status, eligible in the next 12
months) goes to stdout when --out is given, else to stderr.

Pathways: ${PATHWAY_IDS.join(', ')}.

Exit codes: 0 every row screened; 3 finished, but some rows were rejected (each is reported as
"line N: ..." and the other people were screened); 1 the roster cannot be read or is not CSV or
JSON Lines; 2 bad usage (an impossible --as-of date, an unknown pathway).`;

/** Today's date where the command runs. */
const today = (): CalendarDate => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const listFlag = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const parseFlags = (flags: ScreenFlags) => {
  const asOf = flags.asOf ?? today();
  if (!isCalendarDate(asOf))
    throw new UsageError(`--as-of: "${printable(asOf)}" is not a real calendar date YYYY-MM-DD`);
  const pathways = listFlag(flags.pathways);
  for (const p of pathways) {
    if (!isPathwayId(p)) {
      throw new UsageError(`--pathways: unknown pathway "${printable(p)}" (redress screen --help lists them)`);
    }
  }
  const known = RULE_BOOK.overlays.map((o) => o.id);
  const overlays = listFlag(flags.overlays);
  for (const o of overlays) {
    if (!known.includes(o)) {
      throw new UsageError(
        `--overlays: unknown overlay "${printable(o)}" (${known.length ? `known: ${known.join(', ')}` : 'none is defined yet'})`,
      );
    }
  }
  let outFormat: RosterOutputFormat = 'jsonl';
  if (flags.out !== undefined) {
    const f = rosterOutputFormatOf(flags.out);
    if (!f) throw new UsageError(`--out: "${printable(flags.out)}" must end in .jsonl or .csv`);
    outFormat = f;
  }
  let threads: number | null = null;
  if (flags.threads !== undefined) {
    threads = Number(flags.threads);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
      throw new UsageError(`--threads: "${printable(flags.threads)}" must be a whole number from 1 to 64`);
    }
  }
  return {
    asOf,
    threads,
    pathways: pathways.length ? (pathways as PathwayId[]) : undefined,
    overlays: overlays.length ? overlays : undefined,
    outFormat,
  };
};

/** Text written in batches, waiting for the stream to drain when it is behind (bounded memory). */
type Sink = {
  write(text: string): Promise<void> | undefined;
  /** Bytes written as they are, after the text before them. */
  writeBytes(bytes: Uint8Array): Promise<void> | undefined;
  end(): Promise<void>;
};

const sinkOn = (open: () => NodeJS.WritableStream, ownsStream: boolean, label: string): Sink => {
  let stream: NodeJS.WritableStream | null = null;
  let failure: Error | null = null;
  let buffer = '';
  const streamOf = () => {
    if (!stream) {
      stream = open();
      stream.on('error', (e: Error) => {
        failure ??= e;
      });
    }
    return stream;
  };
  const failed = (e: unknown) =>
    new CliError(`cannot write ${label} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message ?? String(e)})`);
  const send = (data: string | Uint8Array): Promise<void> | undefined => {
    const s = streamOf();
    if (failure) throw failed(failure);
    if (data.length === 0 || s.write(data)) return undefined;
    return new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        s.off('error', onError);
        resolve();
      };
      const onError = (e: Error) => {
        s.off('drain', onDrain);
        reject(failed(e));
      };
      s.once('drain', onDrain);
      s.once('error', onError);
    });
  };
  const flush = () => {
    const text = buffer;
    buffer = '';
    return send(text);
  };
  return {
    write(text) {
      buffer += text;
      return buffer.length >= WRITE_BATCH_CHARS ? flush() : undefined;
    },
    writeBytes(bytes) {
      const before = flush();
      return before ? before.then(() => send(bytes)) : send(bytes);
    },
    async end() {
      await flush();
      const s = streamOf();
      if (ownsStream) {
        const finished = once(s, 'finish');
        s.end();
        await Promise.race([finished, once(s, 'error')]).catch((e: unknown) => {
          failure ??= e as Error;
        });
      }
      if (failure) throw failed(failure);
    },
  };
};

const fileSink = (path: string): Sink =>
  sinkOn((): WriteStream => createWriteStream(path), true, `to ${printable(path)}`);

const statusColumns = (summary: RosterSummary) =>
  SCREENING_STATUSES.filter((s) => Object.values(summary.by_pathway).some((p) => (p?.statuses[s] ?? 0) > 0));

const renderSummary = (summary: RosterSummary): string => {
  const statuses = statusColumns(summary);
  const rows = Object.entries(summary.by_pathway).map(([pathway, p]) => [
    pathway,
    ...statuses.map((s) => p?.statuses[s] ?? 0),
    p?.eligible_next_12_months ?? 0,
  ]);
  const lines = [
    `Screened ${summary.people_screened.toLocaleString('en-US')} people as of ${summary.as_of}` +
      ` (${plural(summary.row_errors, 'row')} rejected, ${summary.people_with_warnings.toLocaleString('en-US')} people with warnings)`,
    `Eligible now: ${summary.people_eligible_now.toLocaleString('en-US')} people; eligible in the next 12 months (to ${summary.eligible_next_12_months_until}): ${summary.people_eligible_next_12_months.toLocaleString('en-US')} people`,
  ];
  if (rows.length > 0) lines.push('', renderTable(['pathway', ...statuses, 'next_12_months'], rows));
  return lines.join('\n');
};

const plural = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

const secondsSince = (started: number) => (performance.now() - started) / 1000;

/**
 * `redress screen <roster> --as-of YYYY-MM-DD [--out results.jsonl|results.csv] [--pathways a,b]`:
 * screens a roster of any size as a stream (bounded memory), reports malformed rows by line without
 * stopping, and prints a summary.
 */
export const registerScreenCommand = (program: Command, io: CliIo = processIo()) => {
  program
    .command('screen')
    .description('Screen a roster (JSON Lines or CSV) for relief pathways, in bulk')
    .argument('<roster>', 'the roster: roster.jsonl or roster.csv')
    .option('--as-of <date>', 'the date the screening is for, YYYY-MM-DD (default: today)')
    .option('--out <file>', 'write the results to this file: .jsonl (default, on stdout) or .csv')
    .option('--pathways <ids>', 'only these pathways, comma-separated (default: all of each person’s jurisdiction)')
    .option('--overlays <ids>', 'policy overlays to report beside the statutory results, comma-separated')
    .option(
      '--threads <n>',
      'worker threads that parse and screen (default: one per CPU, at most 4, for rosters over 8 MiB; 1 runs all on the main thread)',
    )
    .option('--errors <file>', `write every rejected row here (stderr shows the first ${ERRORS_SHOWN})`)
    .addOption(formatOption())
    .addOption(
      new Option('--parse-only', 'read and validate the roster without screening (benchmark floor)').hideHelp(),
    )
    .addHelpText('after', HELP)
    .action(async (roster: string, flags: ScreenFlags) => {
      const { asOf, pathways, overlays, outFormat, threads: threadsFlag } = parseFlags(flags);
      let size: number;
      try {
        const stat = statSync(roster);
        if (!stat.isFile()) throw new CliError(`cannot read ${printable(roster)}: not a file`);
        size = stat.size;
      } catch (e) {
        if (e instanceof CliError) throw e;
        throw new CliError(`cannot read ${printable(roster)} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
      const input = createReadStream(roster, { highWaterMark: READ_CHUNK_BYTES });
      const chunks = (async function* () {
        try {
          // Read 1 MiB at a time, decoded in pieces of DECODE_CHUNK_BYTES: a 1 MiB string would go to
          // V8's large-object space, which only a full collection frees, so the heap would grow by
          // hundreds of MB of read text before one; small strings die young. The decoder keeps a
          // character cut between two reads whole.
          const decoder = new StringDecoder('utf8');
          for await (const buffer of input as AsyncIterable<Buffer>) {
            for (let at = 0; at < buffer.length; at += DECODE_CHUNK_BYTES) {
              const text = decoder.write(buffer.subarray(at, at + DECODE_CHUNK_BYTES));
              if (text) yield text;
            }
          }
          const rest = decoder.end();
          if (rest) yield rest;
        } catch (e) {
          throw new CliError(`cannot read ${printable(roster)} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        }
      })();

      const isTty = io.stderr.isTTY === true;
      const started = performance.now();
      const bar = isTty
        ? new SingleBar(
            {
              stream: io.stderr,
              format: `${flags.parseOnly ? 'Reading' : 'Screening'} [{bar}] {percentage}% | {people} people | {rate} people/s | ETA {eta_formatted}`,
              hideCursor: true,
              clearOnComplete: true,
              etaBuffer: 100,
              fps: 5,
            },
            Presets.shades_classic,
          )
        : null;
      bar?.start(Math.max(size, 1), 0, { people: 0, rate: 0 });
      /** A line on stderr, clear of the bar (which draws itself again on its next update). */
      const note = (text: string) => {
        if (bar) io.stderr.write('\r\x1b[2K');
        io.note(text);
      };

      const errorsSink = flags.errors ? fileSink(flags.errors) : null;
      let errorsShown = 0;
      const onError = (error: RosterRowError) => {
        const line = formatRowError(error).replace(/\p{Cc}/gu, '?');
        if (errorsShown < ERRORS_SHOWN) {
          errorsShown++;
          note(line);
        }
        return errorsSink?.write(`${line}\n`);
      };
      const onNotice = (message: string) => note(`note: ${printable(message)}`);
      const onProgress = (p: { people: number }) => {
        if (!bar) return;
        const seconds = secondsSince(started);
        bar.update(Math.min(input.bytesRead, size), {
          people: p.people.toLocaleString('en-US'),
          rate: seconds > 0 ? Math.round(p.people / seconds).toLocaleString('en-US') : 0,
        });
      };

      const summary = createRosterSummary(asOf);
      const outSink = flags.parseOnly
        ? null
        : flags.out
          ? fileSink(flags.out)
          : sinkOn(() => io.stdout, false, 'to stdout');
      const writer = rosterOutputWriter(outFormat);
      let hasStarted = false;

      const threads =
        threadsFlag ?? (size >= PARALLEL_FROM_BYTES ? Math.min(availableParallelism(), DEFAULT_MAX_THREADS) : 1);
      const options = { asOf, ...(pathways ? { pathways } : {}), ...(overlays ? { overlays } : {}) };
      const startOutput = () => {
        if (!hasStarted) {
          hasStarted = true;
          outSink?.write(writer.start());
        }
      };
      let result: RosterRunResult;
      try {
        if (threads > 1) {
          result = await screenRosterInParallel(
            chunks,
            threads,
            { options, outFormat, isParseOnly: flags.parseOnly === true },
            {
              onError,
              onNotice,
              onProgress,
              onPerson: (codes) => {
                if (codes) summary.addCodes(codes);
              },
              onOutput: (bytes) => {
                startOutput();
                return outSink?.writeBytes(bytes);
              },
            },
          );
        } else {
          result = flags.parseOnly
            ? await readRoster(chunks, { onError, onNotice, onProgress })
            : await screenRoster(chunks, options, {
                onError,
                onNotice,
                onProgress,
                onOutcome: (outcome) => {
                  summary.add(outcome);
                  startOutput();
                  return outSink?.write(writer.write(outcome));
                },
              });
        }
      } catch (e) {
        bar?.stop();
        throw e;
      } finally {
        input.destroy();
      }
      bar?.stop();
      if (!result.ok) throw new CliError(result.error);
      if (outSink && !hasStarted) outSink.write(writer.start());
      await outSink?.end();
      await errorsSink?.end();
      summary.addRowErrors(result.rowErrors);
      const seconds = secondsSince(started);
      const rate = seconds > 0 ? Math.round(result.people / seconds) : result.people;

      if (result.rowErrors > errorsShown) {
        io.note(
          `... and ${(result.rowErrors - errorsShown).toLocaleString('en-US')} more rejected rows` +
            (flags.errors ? ` (all in ${printable(flags.errors)})` : ' (--errors <file> writes them all)'),
        );
      }
      io.note(
        `${flags.parseOnly ? 'Read' : 'Screened'} ${result.people.toLocaleString('en-US')} people from ${printable(roster)} ` +
          `(${result.format === 'csv' ? 'CSV' : 'JSON Lines'}) in ${seconds.toFixed(1)} s, ${rate.toLocaleString('en-US')} people/s` +
          (result.rowErrors ? `; ${plural(result.rowErrors, 'row')} rejected` : ''),
      );
      // The summary: on stdout when the results went to a file, else on stderr (stdout holds the results).
      const show = flags.out || flags.parseOnly ? io.out : io.note;
      if (flags.format === 'json') {
        show(
          json({
            roster,
            format: result.format,
            out: flags.out ?? null,
            seconds: Number(seconds.toFixed(3)),
            people_per_second: rate,
            ...(flags.parseOnly ? { people_read: result.people, row_errors: result.rowErrors } : summary.result()),
          }),
        );
      } else if (!flags.parseOnly) {
        show(renderSummary(summary.result()));
      }
      if (result.rowErrors > 0) {
        const n = result.rowErrors;
        throw new CliError(
          `${n.toLocaleString('en-US')} row${n === 1 ? ' was' : 's were'} rejected (see the lines above); the other ${result.people.toLocaleString('en-US')} people were screened`,
          EXIT_ROWS_REJECTED,
        );
      }
    });
};
