import { ComposedLetterBody, type ComposeLetterInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { invalidateCorrespondence } from './invalidate-correspondence';

/** A letter from a template, merged and rendered; logged as ready to print. 409 mail.hold while mail is held. */
export const composeLetter = (input: ComposeLetterInput) =>
  apiJson('/api/v1/correspondence/letters', ComposedLetterBody, { method: 'POST', body: input });

export const useComposeLetter = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: composeLetter,
    onSuccess: () => invalidateCorrespondence(queryClient),
  });
};
