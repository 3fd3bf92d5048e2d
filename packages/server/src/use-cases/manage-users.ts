import type { CreateUserInput, UpdateUserInput, UserView } from '@redress/core';
import {
  countActiveAdministrators,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  revokeUserSessions,
  updateUser,
} from '@redress/db';
import { sql } from 'kysely';
import type { RequestContext } from '../context.js';
import { type AppDeps, inTransaction } from '../deps.js';
import { type IssuedLink, issueSignInLink } from './credentials.js';
import { authorizeWorkspace, failWith } from './policy.js';
import { presentUser } from './presenters.js';

export const listAllUsers = async (deps: AppDeps, ctx: RequestContext): Promise<UserView[]> => {
  authorizeWorkspace(ctx, 'user.manage');
  return (await listUsers(deps.database.db)).map(presentUser);
};

const EMAIL_TAKEN = () =>
  failWith('conflict', 'user.email_taken', 'A user with this email already exists', { email: 'Already in use' });

const isUniqueViolation = (e: unknown) => (e as { code?: unknown } | null)?.code === '23505';

// Changes to roles and to disabled flags are serialised: two administrators demoting each other at
// the same moment would otherwise both see two administrators and leave none.
const USER_ROLES_LOCK_KEY = 727_005;

/** A new user has no password: they choose one through the one-time invitation link. */
export const createUser = (deps: AppDeps, ctx: RequestContext, input: CreateUserInput) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const actor = authorizeWorkspace(ctx, 'user.manage');
    if (await findUserByEmail(tx, input.email)) return EMAIL_TAKEN();
    // Another request may insert the same email between the check and the insert: the unique index decides.
    const user = await insertUser(tx, { id: deps.newId(), ...input, passwordHash: null, now: deps.clock.now() }).catch(
      (e: unknown) => (isUniqueViolation(e) ? EMAIL_TAKEN() : Promise.reject(e)),
    );
    const signInLink = await issueSignInLink(tx, deps, user.id, 'invite', actor.userId);
    await audit({
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      details: { email: user.email, role: user.role },
    });
    return { user: presentUser(user), signInLink };
  });

export const updateUserAccount = (deps: AppDeps, ctx: RequestContext, id: string, input: UpdateUserInput) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    authorizeWorkspace(ctx, 'user.manage');
    if (input.role !== undefined || input.isDisabled !== undefined) {
      await sql`SELECT pg_advisory_xact_lock(${USER_ROLES_LOCK_KEY})`.execute(tx);
    }
    const user = await findUserById(tx, id);
    if (!user) return failWith('not_found', 'user.not_found', 'No such user');
    const losesAdmin =
      user.role === 'administrator' &&
      !user.is_disabled &&
      ((input.role !== undefined && input.role !== 'administrator') || input.isDisabled === true);
    if (losesAdmin && (await countActiveAdministrators(tx)) <= 1) {
      return failWith(
        'unprocessable',
        'user.last_administrator',
        'The workspace needs at least one active administrator',
        {
          [input.isDisabled ? 'isDisabled' : 'role']: 'This is the last active administrator',
        },
      );
    }
    const now = deps.clock.now();
    const updated = await updateUser(
      tx,
      id,
      {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.isDisabled !== undefined ? { is_disabled: input.isDisabled } : {}),
      },
      now,
    );
    if (!updated) return failWith('not_found', 'user.not_found', 'No such user');
    // A disabled user, or one whose role changed, starts again from a fresh session.
    if (input.isDisabled === true || (input.role !== undefined && input.role !== user.role)) {
      await revokeUserSessions(tx, id, now);
    }
    const changes: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== user.name) changes.name = { from: user.name, to: input.name };
    if (input.role !== undefined && input.role !== user.role) changes.role = { from: user.role, to: input.role };
    if (input.isDisabled !== undefined && input.isDisabled !== user.is_disabled) {
      changes.isDisabled = { from: user.is_disabled, to: input.isDisabled };
    }
    await audit({ action: 'user.updated', entityType: 'user', entityId: id, details: changes });
    return presentUser(updated);
  });

/**
 * An administrator's reset: the old password stops working at once, every session ends, and the user
 * sets a new password through a one-time link the administrator hands over.
 */
export const resetUserPassword = (deps: AppDeps, ctx: RequestContext, id: string): Promise<IssuedLink> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const actor = authorizeWorkspace(ctx, 'user.manage');
    const user = await findUserById(tx, id);
    if (!user) return failWith('not_found', 'user.not_found', 'No such user');
    const now = deps.clock.now();
    await updateUser(tx, id, { password_hash: null, failed_login_count: 0, locked_until: null }, now);
    await revokeUserSessions(tx, id, now);
    const link = await issueSignInLink(tx, deps, id, 'reset', actor.userId);
    await audit({ action: 'user.password_reset', entityType: 'user', entityId: id });
    return link;
  });
