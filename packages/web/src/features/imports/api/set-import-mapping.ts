import { ImportView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { importQueryKey } from './get-import';

export type SetImportMappingInput = { importId: string; mapping: Record<string, string | null> };

export const setImportMapping = ({ importId, mapping }: SetImportMappingInput) =>
  apiJson(`/api/v1/imports/${encodeURIComponent(importId)}/mapping`, ImportView, {
    method: 'PUT',
    body: { mapping },
  });

export const useSetImportMapping = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setImportMapping,
    onSuccess: (view) => queryClient.setQueryData(importQueryKey(view.id), view),
  });
};
