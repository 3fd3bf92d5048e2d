import { type CreateTaskInput, TaskView } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { matterQueryKey } from './get-matter';

export const createTask = (matterId: string, input: CreateTaskInput) =>
  apiJson(`/api/v1/matters/${encodeURIComponent(matterId)}/tasks`, TaskView, { method: 'POST', body: input });

export const useCreateTask = (matterId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTaskInput) => createTask(matterId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: matterQueryKey(matterId) }),
  });
};
