import { MATTER_TYPE_LABELS, type MatterType, pipelinesOf } from '@redress/core';
import { type Executor, listPipelineStageRows } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../policy.js';

export const presentPipelines = async (db: Executor, only?: MatterType) =>
  pipelinesOf(
    (await listPipelineStageRows(db)).map((r) => ({ matterType: r.matter_type, position: r.position, name: r.name })),
  )
    .filter((p) => only === undefined || p.type === only)
    .map((p) => ({ ...p, label: MATTER_TYPE_LABELS[p.type] }));

/** Every matter type's stages (anyone signed in: the board and the matter forms need them). */
export const listPipelines = async (deps: AppDeps, ctx: RequestContext) => {
  requireActor(ctx);
  return { items: await presentPipelines(deps.database.db) };
};
