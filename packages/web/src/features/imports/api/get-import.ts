import { ImportView } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const importQueryKey = (importId: string) => ['imports', importId] as const;

export const getImport = (importId: string, signal?: AbortSignal) =>
  apiJson(`/api/v1/imports/${encodeURIComponent(importId)}`, ImportView, signal ? { signal } : {});

/** While the import runs, its progress is read again every `pollMs`. */
export const importQueryOptions = (importId: string, pollMs: number | false) =>
  queryOptions({
    queryKey: importQueryKey(importId),
    queryFn: ({ signal }) => getImport(importId, signal),
    refetchInterval: pollMs,
    staleTime: 0,
  });

export const useImport = (importId: string, pollMs: number | false) => useQuery(importQueryOptions(importId, pollMs));
