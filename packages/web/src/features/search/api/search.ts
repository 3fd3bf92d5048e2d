import { SEARCH_QUERY_MIN, SearchResponse, type SearchType } from '@redress/core';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

/** Hits per group: a few per type on the overview, the most the server gives for one type. */
const OVERVIEW_LIMIT = 10;
const ONE_TYPE_LIMIT = 25;

export const search = (q: string, type: SearchType | undefined, signal?: AbortSignal) =>
  apiJson('/api/v1/search', SearchResponse, {
    query: { q, types: type, limit: type ? ONE_TYPE_LIMIT : OVERVIEW_LIMIT },
    ...(signal ? { signal } : {}),
  });

export const searchQueryOptions = (q: string, type: SearchType | undefined) =>
  queryOptions({
    queryKey: ['search', q, type ?? 'all'],
    queryFn: ({ signal }) => search(q, type, signal),
    enabled: q.trim().length >= SEARCH_QUERY_MIN,
    placeholderData: keepPreviousData,
  });

export const useSearch = (q: string, type: SearchType | undefined) => useQuery(searchQueryOptions(q, type));
