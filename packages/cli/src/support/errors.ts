import { isDomainFailure } from '@redress/core';

/** A failure the command explains itself; exit code 1, or 2 for usage errors and failed verification. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

const messageOf = (e: Error): string => {
  if (e.message) return e.message;
  // Node reports a refused connection to every address of a host as an AggregateError without a message.
  const inner = (e as AggregateError).errors?.[0] as Error | undefined;
  if (inner?.message) return inner.message;
  return (e as NodeJS.ErrnoException).code ?? e.name;
};

/** One readable line and an exit code for anything a command may throw. */
export const describeError = (e: unknown): { message: string; exitCode: number } => {
  if (e instanceof CliError) return { message: oneLine(e.message), exitCode: e.exitCode };
  if (isDomainFailure(e)) {
    const details = Object.entries(e.error.details ?? {}).map(([field, msg]) => `${field}: ${msg}`);
    return {
      message: oneLine(details.length > 0 ? `${e.error.message} (${details.join(', ')})` : e.error.message),
      exitCode: 1,
    };
  }
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = messageOf(e);
    if (code === 'ECONNREFUSED' || (e as AggregateError).errors?.length) {
      return { message: oneLine(`Could not connect to the database: ${message}`), exitCode: 1 };
    }
    return { message: oneLine(message), exitCode: 1 };
  }
  return { message: oneLine(String(e)), exitCode: 1 };
};
