import { DocumentBody, type OcrLanguage } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { intakeQueryKey } from './get-intake';

export type RerunDocumentOcrVariables = { intakeId: string; documentId: string; language: OcrLanguage };

/** Reads the document's text again (after a failure, or in another language). */
export const rerunDocumentOcr = ({ documentId, language }: RerunDocumentOcrVariables) =>
  apiJson(`/api/v1/documents/${encodeURIComponent(documentId)}/ocr`, DocumentBody, {
    method: 'POST',
    body: { language },
  });

export const useRerunDocumentOcr = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rerunDocumentOcr,
    onSuccess: (_document, { intakeId }) => queryClient.invalidateQueries({ queryKey: intakeQueryKey(intakeId) }),
  });
};
