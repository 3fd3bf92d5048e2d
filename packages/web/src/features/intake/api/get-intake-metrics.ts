import { IntakeMetricsView } from '@redress/core';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { intakesQueryKey } from './list-intakes';

export type IntakeMetricsRange = { from?: string; to?: string };

export const getIntakeMetrics = (range: IntakeMetricsRange, signal?: AbortSignal) =>
  apiJson('/api/v1/intakes/metrics', IntakeMetricsView, { query: range, ...(signal ? { signal } : {}) });

export const intakeMetricsQueryOptions = (range: IntakeMetricsRange) =>
  queryOptions({
    queryKey: [...intakesQueryKey, 'metrics', range],
    queryFn: ({ signal }) => getIntakeMetrics(range, signal),
    placeholderData: keepPreviousData,
  });

export const useIntakeMetrics = (range: IntakeMetricsRange) => useQuery(intakeMetricsQueryOptions(range));
