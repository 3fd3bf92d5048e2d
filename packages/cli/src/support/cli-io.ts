import type { Readable } from 'node:stream';

/**
 * Where a command reads and writes. Data goes to stdout (so it can be piped); progress, notes and
 * errors go to stderr.
 */
export type CliIo = {
  env: Record<string, string | undefined>;
  stdin: Readable;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  /** A line of output (data) on stdout. */
  out(text: string): void;
  /** A line for the person at the terminal (progress, notes) on stderr. */
  note(text: string): void;
};

export const processIo = (): CliIo => ({
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  out: (text) => {
    process.stdout.write(`${text}\n`);
  },
  note: (text) => {
    process.stderr.write(`${text}\n`);
  },
});
