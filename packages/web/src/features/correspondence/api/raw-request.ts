import { ErrorBody } from '@redress/core';
import { ApiError, type ResponseSchema } from '../../../lib/api-client';
import { postForm } from '../../../lib/post-form';
import { getSession } from '../../session/api/get-session';

/**
 * Requests the shared API client (JSON in, JSON out) does not make: answers that are files (PDF,
 * DOCX); multipart uploads go through lib/post-form. The CSRF token is read from the session the way the client reads it.
 */
type RawOptions = {
  method?: 'GET' | 'POST' | 'PUT';
  body?: FormData | unknown;
  accept: string;
  signal?: AbortSignal;
};

const failure = async (response: Response): Promise<ApiError> => {
  const body: unknown = await response.json().catch(() => null);
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details ?? {});
  }
  const message =
    response.status === 413
      ? 'The file is too large for the server.'
      : response.status === 403
        ? 'You do not have permission to do this.'
        : 'The request could not be completed.';
  return new ApiError(response.status, `http.${response.status}`, message);
};

const rawRequest = async (path: string, { method = 'GET', body, accept, signal }: RawOptions): Promise<Response> => {
  const headers: Record<string, string> = { Accept: accept };
  if (method !== 'GET') {
    const session = await getSession();
    if (session) headers['X-CSRF-Token'] = session.csrfToken;
  }
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? null : isForm ? body : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'web.network', 'Could not reach the server. Check your connection and try again.');
  }
  if (!response.ok) throw await failure(response);
  return response;
};

/** A multipart upload whose JSON answer is checked against the shared schema. */
export const uploadForm = <T>(
  path: string,
  form: FormData,
  schema: ResponseSchema<T>,
  method: 'POST' | 'PUT' = 'POST',
): Promise<T> => postForm(path, form, schema, { method });

export type DownloadedFile = { blob: Blob; fileName: string | null; contentType: string };

const fileNameOf = (response: Response): string | null => {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
};

/** A request answered with a file (a PDF, a DOCX). */
export const fetchFile = async (
  path: string,
  options: { method?: 'GET' | 'POST'; body?: unknown; accept?: string } = {},
): Promise<DownloadedFile> => {
  const response = await rawRequest(path, {
    method: options.method ?? 'GET',
    body: options.body,
    accept: options.accept ?? '*/*',
  });
  return {
    blob: await response.blob(),
    fileName: fileNameOf(response),
    contentType: response.headers.get('Content-Type') ?? '',
  };
};

/** Hands a fetched file to the browser as a download. */
export const saveFile = ({ blob, fileName }: DownloadedFile, fallbackName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL is let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
