import { PersonActivityPage } from '@redress/core';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { personQueryKey } from './get-person';

const PAGE_SIZE = 20;

export const listPersonActivity = (personId: string, cursor: string | undefined, signal?: AbortSignal) =>
  apiJson(`/api/v1/people/${encodeURIComponent(personId)}/activity`, PersonActivityPage, {
    query: { limit: PAGE_SIZE, cursor },
    ...(signal ? { signal } : {}),
  });

export const personActivityQueryOptions = (personId: string) =>
  infiniteQueryOptions({
    queryKey: [...personQueryKey(personId), 'activity'],
    queryFn: ({ pageParam, signal }) => listPersonActivity(personId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export const usePersonActivity = (personId: string) => useInfiniteQuery(personActivityQueryOptions(personId));
