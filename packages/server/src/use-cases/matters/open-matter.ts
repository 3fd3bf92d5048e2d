import {
  DEFAULT_DECISION_MAKERS,
  DEFAULT_MATTER_ROLE,
  initialStage,
  MATTER_TYPE_LABELS,
  type MatterDetail,
  membershipOf,
  type OpenMatterInput,
} from '@redress/core';
import {
  findPersonForNewMatter,
  findVisibleMatter,
  insertMatter,
  insertStageChange,
  insertTeamMember,
  lockPipeline,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { authorizeWorkspace, failWith } from '../policy.js';
import { matterDetailOf, pipelineStagesOf } from './get-matter.js';
import { todayOf, viewerOf } from './matter-access.js';

export type { OpenMatterInput };

/**
 * Opens a matter for a person the opener can see. It starts at the first stage of its type's pipeline
 * (or the stage asked for), with the type's usual decision-maker, and the opener joins its team in the
 * matter role that fits their organisation role.
 */
export const openMatter = (deps: AppDeps, ctx: RequestContext, input: OpenMatterInput): Promise<MatterDetail> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    authorizeWorkspace(ctx, 'matter.create');
    const viewer = viewerOf(ctx);
    const person = await findPersonForNewMatter(tx, viewer, input.personId);
    if (!person) return failWith('not_found', 'person.not_found', 'No such person');

    await lockPipeline(tx, input.type, 'share');
    const stage = initialStage(await pipelineStagesOf(tx, input.type), input.stage);
    if (!stage.ok) return failWith(stage.error.category, stage.error.code, stage.error.message, stage.error.details);

    const now = deps.clock.now();
    const id = deps.newId();
    const matterRole = DEFAULT_MATTER_ROLE[viewer.role];
    await insertMatter(tx, {
      id,
      person_id: person.id,
      type: input.type,
      title: input.title ?? `${MATTER_TYPE_LABELS[input.type]}: ${person.legal_name}`,
      stage: stage.value,
      decision_maker:
        input.decisionMaker === undefined ? (DEFAULT_DECISION_MAKERS[input.type] ?? null) : input.decisionMaker,
      opened_on: input.openedOn ?? todayOf(now),
      closed_on: null,
      release_date: null,
      external_id: null,
      created_by: viewer.userId,
      created_at: now,
      updated_at: now,
    });
    await insertStageChange(tx, {
      id: deps.newId(),
      matterId: id,
      fromStage: null,
      toStage: stage.value,
      changedBy: viewer.userId,
      now,
    });
    await insertTeamMember(tx, { matterId: id, userId: viewer.userId, matterRole, now });
    await audit({
      action: 'matter.opened',
      entityType: 'matter',
      entityId: id,
      details: { personId: person.id, type: input.type, stage: stage.value, openerMatterRole: matterRole },
    });
    const matter = await findVisibleMatter(tx, viewer, id);
    if (!matter) throw new Error('the matter just opened is not visible to its opener');
    return matterDetailOf(tx, viewer.actor, matter, membershipOf(viewer.role, matterRole));
  });
