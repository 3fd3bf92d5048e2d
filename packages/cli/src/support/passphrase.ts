import { NewPassword } from '@redress/core';
import { Option } from 'commander';
import type { CliIo } from './cli-io.js';
import { UsageError } from './errors.js';

export const passphraseOptions = () => [
  new Option('--passphrase-env <var>', 'read the passphrase from this environment variable').conflicts(
    'passphraseStdin',
  ),
  new Option('--passphrase-stdin', 'read the passphrase from standard input (one line)'),
];

export type PassphraseFlags = { passphraseEnv?: string; passphraseStdin?: boolean };

/** The first line of standard input (a pipe, or typed at a terminal and ended with Enter). */
const readFirstLine = async (io: CliIo): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    const newline = buffer.indexOf(0x0a);
    if (newline !== -1) {
      chunks.push(buffer.subarray(0, newline));
      break;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\r$/, '');
};

/** The passphrase, never from a flag's value (it would show in `ps` and shell history). */
export const readPassphrase = async (
  io: CliIo,
  flags: PassphraseFlags,
  purpose: 'encrypt' | 'decrypt',
): Promise<string | undefined> => {
  let value: string | undefined;
  if (flags.passphraseEnv) {
    value = io.env[flags.passphraseEnv];
    if (!value) throw new UsageError(`The environment variable ${flags.passphraseEnv} is not set or empty`);
  } else if (flags.passphraseStdin) {
    value = await readFirstLine(io);
    if (!value) throw new UsageError('No passphrase on standard input');
  }
  if (value !== undefined && purpose === 'encrypt') {
    const checked = NewPassword.safeParse(value);
    if (!checked.success) {
      throw new UsageError(`The passphrase is too weak: ${checked.error.issues.map((i) => i.message).join('; ')}`);
    }
  }
  return value;
};
