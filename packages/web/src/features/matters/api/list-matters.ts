import { MatterPage } from '@redress/core';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { type MattersSearch, toMattersQuery } from '../matters-search';

export const mattersQueryKey = ['matters'] as const;

export const listMatters = (search: MattersSearch, signal?: AbortSignal) =>
  apiJson('/api/v1/matters', MatterPage, { query: toMattersQuery(search), ...(signal ? { signal } : {}) });

export const mattersQueryOptions = (search: MattersSearch) =>
  queryOptions({
    queryKey: [...mattersQueryKey, 'list', search],
    queryFn: ({ signal }) => listMatters(search, signal),
    placeholderData: keepPreviousData,
  });

export const useMatters = (search: MattersSearch) => useQuery(mattersQueryOptions(search));
