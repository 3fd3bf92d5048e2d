import { IntakePage } from '@redress/core';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { type IntakeSearch, toIntakeQuery } from '../intake-search';

export const intakesQueryKey = ['intakes'] as const;

export const listIntakes = (search: IntakeSearch, signal?: AbortSignal) =>
  apiJson('/api/v1/intakes', IntakePage, { query: toIntakeQuery(search), ...(signal ? { signal } : {}) });

export const intakesQueryOptions = (search: IntakeSearch) =>
  queryOptions({
    queryKey: [...intakesQueryKey, 'list', search],
    queryFn: ({ signal }) => listIntakes(search, signal),
    placeholderData: keepPreviousData,
  });

export const useIntakes = (search: IntakeSearch) => useQuery(intakesQueryOptions(search));
