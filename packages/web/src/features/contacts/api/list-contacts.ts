import { ContactPage } from '@redress/core';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { type ContactsSearch, toContactsQuery } from '../contacts-search';

export const contactsQueryKey = ['contacts'] as const;

export const listContacts = (search: ContactsSearch, signal?: AbortSignal) =>
  apiJson('/api/v1/contacts', ContactPage, { query: toContactsQuery(search), ...(signal ? { signal } : {}) });

export const contactsQueryOptions = (search: ContactsSearch) =>
  queryOptions({
    queryKey: [...contactsQueryKey, 'list', search],
    queryFn: ({ signal }) => listContacts(search, signal),
    placeholderData: keepPreviousData,
  });

export const useContacts = (search: ContactsSearch) => useQuery(contactsQueryOptions(search));
