import { ContactDetail } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const contactQueryOptions = (contactId: string) =>
  queryOptions({
    queryKey: ['contacts', 'contact', contactId],
    queryFn: ({ signal }) => apiJson(`/api/v1/contacts/${encodeURIComponent(contactId)}`, ContactDetail, { signal }),
  });

export const useContact = (contactId: string) => useQuery(contactQueryOptions(contactId));
