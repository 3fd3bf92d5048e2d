import type { RowError } from './row-validation.js';

/**
 * External ids that appear on more than one line of one file. Which of the rows is right cannot be
 * known, so every one of them is refused (and named), and the file is fixed and imported again.
 */
export class DuplicateIdFinder {
  #lines = new Map<string, number[]>();

  add(id: string, line: number): void {
    const key = id.trim();
    if (key === '') return;
    const lines = this.#lines.get(key);
    if (lines) lines.push(line);
    else this.#lines.set(key, [line]);
  }

  /** id -> every line it is on, for the ids on more than one line. */
  duplicates(): Map<string, number[]> {
    return new Map([...this.#lines].filter(([, lines]) => lines.length > 1));
  }
}

export const findDuplicateIds = (entries: Iterable<{ id: string; line: number }>): Map<string, number[]> => {
  const finder = new DuplicateIdFinder();
  for (const { id, line } of entries) finder.add(id, line);
  return finder.duplicates();
};

const listLines = (lines: readonly number[]): string => {
  const shown = lines.slice(0, 10).map(String);
  const more = lines.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : (shown[0] ?? '');
};

export const duplicateIdError = (line: number, id: string, lines: readonly number[]): RowError => ({
  line,
  field: 'external_id',
  message: `External id ${JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id)} is on lines ${listLines(lines)} of this file: give each row its own`,
});
