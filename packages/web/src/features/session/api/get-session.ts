import { SessionView } from '@redress/core';
import { queryOptions } from '@tanstack/react-query';
import { apiJson, isApiError, setCsrfToken } from '../../../lib/api-client';
import { sessionQueryKey } from '../session-cache';

/** The current session, or null when signed out (401 is an answer here, not a failure). */
export const getSession = async (): Promise<SessionView | null> => {
  try {
    const session = await apiJson('/api/v1/auth/session', SessionView, { isUnauthenticatedExpected: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
};

export const sessionQueryOptions = () =>
  queryOptions({ queryKey: sessionQueryKey, queryFn: getSession, staleTime: 60_000 });
