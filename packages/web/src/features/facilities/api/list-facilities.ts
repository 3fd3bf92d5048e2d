import { FacilityPage } from '@redress/core';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { type FacilitiesSearch, toFacilitiesQuery } from '../facilities-search';

export const facilitiesQueryKey = ['facilities'] as const;

export const listFacilities = (search: FacilitiesSearch, signal?: AbortSignal) =>
  apiJson('/api/v1/facilities', FacilityPage, { query: toFacilitiesQuery(search), ...(signal ? { signal } : {}) });

export const facilitiesQueryOptions = (search: FacilitiesSearch) =>
  queryOptions({
    queryKey: [...facilitiesQueryKey, 'list', search],
    queryFn: ({ signal }) => listFacilities(search, signal),
    placeholderData: keepPreviousData,
  });

export const useFacilities = (search: FacilitiesSearch) => useQuery(facilitiesQueryOptions(search));
