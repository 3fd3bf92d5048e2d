import { type Action, decide, type MatterAction, type Membership, membershipOf, scopePermits } from '@redress/core';
import { type Executor, findVisibleMatter, type ViewedMatterRow, type Viewer } from '@redress/db';
import type { Actor, RequestContext } from '../../context.js';
import { failWith, requireActor } from '../policy.js';

/** Who reads: the signed-in user, as the access-filtered queries need them. */
export const viewerOf = (ctx: RequestContext): Viewer & { actor: Actor } => {
  const actor = requireActor(ctx);
  return { userId: actor.userId, role: actor.role, actor };
};

/** Whether the actor may do `action`: the policy for their role and membership, and their token's scopes. */
export const isAllowed = (actor: Actor, action: Action, membership: Membership, isPrivileged: boolean): boolean =>
  decide({ role: actor.role, action, membership, isPrivileged }).allowed &&
  (actor.scopes === null || scopePermits(actor.scopes, action));

/**
 * Named policy check for an action on a matter the actor can already see. Refused reads answer as if
 * the record did not exist; refused writes on a visible record are 403, naming why.
 */
export const authorizeMatter = (
  actor: Actor,
  action: MatterAction,
  membership: Membership,
  isPrivileged: boolean,
  hidden: { code: string; message: string } = { code: 'matter.not_found', message: 'No such matter' },
): void => {
  const decision = decide({ role: actor.role, action, membership, isPrivileged });
  if (!decision.allowed) {
    if (action === 'matter.read' || action === 'matter.restricted.read') {
      failWith('not_found', hidden.code, hidden.message);
    }
    const why =
      decision.reason === 'privilege'
        ? "Only the matter's legal team may do that"
        : decision.reason === 'membership'
          ? "Only the matter's team may do that"
          : 'Your role does not allow that';
    failWith('forbidden', 'access.denied', why);
  }
  if (actor.scopes !== null && !scopePermits(actor.scopes, action)) {
    failWith('forbidden', 'access.denied', 'This API token lacks the scope for that');
  }
};

export type LoadedMatter = { matter: ViewedMatterRow; membership: Membership; viewer: Viewer & { actor: Actor } };

/** A matter the actor may see, and how they stand to it; 404 otherwise. */
export const loadMatter = async (
  db: Executor,
  ctx: RequestContext,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedMatter> => {
  const viewer = viewerOf(ctx);
  const matter = await findVisibleMatter(db, viewer, id, options);
  if (!matter) return failWith('not_found', 'matter.not_found', 'No such matter');
  return { matter, membership: membershipOf(viewer.role, matter.viewer_matter_role), viewer };
};

/** Loads a matter and checks an action on it in one step (most use cases start here). */
export const loadMatterFor = async (
  db: Executor,
  ctx: RequestContext,
  id: string,
  action: MatterAction,
  options: { forUpdate?: boolean; isPrivileged?: boolean } = {},
): Promise<LoadedMatter> => {
  const loaded = await loadMatter(db, ctx, id, options);
  authorizeMatter(loaded.viewer.actor, action, loaded.membership, options.isPrivileged ?? false);
  return loaded;
};

/** Today's date for defaults (UTC: the server keeps calendar dates, not instants). */
export const todayOf = (now: Date): string => now.toISOString().slice(0, 10);
