import {
  type AttorneyProfileBody,
  type AttorneyProfileInput,
  AttorneyProfileInput as AttorneyProfileSchema,
  DomainFailure,
  decide,
  domainError,
  senderBlock,
} from '@redress/core';
import { type AttorneyProfileRow, findAttorneyProfile, findUserById, upsertAttorneyProfile } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { requireActor } from '../policy.js';

/**
 * The attorney profile a legal-mail letter is sent from: the name, title and State Bar address the
 * return address must show. Read and changed by the user themself or an administrator.
 */
const notFound = () => new DomainFailure(domainError('not_found', 'attorney_profile.not_found', 'No attorney profile'));

/** The named rule: a user manages their own profile; administrators manage anyone's. */
const requireSelfOrAdministrator = (ctx: RequestContext, userId: string) => {
  if (!ctx.actor && ctx.operator) return;
  const actor = requireActor(ctx);
  if (actor.userId === userId) return;
  if (!decide({ role: actor.role, action: 'user.manage', membership: 'none', isPrivileged: false }).allowed) {
    throw new DomainFailure(
      domainError(
        'forbidden',
        'access.denied',
        'Only the user themself or an administrator manages an attorney profile',
      ),
    );
  }
};

export const presentAttorneyProfile = (row: AttorneyProfileRow): AttorneyProfileBody => {
  const block = senderBlock({
    attorneyName: row.display_name,
    title: row.title,
    barAddressLines: row.bar_address_lines,
  });
  return {
    userId: row.user_id,
    displayName: row.display_name,
    title: row.title,
    barNumber: row.bar_number,
    barState: row.bar_state,
    barAddressLines: row.bar_address_lines,
    phone: row.phone,
    email: row.email,
    returnAddress: block.ok ? block.value : [],
    updatedAt: row.updated_at.toISOString(),
  };
};

export const getAttorneyProfile = async (
  deps: Pick<AppDeps, 'database'>,
  ctx: RequestContext,
  userId: string,
): Promise<AttorneyProfileBody> => {
  requireSelfOrAdministrator(ctx, userId);
  const row = await findAttorneyProfile(deps.database.db, userId);
  if (!row) throw notFound();
  return presentAttorneyProfile(row);
};

/** Creates or replaces the profile. Audited as `attorney_profile.updated`. */
export const putAttorneyProfile = async (
  deps: AppDeps,
  ctx: RequestContext,
  userId: string,
  input: AttorneyProfileInput,
): Promise<AttorneyProfileBody> => {
  requireSelfOrAdministrator(ctx, userId);
  const v = AttorneyProfileSchema.parse(input);
  return inTransaction(deps, ctx, async (tx, audit) => {
    if (!(await findUserById(tx, userId)))
      throw new DomainFailure(domainError('not_found', 'user.not_found', 'No such user'));
    const row = await upsertAttorneyProfile(
      tx,
      userId,
      {
        displayName: v.displayName,
        title: v.title,
        barNumber: v.barNumber,
        barState: v.barState.toUpperCase(),
        barAddressLines: v.barAddressLines,
        phone: v.phone,
        email: v.email,
      },
      deps.clock.now(),
    );
    await audit({
      action: 'attorney_profile.updated',
      entityType: 'user',
      entityId: userId,
      details: {
        displayName: v.displayName,
        title: v.title,
        barNumber: v.barNumber,
        barAddressLines: v.barAddressLines,
      },
    });
    return presentAttorneyProfile(row);
  });
};
