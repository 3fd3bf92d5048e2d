import { OpenedPersonBody } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export type OpenPersonFromScreeningInput = { runId: string; subjectId: string };

/** Opens a person in the roster as a person in the case file (or finds the one opened before). */
export const openPersonFromScreening = ({ runId, subjectId }: OpenPersonFromScreeningInput) =>
  apiJson(
    `/api/v1/screening/runs/${encodeURIComponent(runId)}/subjects/${encodeURIComponent(subjectId)}/person`,
    OpenedPersonBody,
    { method: 'POST' },
  );

export const useOpenPersonFromScreening = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openPersonFromScreening,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['people'] }),
  });
};
