import { PersonContactList } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { personQueryKey } from './get-person';

export const listPersonContacts = (personId: string, signal?: AbortSignal) =>
  apiJson(`/api/v1/people/${encodeURIComponent(personId)}/contacts`, PersonContactList, signal ? { signal } : {});

export const personContactsQueryOptions = (personId: string) =>
  queryOptions({
    queryKey: [...personQueryKey(personId), 'contacts'],
    queryFn: ({ signal }) => listPersonContacts(personId, signal),
  });

export const usePersonContacts = (personId: string) => useQuery(personContactsQueryOptions(personId));
