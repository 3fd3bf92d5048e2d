import { domainError, sessionState } from '@redress/core';
import {
  findSessionContext,
  findTokenContext,
  revokeSession,
  touchApiToken,
  touchSession,
  type UserRow,
} from '@redress/db';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.js';
import { sha256Hex } from '../secrets/crypto.js';

export const SESSION_COOKIE = 'redress_session';
export const API_TOKEN_PREFIX = 'rdr_';

export type Authentication =
  | {
      kind: 'session';
      sessionId: string;
      csrfToken: string;
      user: UserRow;
      isSecondFactorPending: boolean;
      mustEnrolTotp: boolean;
      expiresAt: Date;
      createdAt: Date;
      organisationName: string;
    }
  | {
      kind: 'token';
      tokenId: string;
      scopes: ('read' | 'write' | 'admin')[];
      user: UserRow;
      organisationName: string;
      /** The organisation requires two-factor and the token's user has not enrolled: the token waits. */
      mustEnrolTotp: boolean;
    };

export type AuthOutcome = { auth: Authentication | null; failure: ReturnType<typeof domainError> | null };

// Writing last_seen on every request would turn every read into a write; a minute's precision is
// plenty for an idle timeout measured in tens of minutes.
const TOUCH_AFTER_MS = 60_000;

/** The bearer token; '' when an Authorization header is present but malformed (never fall back to the cookie). */
const bearerToken = (request: FastifyRequest): string | null => {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? '';
};

export const authenticate = async (deps: AppDeps, request: FastifyRequest): Promise<AuthOutcome> => {
  const db = deps.database.db;
  const now = deps.clock.now();
  const bearer = bearerToken(request);
  if (bearer !== null) {
    const invalid = {
      auth: null,
      failure: domainError('unauthenticated', 'auth.token_invalid', 'The API token is invalid, expired or revoked'),
    };
    if (!bearer.startsWith(API_TOKEN_PREFIX) || bearer.length > 200) return invalid;
    const found = await findTokenContext(db, sha256Hex(bearer));
    if (!found) return invalid;
    const { token, user, organisation: org } = found;
    if (token.revoked_at || (token.expires_at && token.expires_at <= now) || user.is_disabled) return invalid;
    if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() > TOUCH_AFTER_MS) {
      await touchApiToken(db, token.id, now);
    }
    return {
      auth: {
        kind: 'token',
        tokenId: token.id,
        scopes: token.scopes,
        user,
        organisationName: org.name,
        mustEnrolTotp: org.require_totp && !user.totp_enabled_at,
      },
      failure: null,
    };
  }

  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return { auth: null, failure: null };
  const found = await findSessionContext(db, sha256Hex(cookie));
  const expired = {
    auth: null,
    failure: domainError('unauthenticated', 'auth.session_expired', 'Your session has ended; sign in again'),
  };
  if (!found) return expired;
  const { session, user, organisation: org } = found;
  if (user.is_disabled) {
    await revokeSession(db, session.id, now);
    return expired;
  }
  const state = sessionState(
    { createdAt: session.created_at, lastSeenAt: session.last_seen_at },
    { idleMinutes: org.session_idle_minutes, absoluteHours: org.session_absolute_hours },
    now,
  );
  if (!state.isValid) {
    await revokeSession(db, session.id, now);
    return expired;
  }
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_AFTER_MS) await touchSession(db, session.id, now);
  return {
    auth: {
      kind: 'session',
      sessionId: session.id,
      csrfToken: session.csrf_token,
      user,
      isSecondFactorPending: session.is_second_factor_pending,
      mustEnrolTotp: org.require_totp && !user.totp_enabled_at,
      expiresAt: state.expiresAt,
      createdAt: session.created_at,
      organisationName: org.name,
    },
    failure: null,
  };
};
