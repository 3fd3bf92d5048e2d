import type { FacilityView } from '@redress/core';
import { type Executor, findFacilityById } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { failWith, requireActor } from '../policy.js';
import { presentFacility } from './facility-presenters.js';

export const requireFacility = async (db: Executor, id: string, options: { forUpdate?: boolean } = {}) =>
  (await findFacilityById(db, id, options)) ?? failWith('not_found', 'facility.not_found', 'No such facility');

export const getFacility = async (
  deps: Pick<AppDeps, 'database'>,
  ctx: RequestContext,
  id: string,
): Promise<FacilityView> => {
  if (!ctx.operator) requireActor(ctx);
  return presentFacility(await requireFacility(deps.database.db, id));
};
