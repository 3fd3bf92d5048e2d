import { isApiError } from './api-client';

export type FieldErrors = Readonly<Record<string, string>>;

/** Structural view of a zod `safeParse` failure, so forms can check input with the shared schemas. */
type ParseFailure = { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };

const CONTAINERS: ReadonlySet<string> = new Set(['body', 'query', 'params', '_']);

/**
 * Server and schema paths ("body.email", "scopes.0") are reduced to the form field they belong to; a
 * whole-body error ("_") belongs to no field.
 */
const fieldOf = (path: string): string => path.split('.').find((segment) => !CONTAINERS.has(segment)) ?? '';

export const issuesToFieldErrors = (failure: ParseFailure): FieldErrors => {
  const errors: Record<string, string> = {};
  for (const issue of failure.issues) {
    const field = fieldOf(issue.path.map(String).join('.'));
    if (!(field in errors)) errors[field] = issue.message;
  }
  return errors;
};

export const serverFieldErrors = (error: unknown): FieldErrors => {
  if (!isApiError(error)) return {};
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.details)) {
    const field = fieldOf(path);
    if (!(field in errors)) errors[field] = message;
  }
  return errors;
};

/** Field errors the form cannot show next to a field; the form's alert lists them instead. */
export const unplacedFieldErrors = (errors: FieldErrors, fields: readonly string[]): string[] =>
  Object.entries(errors)
    .filter(([field]) => !fields.includes(field))
    .map(([field, message]) => (field ? `${field}: ${message}` : message));
