import { TeamList } from '@redress/core';
import { queryOptions } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

/** A matter's team: the people a visit or a letter can name as visitors or sender. */
export const matterTeamQueryOptions = (matterId: string) =>
  queryOptions({
    queryKey: ['matters', 'matter', matterId, 'team'],
    queryFn: ({ signal }) => apiJson(`/api/v1/matters/${encodeURIComponent(matterId)}/team`, TeamList, { signal }),
  });
