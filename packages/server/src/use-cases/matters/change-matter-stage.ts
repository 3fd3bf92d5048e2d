import { type ChangeStageInput, type MatterDetail, validateStageMove } from '@redress/core';
import { findVisibleMatter, insertStageChange, lockPipeline, updateMatter } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { matterDetailOf, pipelineStagesOf } from './get-matter.js';
import { loadMatterFor } from './matter-access.js';

export type { ChangeStageInput };

/** Moves a matter to another stage of its pipeline and records the move in its stage history. */
export const changeMatterStage = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: ChangeStageInput,
): Promise<MatterDetail> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    // The pipeline's lock before the matter's row lock, in the same order as a pipeline edit (which
    // renames matters while holding it), so the two cannot deadlock.
    const { matter: seen } = await loadMatterFor(tx, ctx, id, 'matter.write');
    await lockPipeline(tx, seen.type, 'share');
    const { matter, membership, viewer } = await loadMatterFor(tx, ctx, id, 'matter.write', { forUpdate: true });
    const move = validateStageMove(await pipelineStagesOf(tx, matter.type), matter.stage, input.stage);
    if (!move.ok) return failWith(move.error.category, move.error.code, move.error.message, move.error.details);
    if (!move.value.isChange) return matterDetailOf(tx, viewer.actor, matter, membership);

    const now = deps.clock.now();
    await updateMatter(tx, id, { stage: move.value.to }, now);
    await insertStageChange(tx, {
      id: deps.newId(),
      matterId: id,
      fromStage: move.value.from,
      toStage: move.value.to,
      changedBy: viewer.userId,
      now,
    });
    await audit({
      action: 'matter.stage_changed',
      entityType: 'matter',
      entityId: id,
      details: { from: move.value.from, to: move.value.to },
    });
    const updated = await findVisibleMatter(tx, viewer, id);
    if (!updated) throw new Error('the matter disappeared during its stage change');
    return matterDetailOf(tx, viewer.actor, updated, membership);
  });
