import { TaskList } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { matterQueryKey } from './get-matter';

export const matterTasksQueryOptions = (matterId: string) =>
  queryOptions({
    queryKey: [...matterQueryKey(matterId), 'tasks'],
    queryFn: ({ signal }) =>
      apiJson(`/api/v1/matters/${encodeURIComponent(matterId)}/tasks`, TaskList, { query: { status: 'all' }, signal }),
  });

export const useMatterTasks = (matterId: string) => useQuery(matterTasksQueryOptions(matterId));
