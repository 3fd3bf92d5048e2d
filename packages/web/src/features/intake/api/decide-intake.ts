import { type DecideIntakeInput, IntakeDetail } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { intakeQueryKey } from './get-intake';
import { intakesQueryKey } from './list-intakes';

export type DecideIntakeVariables = { intakeId: string; decision: DecideIntakeInput };

/** Decline, waitlist or refer; accepting goes through accept-intake (it opens a person and a matter). */
export const decideIntake = ({ intakeId, decision }: DecideIntakeVariables) =>
  apiJson(`/api/v1/intakes/${encodeURIComponent(intakeId)}/decision`, IntakeDetail, {
    method: 'POST',
    body: decision,
  });

export const useDecideIntake = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideIntake,
    onSuccess: (intake) => {
      queryClient.setQueryData([...intakeQueryKey(intake.id), 'record'], intake);
      return queryClient.invalidateQueries({ queryKey: intakesQueryKey });
    },
  });
};
