import type { BatchPrintInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api-client';
import { invalidateCorrespondence } from './invalidate-correspondence';
import { fetchFile } from './raw-request';

/** One PDF of the letters, each with its envelope or, in labels mode, a sheet of labels; they are then sent. */
export const batchPrint = async (input: BatchPrintInput) => {
  const file = await fetchFile('/api/v1/correspondence/batch-print', {
    method: 'POST',
    body: input,
    accept: 'application/pdf',
  });
  if (!file.contentType.startsWith('application/pdf')) {
    throw new ApiError(200, 'web.unexpected_response', 'The server did not send a PDF. Try again.');
  }
  return file;
};

export const useBatchPrint = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: batchPrint,
    onSuccess: () => invalidateCorrespondence(queryClient),
  });
};
