import { type OutcomeStatsView, summariseOutcomes } from '@redress/core';
import { countOutcomeGroups, countPeopleFreed } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { viewerOf } from './matter-access.js';

/**
 * The dashboard's counts over the matters the user may see: for administrators and attorneys the
 * whole docket, for everyone else their own matters.
 */
export const countOutcomes = async (deps: AppDeps, ctx: RequestContext): Promise<OutcomeStatsView> => {
  const db = deps.database.db;
  const viewer = viewerOf(ctx);
  return summariseOutcomes(await countOutcomeGroups(db, viewer), await countPeopleFreed(db, viewer));
};
