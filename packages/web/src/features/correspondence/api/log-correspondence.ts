import { CorrespondenceBody, type LogCorrespondenceInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { invalidateCorrespondence } from './invalidate-correspondence';
import { uploadLetterScan } from './upload-correspondence-scan';

export const logCorrespondence = (input: LogCorrespondenceInput) =>
  apiJson('/api/v1/correspondence', CorrespondenceBody, { method: 'POST', body: input });

export type LogLetterRequest = { input: LogCorrespondenceInput; personId: string; scan: File | null };

/** Logs a letter; a chosen scan is uploaded first, so the entry is logged with it or not at all. */
export const useLogCorrespondence = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, personId, scan }: LogLetterRequest) => {
      if (!scan) return logCorrespondence(input);
      const document = await uploadLetterScan(personId, scan);
      return logCorrespondence({ ...input, documentId: document.id });
    },
    onSettled: () => invalidateCorrespondence(queryClient),
  });
};
