import { ScreeningRunList } from '@redress/core';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const screeningRunsQueryKey = ['screening', 'runs'] as const;

const PAGE_SIZE = 25;

export const listScreeningRuns = (cursor: string | undefined, signal?: AbortSignal) =>
  apiJson('/api/v1/screening/runs', ScreeningRunList, {
    query: { limit: PAGE_SIZE, cursor },
    ...(signal ? { signal } : {}),
  });

/** While any run on the first page is queued or running, the list is read again every `pollMs`. */
export const screeningRunsQueryOptions = (pollMs: number) =>
  infiniteQueryOptions({
    queryKey: [...screeningRunsQueryKey, 'list'],
    queryFn: ({ pageParam, signal }) => listScreeningRuns(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) =>
        page.items.some((run) => run.state === 'queued' || run.state === 'running'),
      )
        ? pollMs
        : false,
  });

export const useScreeningRuns = (pollMs: number) => useInfiniteQuery(screeningRunsQueryOptions(pollMs));
