import { PeoplePage } from '@redress/core';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { type PeopleSearch, toPeopleQuery } from '../people-search';

export const peopleQueryKey = ['people'] as const;

export const listPeople = (search: PeopleSearch, signal?: AbortSignal) =>
  apiJson('/api/v1/people', PeoplePage, { query: toPeopleQuery(search), ...(signal ? { signal } : {}) });

export const peopleQueryOptions = (search: PeopleSearch) =>
  queryOptions({
    queryKey: [...peopleQueryKey, 'list', search],
    queryFn: ({ signal }) => listPeople(search, signal),
    placeholderData: keepPreviousData,
  });

export const usePeople = (search: PeopleSearch) => useQuery(peopleQueryOptions(search));
