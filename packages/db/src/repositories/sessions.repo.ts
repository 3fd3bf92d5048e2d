import type { Executor } from '../executor.js';

export type NewSession = {
  id: string;
  tokenHash: string;
  userId: string;
  csrfToken: string;
  isSecondFactorPending: boolean;
  ip: string | null;
  userAgent: string | null;
  now: Date;
};

export const insertSession = (db: Executor, s: NewSession) =>
  db
    .insertInto('sessions')
    .values({
      id: s.id,
      token_hash: s.tokenHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      is_second_factor_pending: s.isSecondFactorPending,
      ip: s.ip,
      user_agent: s.userAgent,
      created_at: s.now,
      last_seen_at: s.now,
      revoked_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const findLiveSessionByTokenHash = (db: Executor, tokenHash: string) =>
  db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

export const touchSession = (db: Executor, id: string, now: Date) =>
  db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();

export const completeSecondFactor = (db: Executor, id: string, now: Date) =>
  db.updateTable('sessions').set({ is_second_factor_pending: false, last_seen_at: now }).where('id', '=', id).execute();

export const revokeSession = (db: Executor, id: string, now: Date) =>
  db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();

/** Ends every live session of a user, optionally keeping one (the one that asked). */
export const revokeUserSessions = async (
  db: Executor,
  userId: string,
  now: Date,
  exceptId?: string,
): Promise<number> => {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
};

/** Housekeeping: remove sessions that ended long ago. */
export const deleteSessionsOlderThan = async (db: Executor, cutoff: Date): Promise<number> => {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('revoked_at', '<', cutoff), eb('last_seen_at', '<', cutoff)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
};
