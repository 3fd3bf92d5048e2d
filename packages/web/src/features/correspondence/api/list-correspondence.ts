import { type CorrespondenceListQuery, CorrespondencePage, type CorrespondenceState } from '@redress/core';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { personQueryKey } from '../../person/api/get-person';

/** Every correspondence list lives under this key, so a change anywhere refreshes them all. */
export const correspondenceQueryKey = ['correspondence'] as const;

const PAGE_SIZE = 50;

type ListFilter = Pick<CorrespondenceListQuery, 'personId' | 'intakeId' | 'state'>;

export const listCorrespondence = (filter: ListFilter, cursor: string | undefined, signal?: AbortSignal) =>
  apiJson('/api/v1/correspondence', CorrespondencePage, {
    query: { ...filter, limit: PAGE_SIZE, cursor },
    ...(signal ? { signal } : {}),
  });

/** A person's letters in and out, under the person's key (a returned letter changes the person too). */
export const personCorrespondenceQueryOptions = (personId: string) =>
  infiniteQueryOptions({
    queryKey: [...personQueryKey(personId), 'correspondence'],
    queryFn: ({ pageParam, signal }) => listCorrespondence({ personId }, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export const usePersonCorrespondence = (personId: string) =>
  useInfiniteQuery(personCorrespondenceQueryOptions(personId));

/** Letters in one state across people (the outgoing-mail page lists the ready ones). */
export const correspondenceByStateQueryOptions = (state: CorrespondenceState) =>
  infiniteQueryOptions({
    queryKey: [...correspondenceQueryKey, 'state', state],
    queryFn: ({ pageParam, signal }) => listCorrespondence({ state }, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export const useCorrespondenceByState = (state: CorrespondenceState) =>
  useInfiniteQuery(correspondenceByStateQueryOptions(state));

/** The link that opens a letter's scan or generated PDF (the server sends it inline). */
export const correspondencePdfUrl = (id: string) => `/api/v1/correspondence/${encodeURIComponent(id)}/pdf`;
