import { NotePage } from '@redress/core';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { matterQueryKey } from './get-matter';

const PAGE_SIZE = 20;

export const listNotes = (matterId: string, cursor: string | undefined, signal?: AbortSignal) =>
  apiJson(`/api/v1/matters/${encodeURIComponent(matterId)}/notes`, NotePage, {
    query: { limit: PAGE_SIZE, cursor },
    ...(signal ? { signal } : {}),
  });

export const notesQueryOptions = (matterId: string) =>
  infiniteQueryOptions({
    queryKey: [...matterQueryKey(matterId), 'notes'],
    queryFn: ({ pageParam, signal }) => listNotes(matterId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export const useNotes = (matterId: string) => useInfiniteQuery(notesQueryOptions(matterId));
