import { ScreeningRowErrorList } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { screeningRunQueryKey } from './get-screening-run';

export const listScreeningErrors = (runId: string, signal?: AbortSignal) =>
  apiJson(
    `/api/v1/screening/runs/${encodeURIComponent(runId)}/errors`,
    ScreeningRowErrorList,
    signal ? { signal } : {},
  );

export const screeningErrorsQueryOptions = (runId: string) =>
  queryOptions({
    queryKey: [...screeningRunQueryKey(runId), 'errors'],
    queryFn: ({ signal }) => listScreeningErrors(runId, signal),
  });

export const useScreeningErrors = (runId: string, isEnabled: boolean) =>
  useQuery({ ...screeningErrorsQueryOptions(runId), enabled: isEnabled });
