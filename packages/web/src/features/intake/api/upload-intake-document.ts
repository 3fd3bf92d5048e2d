import { DocumentBody, type OcrLanguage } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postForm } from '../../../lib/post-form';
import { intakeQueryKey } from './get-intake';

export type UploadIntakeDocumentVariables = {
  intakeId: string;
  file: File;
  kind: 'letter_scan' | 'questionnaire_scan';
  ocrLanguage?: OcrLanguage;
};

/** A letter or a returned questionnaire, scanned or photographed; its text is read in the background. */
export const uploadIntakeDocument = ({ intakeId, file, kind, ocrLanguage }: UploadIntakeDocumentVariables) => {
  const form = new FormData();
  form.append('kind', kind);
  if (ocrLanguage) form.append('ocrLanguage', ocrLanguage);
  form.append('file', file, file.name);
  return postForm(`/api/v1/intakes/${encodeURIComponent(intakeId)}/documents`, form, DocumentBody);
};

export const useUploadIntakeDocument = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadIntakeDocument,
    onSuccess: (_document, { intakeId }) => queryClient.invalidateQueries({ queryKey: intakeQueryKey(intakeId) }),
  });
};

/** Where the browser reads a document's bytes (an <img> source, or a link for a PDF). */
export const intakeDocumentContentUrl = (intakeId: string, documentId: string): string =>
  `/api/v1/intakes/${encodeURIComponent(intakeId)}/documents/${encodeURIComponent(documentId)}/content`;

const ACCEPTED = ['image/png', 'image/jpeg', 'image/tiff', 'image/webp', 'application/pdf'];
export const SCAN_ACCEPT = `${ACCEPTED.join(',')},.png,.jpg,.jpeg,.tif,.tiff,.webp,.pdf`;
export const MAX_SCAN_BYTES = 25 * 1024 * 1024;
