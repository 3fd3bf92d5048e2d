import { MatterContactList } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { matterQueryKey } from './get-matter';

export const matterContactsQueryOptions = (matterId: string) =>
  queryOptions({
    queryKey: [...matterQueryKey(matterId), 'contacts'],
    queryFn: ({ signal }) =>
      apiJson(`/api/v1/matters/${encodeURIComponent(matterId)}/contacts`, MatterContactList, { signal }),
  });

export const useMatterContacts = (matterId: string) => useQuery(matterContactsQueryOptions(matterId));
