import { MatterDetail } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

/** Everything about one matter lives under this key: the record, tasks, notes, parties, activity. */
export const matterQueryKey = (matterId: string) => ['matters', 'matter', matterId] as const;

export const getMatter = (matterId: string, signal?: AbortSignal) =>
  apiJson(`/api/v1/matters/${encodeURIComponent(matterId)}`, MatterDetail, signal ? { signal } : {});

export const matterQueryOptions = (matterId: string) =>
  queryOptions({
    queryKey: [...matterQueryKey(matterId), 'record'],
    queryFn: ({ signal }) => getMatter(matterId, signal),
  });

export const useMatter = (matterId: string) => useQuery(matterQueryOptions(matterId));
