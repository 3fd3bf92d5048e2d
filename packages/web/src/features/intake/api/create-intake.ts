import { type CreateIntakeInput, IntakeDetail } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { intakesQueryKey } from './list-intakes';

/** The input as the form sends it: defaults are filled in by the server's schema. */
export type NewIntake = Partial<CreateIntakeInput> & Pick<CreateIntakeInput, 'channel'>;

export const createIntake = (input: NewIntake) =>
  apiJson('/api/v1/intakes', IntakeDetail, { method: 'POST', body: input });

export const useCreateIntake = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createIntake,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intakesQueryKey }),
  });
};
