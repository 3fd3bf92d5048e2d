import { PartyList } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { matterQueryKey } from './get-matter';

export const partiesQueryOptions = (matterId: string) =>
  queryOptions({
    queryKey: [...matterQueryKey(matterId), 'parties'],
    queryFn: ({ signal }) => apiJson(`/api/v1/matters/${encodeURIComponent(matterId)}/parties`, PartyList, { signal }),
  });

export const useParties = (matterId: string) => useQuery(partiesQueryOptions(matterId));
