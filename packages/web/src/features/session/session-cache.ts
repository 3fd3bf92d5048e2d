import type { SessionView } from '@redress/core';
import type { QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../lib/api-client';

export const sessionQueryKey = ['session'] as const;

/** The one page open to someone who owes two-factor enrolment. */
export const ENROL_PATH = '/account/two-factor';

export type SessionEnd = 'signed-out' | 'expired';

// Whether the last session ended by choice. After an expiry the person is sent back to the page they
// were on once signed in again; after a deliberate sign-out (perhaps on a shared computer) they are not.
let lastSessionEnd: SessionEnd = 'expired';
export const lastSessionEndReason = (): SessionEnd => lastSessionEnd;

/** Every answer that carries a session replaces the cached one and its CSRF token together. */
export const acceptSession = (queryClient: QueryClient, session: SessionView): void => {
  setCsrfToken(session.csrfToken);
  lastSessionEnd = 'expired';
  queryClient.setQueryData(sessionQueryKey, session);
};

/** Drops everything cached for the signed-out user: privileged data must not linger in memory. */
export const forgetSession = (queryClient: QueryClient, reason: SessionEnd): void => {
  setCsrfToken(null);
  lastSessionEnd = reason;
  // Session first: the signed-in layout watches it and leaves before the rest of the cache goes.
  queryClient.setQueryData(sessionQueryKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  // Mutations keep their variables, which include passwords and codes.
  queryClient.getMutationCache().clear();
};

/** Where a session belongs: enrolment when two-factor is owed, otherwise the requested page. */
export const landingPathFor = (session: SessionView, requested: string | undefined): string => {
  if (session.mustEnrolTotp) return ENROL_PATH;
  return requested ?? '/';
};
