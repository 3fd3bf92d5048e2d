import { ScreeningRunBody } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { screeningRunsQueryKey } from './list-screening-runs';

export const screeningRunQueryKey = (runId: string) => [...screeningRunsQueryKey, 'run', runId] as const;

export const getScreeningRun = (runId: string, signal?: AbortSignal) =>
  apiJson(`/api/v1/screening/runs/${encodeURIComponent(runId)}`, ScreeningRunBody, signal ? { signal } : {});

export const isRunActive = (run: Pick<ScreeningRunBody, 'state'>): boolean =>
  run.state === 'queued' || run.state === 'running';

/** While the run is queued or running, its progress is read again every `pollMs`. */
export const screeningRunQueryOptions = (runId: string, pollMs: number) =>
  queryOptions({
    queryKey: [...screeningRunQueryKey(runId), 'record'],
    queryFn: ({ signal }) => getScreeningRun(runId, signal),
    refetchInterval: (query) => (query.state.data && !isRunActive(query.state.data) ? false : pollMs),
    staleTime: 0,
  });

export const useScreeningRun = (runId: string, pollMs: number) => useQuery(screeningRunQueryOptions(runId, pollMs));
