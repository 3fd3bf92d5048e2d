import { type DocumentBody, IntakeDetail } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { intakesQueryKey } from './list-intakes';

export const intakeQueryKey = (intakeId: string) => [...intakesQueryKey, 'intake', intakeId] as const;

export const getIntake = (intakeId: string, signal?: AbortSignal) =>
  apiJson(`/api/v1/intakes/${encodeURIComponent(intakeId)}`, IntakeDetail, signal ? { signal } : {});

export const isOcrActive = (document: Pick<DocumentBody, 'ocr'>): boolean =>
  document.ocr.state === 'queued' || document.ocr.state === 'running';

/** While a document's text is being read, the intake is read again every `pollMs`. */
export const intakeQueryOptions = (intakeId: string, pollMs: number) =>
  queryOptions({
    queryKey: [...intakeQueryKey(intakeId), 'record'],
    queryFn: ({ signal }) => getIntake(intakeId, signal),
    refetchInterval: (query) => (query.state.data?.documents.some(isOcrActive) ? pollMs : false),
    staleTime: 0,
  });

export const useIntake = (intakeId: string, pollMs: number) => useQuery(intakeQueryOptions(intakeId, pollMs));
