import { type SessionView, sessionState } from '@redress/core';
import type { OrganisationTable, UserRow } from '@redress/db';
import type { Selectable } from 'kysely';
import { presentUser } from './presenters.js';

export const buildSessionView = (
  user: UserRow,
  org: Selectable<OrganisationTable>,
  session: { csrfToken: string; isSecondFactorPending: boolean; createdAt: Date; lastSeenAt: Date },
  now: Date,
): SessionView => {
  const state = sessionState(
    { createdAt: session.createdAt, lastSeenAt: session.lastSeenAt },
    { idleMinutes: org.session_idle_minutes, absoluteHours: org.session_absolute_hours },
    now,
  );
  const mustEnrolTotp = org.require_totp && !user.totp_enabled_at;
  return {
    user: presentUser(user),
    csrfToken: session.csrfToken,
    isComplete: !session.isSecondFactorPending && !mustEnrolTotp,
    needsSecondFactor: session.isSecondFactorPending,
    mustEnrolTotp: !session.isSecondFactorPending && mustEnrolTotp,
    organisationName: org.name,
    expiresAt: (state.isValid ? state.expiresAt : now).toISOString(),
  };
};
