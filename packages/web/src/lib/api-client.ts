import { ErrorBody } from '@redress/core';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Anything with a zod-like `parse`; keeps this module free of a direct zod dependency. */
export type ResponseSchema<T> = { parse: (data: unknown) => T };

export type QueryParams = Readonly<Record<string, string | number | undefined>>;

export type RequestOptions = {
  method?: Method;
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
  /**
   * Sign-in requests and the session probe expect 401 as an ordinary answer (wrong password, signed
   * out), so they must not trigger the "session ended" handler.
   */
  isUnauthenticatedExpected?: boolean;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Readonly<Record<string, string>>;
  /** From a 429's Retry-After header, when the server sends one. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details: Readonly<Record<string, string>> = {},
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

const UNSAFE_METHODS: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SESSION_PATH = '/api/v1/auth/session';

// Kept in memory only: a token in storage would outlive the session and be readable by any script.
let csrfToken: string | null = null;
let onSessionEnded: () => void = () => {};

export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** Called when an authenticated request comes back 401, i.e. the session ended under us. */
export const setSessionEndedHandler = (handler: () => void): void => {
  onSessionEnded = handler;
};

const buildUrl = (path: string, query: QueryParams | undefined): string => {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

const parseRetryAfter = (response: Response): number | null => {
  const header = response.headers.get('Retry-After');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
};

const fallbackMessage = (status: number): string => {
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'You do not have permission to do this.';
  if (status === 404) return 'Not found.';
  if (status === 413) return 'What you sent is too large.';
  if (status === 429) return 'Too many attempts. Wait a little and try again.';
  if (status >= 500) return 'The server had a problem. Try again in a moment.';
  return 'The request could not be completed.';
};

const toApiError = async (response: Response): Promise<ApiError> => {
  const retryAfter = parseRetryAfter(response);
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy or crash page rather than our API: fall through to the generic message.
  }
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details ?? {}, retryAfter);
  }
  return new ApiError(response.status, `http.${response.status}`, fallbackMessage(response.status), {}, retryAfter);
};

const isCsrfRejection = (error: ApiError): boolean => error.status === 403 && error.code.includes('csrf');

/** Re-reads the session's CSRF token, e.g. after the server rotated the session. */
const refreshCsrfToken = async (): Promise<boolean> => {
  try {
    const response = await fetch(SESSION_PATH, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return false;
    const body: unknown = await response.json();
    const token = (body as { csrfToken?: unknown } | null)?.csrfToken;
    if (typeof token !== 'string') return false;
    csrfToken = token;
    return true;
  } catch {
    return false;
  }
};

const send = async (path: string, options: RequestOptions, isRetry: boolean): Promise<Response> => {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'web.network', 'Could not reach the server. Check your connection and try again.');
  }
  if (response.ok) return response;

  const error = await toApiError(response);
  if (!isRetry && isCsrfRejection(error) && (await refreshCsrfToken())) return send(path, options, true);
  if (error.status === 401 && !options.isUnauthenticatedExpected) onSessionEnded();
  throw error;
};

/** A request whose JSON answer is checked against the shared schema, so contract drift fails loudly. */
export const apiJson = async <T>(path: string, schema: ResponseSchema<T>, options: RequestOptions = {}): Promise<T> => {
  const response = await send(path, options, false);
  let body: unknown;
  try {
    body = await response.json();
    return schema.parse(body);
  } catch {
    throw new ApiError(
      response.status,
      'web.unexpected_response',
      'The server sent an answer this page does not understand. Reload the page and try again.',
    );
  }
};

/** A request answered with 204 No Content. */
export const apiSend = async (path: string, options: RequestOptions = {}): Promise<void> => {
  await send(path, options, false);
};
