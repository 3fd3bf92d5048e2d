import { PersonScreeningFacts } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { personScreeningQueryKey } from './get-person-screening';

export const screeningFactsQueryKey = (personId: string) => [...personScreeningQueryKey(personId), 'facts'] as const;

export const getScreeningFacts = (personId: string, signal?: AbortSignal) =>
  apiJson(
    `/api/v1/people/${encodeURIComponent(personId)}/screening-facts`,
    PersonScreeningFacts,
    signal ? { signal } : {},
  );

export const screeningFactsQueryOptions = (personId: string) =>
  queryOptions({
    queryKey: screeningFactsQueryKey(personId),
    queryFn: ({ signal }) => getScreeningFacts(personId, signal),
    staleTime: 0,
  });

export const useScreeningFacts = (personId: string) => useQuery(screeningFactsQueryOptions(personId));
