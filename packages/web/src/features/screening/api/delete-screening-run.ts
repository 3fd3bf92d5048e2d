import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { screeningRunsQueryKey } from './list-screening-runs';

export const deleteScreeningRun = (runId: string) =>
  apiSend(`/api/v1/screening/runs/${encodeURIComponent(runId)}`, { method: 'DELETE' });

export const useDeleteScreeningRun = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteScreeningRun,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: screeningRunsQueryKey }),
  });
};
