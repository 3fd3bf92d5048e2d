import { Option } from 'commander';

export type Format = 'table' | 'json';

export const formatOption = () =>
  new Option('--format <format>', 'output format').choices(['table', 'json']).default('table');

/** Control characters from stored data must not reach the terminal (escape sequences). */
export const printable = (value: unknown): string =>
  value === null || value === undefined ? '-' : String(value).replace(/\p{Cc}/gu, '?');

/** Aligned columns with a header row; every cell made printable. */
export const renderTable = (headers: readonly string[], rows: readonly (readonly unknown[])[]): string => {
  const cells = [headers.map((h) => h.toUpperCase()), ...rows.map((r) => r.map(printable))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};

/** Label: value lines with the values aligned. */
export const renderFields = (fields: readonly (readonly [string, unknown])[]): string => {
  const width = Math.max(...fields.map(([label]) => label.length)) + 1;
  return fields.map(([label, value]) => `${`${label}:`.padEnd(width)} ${printable(value)}`).join('\n');
};

/** A box that stands out in a scrolling log, for something shown only once. */
export const renderBox = (lines: readonly string[]): string => {
  const width = Math.max(...lines.map((l) => [...l].length));
  const pad = (l: string) => l + ' '.repeat(width - [...l].length);
  return [`┌${'─'.repeat(width + 2)}┐`, ...lines.map((l) => `│ ${pad(l)} │`), `└${'─'.repeat(width + 2)}┘`].join('\n');
};

export const json = (value: unknown): string => JSON.stringify(value, null, 2);
