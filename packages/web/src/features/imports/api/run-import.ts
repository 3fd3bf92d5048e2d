import { ImportView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { importQueryKey } from './get-import';

/** Answers once the import has finished; meanwhile GET /imports/:id reports the progress. */
export const runImport = (importId: string) =>
  apiJson(`/api/v1/imports/${encodeURIComponent(importId)}/run`, ImportView, { method: 'POST' });

export const useRunImport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runImport,
    onSuccess: (view) => {
      queryClient.setQueryData(importQueryKey(view.id), view);
      void queryClient.invalidateQueries({ queryKey: [view.kind] });
      void queryClient.invalidateQueries({ queryKey: ['board'] });
      void queryClient.invalidateQueries({ queryKey: ['stats'] });
    },
  });
};
