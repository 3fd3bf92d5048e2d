import { PersonScreeningBody } from '@redress/core';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

/** Screening results live under the person's key, so a change to the case file refreshes them too. */
export const personScreeningQueryKey = (personId: string) => ['people', 'person', personId, 'screening'] as const;

export const getPersonScreening = (personId: string, asOf: string | undefined, signal?: AbortSignal) =>
  apiJson(`/api/v1/people/${encodeURIComponent(personId)}/screening`, PersonScreeningBody, {
    query: { asOf },
    ...(signal ? { signal } : {}),
  });

export const personScreeningQueryOptions = (personId: string, asOf: string | undefined) =>
  queryOptions({
    queryKey: [...personScreeningQueryKey(personId), 'results', asOf ?? 'today'],
    queryFn: ({ signal }) => getPersonScreening(personId, asOf, signal),
    placeholderData: keepPreviousData,
  });

export const usePersonScreening = (personId: string, asOf: string | undefined) =>
  useQuery(personScreeningQueryOptions(personId, asOf));
