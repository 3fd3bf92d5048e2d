import { ScreeningComparison } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { screeningRunQueryKey } from './get-screening-run';

export const COMPARISON_LIMIT = 500;

/** Who is new, who changed and who is gone in this run since an earlier one. */
export const compareScreeningRuns = (runId: string, earlierRunId: string, signal?: AbortSignal) =>
  apiJson(`/api/v1/screening/runs/${encodeURIComponent(runId)}/compare`, ScreeningComparison, {
    query: { with: earlierRunId, limit: COMPARISON_LIMIT },
    ...(signal ? { signal } : {}),
  });

export const screeningComparisonQueryOptions = (runId: string, earlierRunId: string) =>
  queryOptions({
    queryKey: [...screeningRunQueryKey(runId), 'compare', earlierRunId],
    queryFn: ({ signal }) => compareScreeningRuns(runId, earlierRunId, signal),
  });

export const useScreeningComparison = (runId: string, earlierRunId: string | undefined) =>
  useQuery({ ...screeningComparisonQueryOptions(runId, earlierRunId ?? ''), enabled: Boolean(earlierRunId) });
