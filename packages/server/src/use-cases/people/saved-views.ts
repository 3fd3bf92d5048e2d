import type { CreateSavedViewInput, SavedViewView } from '@redress/core';
import { deleteSavedView, findSavedViewByName, insertSavedView, listSavedViews, type SavedViewRow } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith, requireActor } from '../policy.js';

/** Saved filters of a list, per user: nobody sees or removes another user's views. */
const present = (v: SavedViewRow): SavedViewView => ({
  id: v.id,
  list: v.list,
  name: v.name,
  query: v.query,
  createdAt: v.created_at.toISOString(),
});

export const listOwnSavedViews = async (
  deps: AppDeps,
  ctx: RequestContext,
  list: SavedViewRow['list'],
): Promise<SavedViewView[]> => {
  const actor = requireActor(ctx);
  return (await listSavedViews(deps.database.db, actor.userId, list)).map(present);
};

export const saveView = (deps: AppDeps, ctx: RequestContext, input: CreateSavedViewInput): Promise<SavedViewView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const actor = requireActor(ctx);
    if (await findSavedViewByName(tx, actor.userId, input.list, input.name)) {
      failWith('conflict', 'saved_view.name_taken', 'You already have a view with this name', {
        name: 'Already in use for this list',
      });
    }
    const view = await insertSavedView(tx, {
      id: deps.newId(),
      userId: actor.userId,
      list: input.list,
      name: input.name,
      query: input.query,
      now: deps.clock.now(),
    });
    await audit({
      action: 'saved_view.created',
      entityType: 'saved_view',
      entityId: view.id,
      details: { list: view.list, name: view.name },
    });
    return present(view);
  });

export const removeSavedView = (deps: AppDeps, ctx: RequestContext, id: string): Promise<void> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const actor = requireActor(ctx);
    const view =
      (await deleteSavedView(tx, actor.userId, id)) ??
      failWith('not_found', 'saved_view.not_found', 'No such saved view');
    await audit({
      action: 'saved_view.deleted',
      entityType: 'saved_view',
      entityId: id,
      details: { list: view.list, name: view.name },
    });
  });
