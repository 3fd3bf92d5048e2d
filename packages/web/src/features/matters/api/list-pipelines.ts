import { PipelineList } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const pipelinesQueryOptions = () =>
  queryOptions({
    queryKey: ['pipelines'],
    queryFn: ({ signal }) => apiJson('/api/v1/pipelines', PipelineList, { signal }),
    staleTime: 5 * 60_000,
  });

export const usePipelines = () => useQuery(pipelinesQueryOptions());
