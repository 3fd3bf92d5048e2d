import { type PathwayId, ScreeningRunBody } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postForm } from '../../../lib/post-form';
import { screeningRunsQueryKey } from './list-screening-runs';

export type CreateScreeningRunInput = { file: File; name?: string; asOf?: string; pathways: readonly PathwayId[] };

const ROSTER_EXTENSIONS = ['.csv', '.jsonl', '.ndjson', '.json'];

export const isRosterFile = (file: File): boolean =>
  ROSTER_EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension));

/**
 * The roster goes as multipart form data (lib/post-form). The fields come before the file,
 * so the server knows the run's settings before it streams the roster.
 */
export const createScreeningRun = async ({ file, name, asOf, pathways }: CreateScreeningRunInput) => {
  const form = new FormData();
  if (name) form.append('name', name);
  if (asOf) form.append('asOf', asOf);
  for (const pathway of pathways) form.append('pathways', pathway);
  form.append('file', file, file.name);
  return postForm('/api/v1/screening/runs', form, ScreeningRunBody, {
    tooLargeMessage: 'The roster is too large for the server.',
  });
};

export const useCreateScreeningRun = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createScreeningRun,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: screeningRunsQueryKey }),
  });
};
