import type { BoardView, MatterType } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changeMatterStage } from '../../matter/api/change-stage';
import { moveCard } from '../move-card';
import { boardQueryKey } from './get-board';

export type MoveMatterInput = { matterId: string; stage: string };

/**
 * Moves a card at once (optimistic) and asks the server; if the server refuses, the board goes back
 * to how it was. Either way the board is then re-read.
 */
export const useMoveMatter = (type: MatterType) => {
  const queryClient = useQueryClient();
  const key = boardQueryKey(type);
  return useMutation({
    mutationFn: changeMatterStage,
    onMutate: async ({ matterId, stage }: MoveMatterInput) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<BoardView>(key);
      if (previous) queryClient.setQueryData<BoardView>(key, moveCard(previous, matterId, stage));
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: (_data, _error, { matterId }) => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['matters', 'matter', matterId] });
      void queryClient.invalidateQueries({ queryKey: ['matters', 'list'] });
    },
  });
};
