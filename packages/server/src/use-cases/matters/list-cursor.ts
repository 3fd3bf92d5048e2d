import { isCalendarDate } from '@redress/core';
import { failWith } from '../policy.js';

/**
 * Opaque keyset cursors: the sort values of the last row of a page, as base64url JSON. A cursor that
 * does not decode to the expected shape (tampered, or from another list) is a 400 on `cursor`, never
 * a value handed to SQL unchecked.
 */
export const encodeCursor = (parts: readonly string[]): string =>
  Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');

export type CursorPart = (value: string) => boolean;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuidPart: CursorPart = (v) => UUID.test(v);
export const isDatePart: CursorPart = (v) => isCalendarDate(v);
export const isTimestampPart: CursorPart = (v) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && !Number.isNaN(Date.parse(v));
export const isTextPart: CursorPart = (v) => v.length <= 400;
export const isSeqPart: CursorPart = (v) => /^\d{1,15}$/.test(v);

export const decodeCursor = (cursor: string | undefined, parts: readonly CursorPart[]): string[] | undefined => {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  const isValid =
    Array.isArray(decoded) &&
    decoded.length === parts.length &&
    decoded.every((value, i) => typeof value === 'string' && parts[i]?.(value) === true);
  if (!isValid) {
    return failWith('invalid', 'request.invalid', 'Bad cursor', { 'query.cursor': 'Not a cursor from this list' });
  }
  return decoded as string[];
};

/** Splits `limit + 1` fetched rows into the page and the cursor of the next one. */
export const pageOf = <T, V>(
  rows: T[],
  limit: number,
  present: (row: T) => V,
  keyOf: (row: T) => readonly string[],
) => {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
};
