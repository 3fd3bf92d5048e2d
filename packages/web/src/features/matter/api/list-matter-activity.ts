import { ActivityPage } from '@redress/core';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { matterQueryKey } from './get-matter';

const PAGE_SIZE = 20;

export const listMatterActivity = (matterId: string, cursor: string | undefined, signal?: AbortSignal) =>
  apiJson(`/api/v1/matters/${encodeURIComponent(matterId)}/activity`, ActivityPage, {
    query: { limit: PAGE_SIZE, cursor },
    ...(signal ? { signal } : {}),
  });

export const matterActivityQueryOptions = (matterId: string) =>
  infiniteQueryOptions({
    queryKey: [...matterQueryKey(matterId), 'activity'],
    queryFn: ({ pageParam, signal }) => listMatterActivity(matterId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export const useMatterActivity = (matterId: string) => useInfiniteQuery(matterActivityQueryOptions(matterId));
