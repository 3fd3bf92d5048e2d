import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from './api/get-session';
import { forgetSession } from './session-cache';

/**
 * A 401 on an ordinary request usually means the session ended, but some routes also answer 401 for a
 * wrong password. Asking the session route tells the two apart before anyone is sent to sign in.
 */
export const recheckSession = async (queryClient: QueryClient): Promise<void> => {
  try {
    const session = await queryClient.fetchQuery({ ...sessionQueryOptions(), staleTime: 0 });
    if (!session) forgetSession(queryClient, 'expired');
  } catch {
    // The server is unreachable; the failing request already shows its own error.
  }
};
