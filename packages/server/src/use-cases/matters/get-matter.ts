import { type MatterDetail, type Membership, stagesOf } from '@redress/core';
import {
  countOpenTasks,
  type Executor,
  listPipelineStageRowsOf,
  listStageHistory,
  listTeam,
  type MatterRow,
} from '@redress/db';
import type { Actor, RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { isAllowed, loadMatterFor } from './matter-access.js';
import { presentMatterSummary, presentStageChange, presentTeamMember } from './presenters.js';

/** The stages of a type as saved by the administrators, or the defaults. */
export const pipelineStagesOf = async (db: Executor, type: MatterRow['type']) =>
  stagesOf(
    type,
    (await listPipelineStageRowsOf(db, type)).map((r) => ({
      matterType: r.matter_type,
      position: r.position,
      name: r.name,
    })),
  );

/** The matter page: the matter, its team, stage history, pipeline, open tasks and what the viewer may do. */
export const matterDetailOf = async (
  db: Executor,
  actor: Actor,
  matter: MatterRow,
  membership: Membership,
): Promise<MatterDetail> => {
  // One after another: inside a transaction the queries share one connection.
  const team = await listTeam(db, matter.id);
  const history = await listStageHistory(db, matter.id);
  const stages = await pipelineStagesOf(db, matter.type);
  const openTasks = await countOpenTasks(db, matter.id);
  return {
    ...presentMatterSummary(matter),
    team: team.map(presentTeamMember),
    stageHistory: history.map(presentStageChange),
    stages,
    openTasks,
    viewer: {
      membership,
      canWrite: isAllowed(actor, 'matter.write', membership, false),
      canManageTeam: isAllowed(actor, 'matter.team.manage', membership, false),
    },
  };
};

export const getMatter = async (deps: AppDeps, ctx: RequestContext, id: string): Promise<MatterDetail> => {
  const db = deps.database.db;
  const { matter, membership, viewer } = await loadMatterFor(db, ctx, id, 'matter.read');
  return matterDetailOf(db, viewer.actor, matter, membership);
};

export const listMatterTeam = async (deps: AppDeps, ctx: RequestContext, id: string) => {
  const db = deps.database.db;
  await loadMatterFor(db, ctx, id, 'matter.read');
  return { items: (await listTeam(db, id)).map(presentTeamMember) };
};
