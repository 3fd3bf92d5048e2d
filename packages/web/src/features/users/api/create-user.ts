import { CreatedUserView, type CreateUserInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { usersQueryKey } from './list-users';

export const createUser = (input: CreateUserInput) =>
  apiJson('/api/v1/users', CreatedUserView, { method: 'POST', body: input });

export const useCreateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
};
