import { DocumentBody } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidateCorrespondence } from './invalidate-correspondence';
import { uploadForm } from './raw-request';
import { updateCorrespondence } from './update-correspondence';

/**
 * The scan (or phone photo) of a letter, added to the person's documents as multipart form data; the
 * server judges the bytes and reads images with OCR. The fields go before the file.
 */
export const uploadLetterScan = (personId: string, file: File) => {
  const form = new FormData();
  form.append('kind', 'letter_scan');
  form.append('file', file, file.name);
  return uploadForm(`/api/v1/people/${encodeURIComponent(personId)}/documents`, form, DocumentBody);
};

/** Uploads the scan and attaches it to a letter already logged. */
export const useUploadCorrespondenceScan = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, personId, file }: { id: string; personId: string; file: File }) => {
      const document = await uploadLetterScan(personId, file);
      return updateCorrespondence(id, { documentId: document.id });
    },
    onSettled: () => invalidateCorrespondence(queryClient),
  });
};
