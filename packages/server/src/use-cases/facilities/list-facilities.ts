import type { FacilityListQuery, FacilityPage } from '@redress/core';
import { listFacilities as queryFacilities } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { decodeCursor, isTextPart, isUuidPart, pageOf } from '../matters/list-cursor.js';
import { requireActor } from '../policy.js';
import { presentFacility } from './facility-presenters.js';

/** The facility directory is shared reference data: anyone signed in reads all of it. */
export const listFacilitiesPage = async (
  deps: Pick<AppDeps, 'database'>,
  ctx: RequestContext,
  query: FacilityListQuery,
): Promise<FacilityPage> => {
  if (!ctx.operator) requireActor(ctx);
  const after = decodeCursor(query.cursor, [isTextPart, isUuidPart]);
  const rows = await queryFacilities(deps.database.db, {
    jurisdiction: query.jurisdiction,
    kind: query.kind,
    search: query.q,
    isActive: query.active,
    after: after ? { name: after[0] ?? '', id: after[1] ?? '' } : undefined,
    limit: query.limit + 1,
  });
  return pageOf(rows, query.limit, presentFacility, (f) => [f.name, f.id]);
};
