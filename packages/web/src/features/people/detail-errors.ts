import { isApiError } from '../../lib/api-client';

export type PathErrors = Readonly<Record<string, string>>;

const CONTAINERS: ReadonlySet<string> = new Set(['body', 'query', 'params']);

/**
 * The server's field errors by their full path without the request part ("body.identifiers.0.value"
 * becomes "identifiers.0.value"), for forms with repeated rows that place errors on the row.
 */
export const pathErrors = (error: unknown): PathErrors => {
  if (!isApiError(error)) return {};
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.details)) {
    const segments = path.split('.');
    while (segments.length > 1 && CONTAINERS.has(segments[0] ?? '')) segments.shift();
    const key = segments.join('.');
    if (!(key in errors)) errors[key] = message;
  }
  return errors;
};

/** The first error at a path or below it ("term" finds "term.months"). */
export const errorUnder = (errors: PathErrors, path: string): string | undefined => {
  if (errors[path]) return errors[path];
  const prefix = `${path}.`;
  const key = Object.keys(errors).find((k) => k.startsWith(prefix));
  return key ? errors[key] : undefined;
};
