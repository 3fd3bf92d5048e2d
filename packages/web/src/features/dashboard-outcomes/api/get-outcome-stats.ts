import { OutcomeStatsView } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const outcomeStatsQueryOptions = () =>
  queryOptions({
    queryKey: ['stats', 'outcomes'],
    queryFn: ({ signal }) => apiJson('/api/v1/stats/outcomes', OutcomeStatsView, { signal }),
  });

export const useOutcomeStats = () => useQuery(outcomeStatsQueryOptions());
