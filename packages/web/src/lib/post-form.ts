import { ErrorBody } from '@redress/core';
import { getSession } from '../features/session/api/get-session';
import { ApiError, type ResponseSchema } from './api-client';

type PostFormOptions = { method?: 'POST' | 'PUT'; tooLargeMessage?: string };

/**
 * Sends multipart form data (a file upload), which the JSON API client does not: the CSRF token comes
 * from the session as the client's does, and errors become the same ApiError with field details.
 */
export const postForm = async <T>(
  path: string,
  form: FormData,
  schema: ResponseSchema<T>,
  { method = 'POST', tooLargeMessage = 'The file is too large for the server.' }: PostFormOptions = {},
): Promise<T> => {
  const session = await getSession();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(session ? { 'X-CSRF-Token': session.csrfToken } : {}) },
      body: form,
    });
  } catch {
    throw new ApiError(0, 'web.network', 'Could not reach the server. Check your connection and try again.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(body);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details ?? {});
    }
    const message =
      response.status === 413
        ? tooLargeMessage
        : response.status === 403
          ? 'You do not have permission to do this.'
          : 'The upload failed.';
    throw new ApiError(response.status, `http.${response.status}`, message);
  }
  try {
    return schema.parse(body);
  } catch {
    throw new ApiError(
      response.status,
      'web.unexpected_response',
      'The server sent an answer this page does not understand.',
    );
  }
};
