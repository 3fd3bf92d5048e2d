import { ErrorBody, type ImportKind, ImportUploadedView } from '@redress/core';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api-client';
import { getSession } from '../../session/api/get-session';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type the upload route reads: CSV or XLSX, by the file's own type or its extension. */
export const spreadsheetType = (file: File): string | null => {
  const name = file.name.toLowerCase();
  if (file.type === XLSX_TYPE || name.endsWith('.xlsx')) return XLSX_TYPE;
  if (file.type === 'text/csv' || name.endsWith('.csv')) return 'text/csv';
  return null;
};

export type UploadImportInput = { kind: ImportKind; file: File };

/**
 * The file goes as the raw request body, which the shared API client (JSON only) does not send; the
 * CSRF token is read from the session the same way the client does.
 */
export const uploadImport = async ({ kind, file }: UploadImportInput) => {
  const contentType = spreadsheetType(file);
  if (!contentType) {
    throw new ApiError(400, 'web.unsupported_file', 'Choose a CSV or XLSX file.', {
      file: 'Choose a CSV or XLSX file',
    });
  }
  const session = await getSession();
  const query = new URLSearchParams({ kind, filename: file.name.slice(0, 255) || 'upload' });
  let response: Response;
  try {
    response = await fetch(`/api/v1/imports?${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Content-Type': contentType,
        ...(session ? { 'X-CSRF-Token': session.csrfToken } : {}),
      },
      body: file,
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
    const message = response.status === 413 ? 'The file is too large (at most 50 MB).' : 'The upload failed.';
    throw new ApiError(response.status, `http.${response.status}`, message);
  }
  const parsed = ImportUploadedView.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'web.unexpected_response',
      'The server sent an answer this page does not understand.',
    );
  }
  return parsed.data;
};

export const useUploadImport = () => useMutation({ mutationFn: uploadImport });
