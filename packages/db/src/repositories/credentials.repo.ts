import type { TokenScope } from '@redress/core';
import type { Executor } from '../executor.js';

// API tokens

export type NewApiToken = {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  scopes: TokenScope[];
  expiresAt: Date | null;
  now: Date;
};

export const insertApiToken = (db: Executor, t: NewApiToken) =>
  db
    .insertInto('api_tokens')
    .values({
      id: t.id,
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      prefix: t.prefix,
      scopes: t.scopes,
      created_at: t.now,
      last_used_at: null,
      expires_at: t.expiresAt,
      revoked_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const listApiTokens = (db: Executor, userId: string) =>
  db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();

export const findApiTokenByHash = (db: Executor, tokenHash: string) =>
  db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

export const touchApiToken = (db: Executor, id: string, now: Date) =>
  db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();

export const revokeApiToken = (db: Executor, id: string, userId: string, now: Date) =>
  db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();

// One-time sign-in links (invitations and password resets)

export type NewSignInLink = {
  id: string;
  userId: string;
  tokenHash: string;
  purpose: 'invite' | 'reset';
  createdBy: string | null;
  expiresAt: Date;
  now: Date;
};

export const insertSignInLink = async (db: Executor, l: NewSignInLink) => {
  // A new link supersedes any earlier unused one for the same user.
  await db
    .updateTable('sign_in_links')
    .set({ used_at: l.now })
    .where('user_id', '=', l.userId)
    .where('used_at', 'is', null)
    .execute();
  return db
    .insertInto('sign_in_links')
    .values({
      id: l.id,
      user_id: l.userId,
      token_hash: l.tokenHash,
      purpose: l.purpose,
      created_by: l.createdBy,
      created_at: l.now,
      expires_at: l.expiresAt,
      used_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
};

export const findUsableSignInLink = (db: Executor, tokenHash: string, now: Date) =>
  db
    .selectFrom('sign_in_links')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();

/** Marks a link used; false if somebody used it first (a link works exactly once). */
export const consumeSignInLink = async (db: Executor, id: string, now: Date): Promise<boolean> => {
  const r = await db
    .updateTable('sign_in_links')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

// Recovery codes

export const replaceRecoveryCodes = async (db: Executor, userId: string, codes: { id: string; codeHash: string }[]) => {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (codes.length > 0) {
    await db
      .insertInto('recovery_codes')
      .values(codes.map((c) => ({ id: c.id, user_id: userId, code_hash: c.codeHash, used_at: null })))
      .execute();
  }
};

/** Uses a recovery code once; false if it does not exist or was used already. */
export const consumeRecoveryCode = async (
  db: Executor,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> => {
  const r = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};

export const countUnusedRecoveryCodes = async (db: Executor, userId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('recovery_codes')
        .select(db.fn.countAll().as('n'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirst()
    )?.n ?? 0,
  );
