import { IntakeDetail } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { intakeQueryKey } from './get-intake';
import { intakesQueryKey } from './list-intakes';

export type RecordFirstResponseVariables = { intakeId: string; respondedOn?: string };

/** The day the first answer went out to the applicant, for the time-to-first-response figure. */
export const recordFirstResponse = ({ intakeId, respondedOn }: RecordFirstResponseVariables) =>
  apiJson(`/api/v1/intakes/${encodeURIComponent(intakeId)}/first-response`, IntakeDetail, {
    method: 'POST',
    body: respondedOn ? { respondedOn } : {},
  });

export const useRecordFirstResponse = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordFirstResponse,
    onSuccess: (intake) => {
      queryClient.setQueryData([...intakeQueryKey(intake.id), 'record'], intake);
      return queryClient.invalidateQueries({ queryKey: intakesQueryKey });
    },
  });
};
