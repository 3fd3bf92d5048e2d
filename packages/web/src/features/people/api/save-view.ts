import { type CreateSavedViewInput, SavedViewView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { savedViewsQueryKey } from './list-saved-views';

export const saveView = (input: CreateSavedViewInput) =>
  apiJson('/api/v1/saved-views', SavedViewView, { method: 'POST', body: input });

export const useSaveView = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveView,
    onSuccess: (view) => queryClient.invalidateQueries({ queryKey: savedViewsQueryKey(view.list) }),
  });
};
