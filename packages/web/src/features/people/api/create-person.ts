import { CreatedPersonView, type CreatePersonInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { peopleQueryKey } from './list-people';

/** The input as the form sends it: defaults are filled in by the server's schema. */
export type NewPerson = Partial<CreatePersonInput> & Pick<CreatePersonInput, 'legalName'>;

export const createPerson = (input: NewPerson) =>
  apiJson('/api/v1/people', CreatedPersonView, { method: 'POST', body: input });

export const useCreatePerson = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
  });
};
