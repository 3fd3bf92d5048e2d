import type { SessionView } from '@redress/core';
import { ENROL_PATH, lastSessionEndReason } from '../session/session-cache';

export type Here = { pathname: string; href: string };

/** Where the session says this person must go instead, or null when the current page is fine. */
export const detourFor = (session: SessionView | null | undefined, here: Here): string | null => {
  if (session === undefined) return null;
  if (session === null) {
    const isReturnWanted = here.pathname !== '/' && lastSessionEndReason() === 'expired';
    return isReturnWanted ? `/login?${new URLSearchParams({ redirect: here.href })}` : '/login';
  }
  if (session.mustEnrolTotp) return here.pathname === ENROL_PATH ? null : ENROL_PATH;
  return session.isComplete ? null : '/login';
};
