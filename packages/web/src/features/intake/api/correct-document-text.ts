import { DocumentBody } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { intakeQueryKey } from './get-intake';

export type CorrectDocumentTextVariables = { intakeId: string; documentId: string; text: string | null };

/** A person's reading of the document; it wins over the OCR text for display and search. */
export const correctDocumentText = ({ documentId, text }: CorrectDocumentTextVariables) =>
  apiJson(`/api/v1/documents/${encodeURIComponent(documentId)}/text`, DocumentBody, {
    method: 'PATCH',
    body: { text },
  });

export const useCorrectDocumentText = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: correctDocumentText,
    onSuccess: (_document, { intakeId }) => queryClient.invalidateQueries({ queryKey: intakeQueryKey(intakeId) }),
  });
};
