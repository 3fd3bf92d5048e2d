import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { type SavedViewListName, savedViewsQueryKey } from './list-saved-views';

export const deleteSavedView = (id: string) =>
  apiSend(`/api/v1/saved-views/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const useDeleteSavedView = (list: SavedViewListName) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSavedView,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewsQueryKey(list) }),
  });
};
