import { type AddPlacementInput, PlacementAddedView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const addPlacement = (personId: string, input: Partial<AddPlacementInput>) =>
  apiJson(`/api/v1/people/${encodeURIComponent(personId)}/placements`, PlacementAddedView, {
    method: 'POST',
    body: input,
  });

export const useAddPlacement = (personId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<AddPlacementInput>) => addPlacement(personId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['people'] }),
  });
};
