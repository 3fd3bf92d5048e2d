/**
 * Errors are values with a stable code. The HTTP edge maps each code's category to a status in one
 * table; the domain never knows about HTTP.
 */
export const ERROR_CATEGORIES = [
  'invalid', // 400: malformed or invalid input
  'unauthenticated', // 401
  'forbidden', // 403: known to exist, not allowed (only where existence is not secret)
  'not_found', // 404: absent, or hidden from this actor
  'conflict', // 409
  'too_large', // 413
  'unprocessable', // 422: well-formed but breaks a rule
  'throttled', // 429
] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

export type DomainError = {
  code: string;
  category: ErrorCategory;
  message: string;
  /** field path -> message */
  details?: Record<string, string>;
};

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (
  category: ErrorCategory,
  code: string,
  message: string,
  details?: Record<string, string>,
): { ok: false; error: DomainError } => ({
  ok: false,
  error: details ? { code, category, message, details } : { code, category, message },
});

export const domainError = (
  category: ErrorCategory,
  code: string,
  message: string,
  details?: Record<string, string>,
): DomainError => (details ? { code, category, message, details } : { code, category, message });

/** Thrown by use cases to abort a transaction with an expected outcome; the edge presents it. */
export class DomainFailure extends Error {
  readonly error: DomainError;
  constructor(error: DomainError) {
    super(error.message);
    this.name = 'DomainFailure';
    this.error = error;
  }
}

export const isDomainFailure = (e: unknown): e is DomainFailure => e instanceof DomainFailure;
