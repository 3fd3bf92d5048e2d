import type { Selectable } from 'kysely';
import type { Executor } from '../executor.js';
import type { ApiTokenTable, OrganisationTable, SessionTable, UserTable } from '../tables.js';

/**
 * Authentication runs on every request: one round trip fetches the credential, its user and the
 * organisation's session rules together (on PGlite every query queues for the one connection).
 */
export type SessionContext = {
  session: Selectable<SessionTable>;
  user: Selectable<UserTable>;
  organisation: Selectable<OrganisationTable>;
};

export const findSessionContext = async (db: Executor, tokenHash: string): Promise<SessionContext | undefined> => {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .crossJoin('organisation as o')
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .select((eb) => [
      eb.fn.toJson('s').as('session'),
      eb.fn.toJson('u').as('user'),
      eb.fn.toJson('o').as('organisation'),
    ])
    .executeTakeFirst();
  return row ? revive(row as unknown as Record<keyof SessionContext, Record<string, unknown>>) : undefined;
};

export type TokenContext = {
  token: Selectable<ApiTokenTable>;
  user: Selectable<UserTable>;
  organisation: Selectable<OrganisationTable>;
};

export const findTokenContext = async (db: Executor, tokenHash: string): Promise<TokenContext | undefined> => {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .crossJoin('organisation as o')
    .where('t.token_hash', '=', tokenHash)
    .select((eb) => [eb.fn.toJson('t').as('token'), eb.fn.toJson('u').as('user'), eb.fn.toJson('o').as('organisation')])
    .executeTakeFirst();
  return row ? revive(row as unknown as Record<keyof TokenContext, Record<string, unknown>>) : undefined;
};

// to_json turns timestamps into ISO strings; the rest of the code expects Date, as from a plain select.
const TIMESTAMP_COLUMNS = new Set([
  'created_at',
  'updated_at',
  'last_seen_at',
  'revoked_at',
  'last_used_at',
  'expires_at',
  'totp_enabled_at',
  'locked_until',
  'last_sign_in_at',
]);

const reviveRow = (r: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k, TIMESTAMP_COLUMNS.has(k) && typeof v === 'string' ? new Date(v) : v]),
  );

const revive = <T>(row: Record<string, Record<string, unknown>>): T =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, reviveRow(v)])) as T;
