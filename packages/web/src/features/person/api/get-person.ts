import { PersonView } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

/** Everything about one person lives under this key: the record, the timeline and the activity. */
export const personQueryKey = (personId: string) => ['people', 'person', personId] as const;

export const getPerson = (personId: string, signal?: AbortSignal) =>
  apiJson(`/api/v1/people/${encodeURIComponent(personId)}`, PersonView, signal ? { signal } : {});

export const personQueryOptions = (personId: string) =>
  queryOptions({
    queryKey: [...personQueryKey(personId), 'record'],
    queryFn: ({ signal }) => getPerson(personId, signal),
  });

export const usePerson = (personId: string) => useQuery(personQueryOptions(personId));
