import { type CreateNoteInput, NoteView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { matterQueryKey } from './get-matter';

export const createNote = (matterId: string, input: Partial<CreateNoteInput> & Pick<CreateNoteInput, 'body'>) =>
  apiJson(`/api/v1/matters/${encodeURIComponent(matterId)}/notes`, NoteView, { method: 'POST', body: input });

export const useCreateNote = (matterId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<CreateNoteInput> & Pick<CreateNoteInput, 'body'>) => createNote(matterId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: matterQueryKey(matterId) }),
  });
};
