import { ErrorBody, type PathwayId, ScreeningRunBody } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api-client';
import { getSession } from '../../session/api/get-session';
import { screeningRunsQueryKey } from './list-screening-runs';

export type CreateScreeningRunInput = { file: File; name?: string; asOf?: string; pathways: readonly PathwayId[] };

const ROSTER_EXTENSIONS = ['.csv', '.jsonl', '.ndjson', '.json'];

export const isRosterFile = (file: File): boolean =>
  ROSTER_EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension));

/**
 * The roster goes as multipart form data, which the shared API client (JSON only) does not send; the
 * CSRF token is read from the session the same way the client does. The fields come before the file,
 * so the server knows the run's settings before it streams the roster.
 */
export const createScreeningRun = async ({ file, name, asOf, pathways }: CreateScreeningRunInput) => {
  const form = new FormData();
  if (name) form.append('name', name);
  if (asOf) form.append('asOf', asOf);
  for (const pathway of pathways) form.append('pathways', pathway);
  form.append('file', file, file.name);
  const session = await getSession();
  let response: Response;
  try {
    response = await fetch('/api/v1/screening/runs', {
      method: 'POST',
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
    const message = response.status === 413 ? 'The roster is too large for the server.' : 'The upload failed.';
    throw new ApiError(response.status, `http.${response.status}`, message);
  }
  const parsed = ScreeningRunBody.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'web.unexpected_response',
      'The server sent an answer this page does not understand.',
    );
  }
  return parsed.data;
};

export const useCreateScreeningRun = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createScreeningRun,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: screeningRunsQueryKey }),
  });
};
