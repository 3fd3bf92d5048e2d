import { IntakeDetail } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export type OpenIntakeFromScreeningInput = { runId: string; subjectId: string };

/** Opens a person in the roster as an intake (a referral the roster fills in), for triage. */
export const openIntakeFromScreening = ({ runId, subjectId }: OpenIntakeFromScreeningInput) =>
  apiJson(
    `/api/v1/screening/runs/${encodeURIComponent(runId)}/subjects/${encodeURIComponent(subjectId)}/intake`,
    IntakeDetail,
    { method: 'POST' },
  );

export const useOpenIntakeFromScreening = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openIntakeFromScreening,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['intakes'] }),
  });
};
