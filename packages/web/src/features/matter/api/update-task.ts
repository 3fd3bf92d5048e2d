import { TaskView, type UpdateTaskInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { matterQueryKey } from './get-matter';

export type UpdateTaskVariables = { taskId: string; changes: UpdateTaskInput };

export const updateTask = ({ taskId, changes }: UpdateTaskVariables) =>
  apiJson(`/api/v1/tasks/${encodeURIComponent(taskId)}`, TaskView, { method: 'PATCH', body: changes });

export const useUpdateTask = (matterId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTask,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: matterQueryKey(matterId) }),
  });
};
