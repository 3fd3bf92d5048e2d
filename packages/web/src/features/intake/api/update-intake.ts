import { IntakeDetail, type UpdateIntakeInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { intakeQueryKey } from './get-intake';
import { intakesQueryKey } from './list-intakes';

export type UpdateIntakeVariables = { intakeId: string; changes: UpdateIntakeInput };

/** Sections of the questionnaire given replace the stored ones; sections left out are kept. */
export const updateIntake = ({ intakeId, changes }: UpdateIntakeVariables) =>
  apiJson(`/api/v1/intakes/${encodeURIComponent(intakeId)}`, IntakeDetail, { method: 'PATCH', body: changes });

export const useUpdateIntake = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateIntake,
    onSuccess: (intake) => {
      queryClient.setQueryData([...intakeQueryKey(intake.id), 'record'], intake);
      return queryClient.invalidateQueries({ queryKey: intakesQueryKey });
    },
  });
};
