import { ConflictCheckView, type RunConflictCheckInput } from '@redress/core';
import { useMutation } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const runConflictCheck = (input: RunConflictCheckInput) =>
  apiJson('/api/v1/conflict-checks', ConflictCheckView, { method: 'POST', body: input });

export const useRunConflictCheck = () => useMutation({ mutationFn: runConflictCheck });
