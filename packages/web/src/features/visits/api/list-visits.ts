import { VisitPage } from '@redress/core';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { personQueryKey } from '../../person/api/get-person';

const PAGE_SIZE = 50;

export const listVisits = (personId: string, cursor: string | undefined, signal?: AbortSignal) =>
  apiJson('/api/v1/visits', VisitPage, {
    query: { personId, limit: PAGE_SIZE, cursor },
    ...(signal ? { signal } : {}),
  });

/** A person's visits, under the person's key: a visit changes the timeline and the correspondence too. */
export const personVisitsQueryOptions = (personId: string) =>
  infiniteQueryOptions({
    queryKey: [...personQueryKey(personId), 'visits'],
    queryFn: ({ pageParam, signal }) => listVisits(personId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export const usePersonVisits = (personId: string) => useInfiniteQuery(personVisitsQueryOptions(personId));

/** The calendar feed of scheduled and held visits; a calendar app reads it with an API token. */
export const visitsCalendarUrl = (personId?: string) =>
  `${window.location.origin}/api/v1/calendar/visits.ics${personId ? `?personId=${encodeURIComponent(personId)}` : ''}`;

/** A generated document's bytes (the request letter PDF). */
export const documentContentUrl = (documentId: string) => `/api/v1/documents/${encodeURIComponent(documentId)}/content`;
