import { IntakeDetail } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { intakeQueryKey } from './get-intake';
import { intakesQueryKey } from './list-intakes';

export type AssignIntakeVariables = { intakeId: string; userId: string | null };

export const assignIntake = ({ intakeId, userId }: AssignIntakeVariables) =>
  apiJson(`/api/v1/intakes/${encodeURIComponent(intakeId)}/assign`, IntakeDetail, {
    method: 'POST',
    body: { userId },
  });

export const useAssignIntake = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignIntake,
    onSuccess: (intake) => {
      queryClient.setQueryData([...intakeQueryKey(intake.id), 'record'], intake);
      return queryClient.invalidateQueries({ queryKey: intakesQueryKey });
    },
  });
};
