import { OpenedMatterBody, type PathwayId } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { personQueryKey } from '../../person/api/get-person';

export type OpenMatterFromScreeningInput = { personId: string; pathway: PathwayId; asOf?: string };

/** Opens a matter of the pathway's type for the person, from a screening result. */
export const openMatterFromScreening = ({ personId, pathway, asOf }: OpenMatterFromScreeningInput) =>
  apiJson(`/api/v1/people/${encodeURIComponent(personId)}/screening/matters`, OpenedMatterBody, {
    method: 'POST',
    body: asOf ? { pathway, asOf } : { pathway },
  });

export const useOpenMatterFromScreening = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openMatterFromScreening,
    onSuccess: (_matter, { personId }) => {
      void queryClient.invalidateQueries({ queryKey: personQueryKey(personId) });
      void queryClient.invalidateQueries({ queryKey: ['matters'] });
      void queryClient.invalidateQueries({ queryKey: ['board'] });
    },
  });
};
