import { Readable, Writable } from 'node:stream';
import { type CliIo, runCli } from '@redress/cli';
import type { RunResult } from './run-redress.js';

/** `redress <args>` inside the test process: the same code as the binary, without a process to start. */
export const runInProcess = async (args: string[], env: Record<string, string>, stdin = ''): Promise<RunResult> => {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        append(chunk.toString());
        callback();
      },
    });
  const io: CliIo = {
    env,
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: sink((s) => {
      stdout += s;
    }),
    // Not a terminal: progress bars stay quiet, as in a pipe.
    stderr: sink((s) => {
      stderr += s;
    }) as unknown as NodeJS.WriteStream,
    out: (text) => {
      stdout += `${text}\n`;
    },
    note: (text) => {
      stderr += `${text}\n`;
    },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
};
