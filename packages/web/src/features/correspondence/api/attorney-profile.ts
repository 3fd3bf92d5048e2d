import { AttorneyProfileBody, type AttorneyProfileInput } from '@redress/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, isApiError } from '../../../lib/api-client';

export const attorneyProfileQueryKey = (userId: string) => ['users', userId, 'attorney-profile'] as const;

const path = (userId: string) => `/api/v1/users/${encodeURIComponent(userId)}/attorney-profile`;

/** The profile, or null when none is written yet (404). */
export const getAttorneyProfile = async (userId: string, signal?: AbortSignal) => {
  try {
    return await apiJson(path(userId), AttorneyProfileBody, signal ? { signal } : {});
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
};

export const attorneyProfileQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: attorneyProfileQueryKey(userId),
    queryFn: ({ signal }) => getAttorneyProfile(userId, signal),
  });

export const useAttorneyProfile = (userId: string) => useQuery(attorneyProfileQueryOptions(userId));

export const saveAttorneyProfile = (userId: string, input: AttorneyProfileInput) =>
  apiJson(path(userId), AttorneyProfileBody, { method: 'PUT', body: input });

export const useSaveAttorneyProfile = (userId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AttorneyProfileInput) => saveAttorneyProfile(userId, input),
    onSuccess: (saved) => queryClient.setQueryData(attorneyProfileQueryKey(userId), saved),
  });
};
