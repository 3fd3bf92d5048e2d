import { csvRow } from '../case-file/spreadsheet-cells.js';

/**
 * Streaming export writers: rows go out as they are read, in chunks of about `chunkSize` characters,
 * so an export of any size needs little memory.
 */
export type ExportWriterOptions = {
  chunkSize?: number;
  /**
   * Start the CSV with a UTF-8 byte order mark, so Excel reads accented names correctly (it assumes
   * the legacy code page otherwise). The import parser skips it.
   */
  hasBom?: boolean;
};

const DEFAULT_CHUNK = 64 * 1024;

/** CSV: the header row first, then one row per record; every cell is made safe from formula injection. */
export async function* csvChunks(
  header: readonly string[],
  rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>,
  options: ExportWriterOptions = {},
): AsyncGenerator<string> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  let buffer = `${options.hasBom ? '\uFEFF' : ''}${csvRow(header)}`;
  for await (const row of rows) {
    buffer += csvRow(row);
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer.length > 0) yield buffer;
}

/** JSON: one array, written element by element. */
export async function* jsonArrayChunks(
  items: AsyncIterable<unknown> | Iterable<unknown>,
  options: ExportWriterOptions = {},
): AsyncGenerator<string> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  let buffer = '[';
  let isFirst = true;
  for await (const item of items) {
    buffer += `${isFirst ? '\n' : ',\n'}${JSON.stringify(item)}`;
    isFirst = false;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}${isFirst ? ']\n' : '\n]\n'}`;
}

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The files a list exports to: `people.csv`, `matters.json`... */
export const EXPORT_FILES = ['people', 'matters', 'contacts'].flatMap((list) =>
  EXPORT_FORMATS.map((format) => `${list}.${format}`),
) as readonly `${'people' | 'matters' | 'contacts'}.${ExportFormat}`[];
export type ExportFile = (typeof EXPORT_FILES)[number];
