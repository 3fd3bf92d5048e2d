import { FacilityView, type UpdateFacilityInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { facilityQueryKey } from './get-facility';
import { facilitiesQueryKey } from './list-facilities';

export const updateFacility = (facilityId: string, input: UpdateFacilityInput) =>
  apiJson(`/api/v1/facilities/${encodeURIComponent(facilityId)}`, FacilityView, { method: 'PATCH', body: input });

export const useUpdateFacility = (facilityId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateFacilityInput) => updateFacility(facilityId, input),
    onSuccess: (facility) => {
      queryClient.setQueryData(facilityQueryKey(facilityId), facility);
      void queryClient.invalidateQueries({ queryKey: [...facilitiesQueryKey, 'list'] });
    },
  });
};
