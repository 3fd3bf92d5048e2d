import { FacilityView } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { facilitiesQueryKey } from './list-facilities';

export const facilityQueryKey = (facilityId: string) => [...facilitiesQueryKey, 'facility', facilityId] as const;

export const facilityQueryOptions = (facilityId: string) =>
  queryOptions({
    queryKey: facilityQueryKey(facilityId),
    queryFn: ({ signal }) => apiJson(`/api/v1/facilities/${encodeURIComponent(facilityId)}`, FacilityView, { signal }),
  });

export const useFacility = (facilityId: string) => useQuery(facilityQueryOptions(facilityId));
