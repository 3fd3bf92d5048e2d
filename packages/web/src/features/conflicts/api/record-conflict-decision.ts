import { ConflictCheckView, type DecideConflictCheckInput } from '@redress/core';
import { useMutation } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export type RecordConflictDecisionInput = { checkId: string } & DecideConflictCheckInput;

export const recordConflictDecision = ({ checkId, ...body }: RecordConflictDecisionInput) =>
  apiJson(`/api/v1/conflict-checks/${encodeURIComponent(checkId)}/decision`, ConflictCheckView, {
    method: 'POST',
    body,
  });

export const useRecordConflictDecision = () => useMutation({ mutationFn: recordConflictDecision });
