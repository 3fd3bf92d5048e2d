import { AcceptedIntakeView, type AcceptIntakeInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { intakesQueryKey } from './list-intakes';

export type AcceptIntakeVariables = {
  intakeId: string;
  acceptance: Partial<AcceptIntakeInput> & Pick<AcceptIntakeInput, 'matterType'>;
};

/** The intake becomes a person and a matter, from what the questionnaire holds. */
export const acceptIntake = ({ intakeId, acceptance }: AcceptIntakeVariables) =>
  apiJson(`/api/v1/intakes/${encodeURIComponent(intakeId)}/accept`, AcceptedIntakeView, {
    method: 'POST',
    body: acceptance,
  });

export const useAcceptIntake = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptIntake,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: intakesQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['people'] }),
        queryClient.invalidateQueries({ queryKey: ['matters'] }),
      ]),
  });
};
