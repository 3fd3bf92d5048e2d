import { ScreeningResultList } from '@redress/core';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { type ResultFilters, toResultQuery } from '../screening-run-search';
import { screeningRunQueryKey } from './get-screening-run';

export const RESULTS_PAGE_SIZE = 50;

export const listScreeningResults = (
  runId: string,
  filters: ResultFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
) =>
  apiJson(`/api/v1/screening/runs/${encodeURIComponent(runId)}/results`, ScreeningResultList, {
    query: { ...toResultQuery(filters), limit: RESULTS_PAGE_SIZE, cursor },
    ...(signal ? { signal } : {}),
  });

export const screeningResultsQueryOptions = (runId: string, filters: ResultFilters) =>
  infiniteQueryOptions({
    queryKey: [...screeningRunQueryKey(runId), 'results', filters],
    queryFn: ({ pageParam, signal }) => listScreeningResults(runId, filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useScreeningResults = (runId: string, filters: ResultFilters, isEnabled: boolean) =>
  useInfiniteQuery({ ...screeningResultsQueryOptions(runId, filters), enabled: isEnabled });
