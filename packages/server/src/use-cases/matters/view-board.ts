import {
  type BoardCard,
  type BoardQuery,
  type BoardView,
  boardColumns,
  initialsOf,
  MATTER_ROLES,
  type MatterType,
} from '@redress/core';
import { countBoardStages, listBoardCards, listTeamNames } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { pipelineStagesOf } from './get-matter.js';
import { viewerOf } from './matter-access.js';

/**
 * The pipeline board of a type: a column per stage in pipeline order, each with the count of matching
 * matters the user may see and the first cards (oldest matter first).
 */
export const viewBoard = async (
  deps: AppDeps,
  ctx: RequestContext,
  type: MatterType,
  query: BoardQuery,
): Promise<BoardView> => {
  const db = deps.database.db;
  const viewer = viewerOf(ctx);
  const filter = { type, status: query.status };
  const stages = await pipelineStagesOf(db, type);
  const counts = await countBoardStages(db, viewer, filter);
  const rows = await listBoardCards(db, viewer, filter, query.limit);
  const team = await listTeamNames(
    db,
    rows.map((r) => r.id),
  );
  const roleRank = (r: (typeof MATTER_ROLES)[number]) => MATTER_ROLES.indexOf(r);
  const initialsByMatter = new Map<string, string[]>();
  for (const member of [...team].sort((a, b) => roleRank(a.matter_role) - roleRank(b.matter_role))) {
    const list = initialsByMatter.get(member.matter_id) ?? [];
    list.push(initialsOf(member.name));
    initialsByMatter.set(member.matter_id, list);
  }
  const cards: (BoardCard & { stage: string })[] = rows.map((r) => ({
    matterId: r.id,
    title: r.title,
    personName: r.person_name,
    openedOn: r.opened_on,
    teamInitials: initialsByMatter.get(r.id) ?? [],
    stage: r.stage,
  }));
  return {
    type,
    columns: boardColumns(stages, counts, cards).map((c) => ({
      stage: c.stage,
      count: c.count,
      isInPipeline: c.isInPipeline,
      cards: c.cards.map(({ stage: _stage, ...card }) => card),
    })),
  };
};
