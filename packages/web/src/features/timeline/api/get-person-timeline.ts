import { PersonTimelineView } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { personQueryKey } from '../../person/api/get-person';

/** Under the person's key, so every change to the person redraws the timeline. */
export const personTimelineQueryOptions = (personId: string) =>
  queryOptions({
    queryKey: [...personQueryKey(personId), 'timeline'],
    queryFn: ({ signal }) =>
      apiJson(`/api/v1/people/${encodeURIComponent(personId)}/timeline`, PersonTimelineView, { signal }),
  });

export const usePersonTimeline = (personId: string) => useQuery(personTimelineQueryOptions(personId));
