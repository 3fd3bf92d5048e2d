import { type EditPipelineInput, type MatterType, validatePipelineEdit } from '@redress/core';
import { listStagesInUse, lockPipeline, renameMatterStage, replacePipelineStages } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { authorizeWorkspace, failWith } from '../policy.js';
import { pipelineStagesOf } from './get-matter.js';
import { presentPipelines } from './list-pipelines.js';

export type { EditPipelineInput };

/**
 * An administrator saves the stages of a type. Stages that matters are in must stay, or be renamed
 * (the matters move with the rename); the refusal names every stage in the way.
 */
export const editPipeline = (deps: AppDeps, ctx: RequestContext, type: MatterType, input: EditPipelineInput) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    authorizeWorkspace(ctx, 'org.manage');
    await lockPipeline(tx, type, 'exclusive');
    const current = await pipelineStagesOf(tx, type);
    const checked = validatePipelineEdit(current, input, await listStagesInUse(tx, type));
    if (!checked.ok)
      return failWith(checked.error.category, checked.error.code, checked.error.message, checked.error.details);

    const now = deps.clock.now();
    let mattersMoved = 0;
    for (const rename of input.renames) {
      if (rename.from === rename.to) continue;
      const result = await renameMatterStage(tx, type, rename.from, rename.to, now);
      mattersMoved += Number(result.numUpdatedRows);
    }
    await replacePipelineStages(tx, type, input.stages);
    await audit({
      action: 'pipeline.updated',
      entityType: 'pipeline',
      entityId: type,
      details: { from: current, to: input.stages, renames: input.renames, mattersMoved },
    });
    const [pipeline] = await presentPipelines(tx, type);
    if (!pipeline) throw new Error(`no pipeline for ${type}`);
    return pipeline;
  });
