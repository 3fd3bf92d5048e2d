import type { Role } from '@redress/core';
import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../executor.js';
import type { UserTable } from '../tables.js';

export type UserRow = Selectable<UserTable>;

export const findUserById = (db: Executor, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByEmail = (db: Executor, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export const listUsers = (db: Executor) =>
  db.selectFrom('users').selectAll().orderBy('name').orderBy('email').execute();

export const countUsers = async (db: Executor): Promise<number> =>
  Number((await db.selectFrom('users').select(db.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);

export const countActiveAdministrators = async (db: Executor): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('users')
        .select(db.fn.countAll().as('n'))
        .where('role', '=', 'administrator')
        .where('is_disabled', '=', false)
        .executeTakeFirst()
    )?.n ?? 0,
  );

export type NewUser = { id: string; email: string; name: string; role: Role; passwordHash: string | null; now: Date };

export const insertUser = (db: Executor, u: NewUser) =>
  db
    .insertInto('users')
    .values({
      id: u.id,
      email: u.email.toLowerCase(),
      name: u.name,
      role: u.role,
      password_hash: u.passwordHash,
      totp_secret_enc: null,
      totp_pending_secret_enc: null,
      totp_enabled_at: null,
      totp_last_step: null,
      locked_until: null,
      last_sign_in_at: null,
      created_at: u.now,
      updated_at: u.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateUser = (db: Executor, id: string, changes: Updateable<UserTable>, now: Date) =>
  db
    .updateTable('users')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
