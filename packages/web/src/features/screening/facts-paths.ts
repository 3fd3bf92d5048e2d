import { isApiError } from '../../lib/api-client';

/** A nested value in the facts object, by path; missing parents read as undefined. */
export const getAt = (value: unknown, path: readonly string[]): unknown => {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
};

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

/**
 * A copy with the value at `path` replaced; an empty value (unknown) removes the key, and parents left
 * empty go with it, so the facts hold only what someone has said.
 */
export const setAt = <T extends object>(value: T, path: readonly string[], next: unknown): T => {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const child = rest.length === 0 ? next : setAt((copy[head] as object | undefined) ?? {}, rest, next);
  if (isEmpty(child)) delete copy[head];
  else copy[head] = child;
  return copy as T;
};

const CONTAINERS: ReadonlySet<string> = new Set(['body', '_']);

/** The server's field errors keyed by their full path inside the facts ("medical.diagnosis"). */
export const factErrors = (error: unknown): Readonly<Record<string, string>> => {
  if (!isApiError(error)) return {};
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.details)) {
    const key = path
      .split('.')
      .filter((segment) => !CONTAINERS.has(segment))
      .join('.');
    if (!(key in errors)) errors[key] = message;
  }
  return errors;
};

/** Lines of a text area as a list; none means the record does not say. */
export const linesOf = (text: string): string[] | undefined => {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length > 0 ? lines : undefined;
};
