import type { CreateTokenInput } from '@redress/core';
import { insertApiToken, insertSession, insertSignInLink, type Tx, type UserRow } from '@redress/db';
import type { RequestContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import { API_TOKEN_PREFIX } from '../http/authenticate.js';
import { randomToken, sha256Hex } from '../secrets/crypto.js';

export type IssuedSession = { token: string; sessionId: string; csrfToken: string; createdAt: Date };

/** A new session; the cookie gets `token`, the database only its hash. */
export const issueSession = async (
  tx: Tx,
  deps: Pick<AppDeps, 'clock' | 'newId'>,
  ctx: RequestContext,
  user: UserRow,
  isSecondFactorPending: boolean,
): Promise<IssuedSession> => {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const now = deps.clock.now();
  const row = await insertSession(tx, {
    id: deps.newId(),
    tokenHash: sha256Hex(token),
    userId: user.id,
    csrfToken,
    isSecondFactorPending,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    now,
  });
  return { token, sessionId: row.id, csrfToken, createdAt: now };
};

export const LINK_LIFETIME_HOURS = { invite: 7 * 24, reset: 24 } as const;

export type IssuedLink = { url: string; expiresAt: string };

/** A one-time sign-in link: an invitation, or a password reset. Only its hash is stored. */
export const issueSignInLink = async (
  tx: Tx,
  deps: Pick<AppDeps, 'clock' | 'newId' | 'publicUrl'>,
  userId: string,
  purpose: 'invite' | 'reset',
  createdBy: string | null,
): Promise<IssuedLink> => {
  const token = randomToken(32);
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_HOURS[purpose] * 3_600_000);
  await insertSignInLink(tx, {
    id: deps.newId(),
    userId,
    tokenHash: sha256Hex(token),
    purpose,
    createdBy,
    expiresAt,
    now,
  });
  return { url: `${deps.publicUrl.replace(/\/$/, '')}/link/${token}`, expiresAt: expiresAt.toISOString() };
};

/** A new API token for a user; the caller shows `token` once, the database keeps only its hash. */
export const mintApiToken = async (
  tx: Tx,
  deps: Pick<AppDeps, 'clock' | 'newId'>,
  userId: string,
  input: CreateTokenInput,
) => {
  const now = deps.clock.now();
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  const scopes = [...new Set(input.scopes)];
  const row = await insertApiToken(tx, {
    id: deps.newId(),
    userId,
    name: input.name,
    tokenHash: sha256Hex(token),
    prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    scopes,
    expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    now,
  });
  return { token, row, scopes };
};
