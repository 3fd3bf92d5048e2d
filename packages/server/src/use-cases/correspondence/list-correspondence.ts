import type { CorrespondenceListQuery, CorrespondencePage } from '@redress/core';
import { listCorrespondence as queryCorrespondence } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { decodeCursor, isTimestampPart, isUuidPart, pageOf } from '../matters/list-cursor.js';
import { authorizeOwner, correspondenceViewerOf } from './correspondence-access.js';
import { presentCorrespondence } from './correspondence-presenter.js';

/**
 * Letters, calls and video visits, newest first: a person's (a person the caller may not see: 404),
 * an intake's (intake triage), or everything the caller may see (the print queue: `state=ready`).
 */
export const listCorrespondence = async (
  deps: AppDeps,
  ctx: RequestContext,
  query: CorrespondenceListQuery,
): Promise<CorrespondencePage> => {
  const db = deps.database.db;
  if (query.personId) await authorizeOwner(db, ctx, { personId: query.personId, intakeId: null }, 'read');
  if (query.intakeId) await authorizeOwner(db, ctx, { personId: null, intakeId: query.intakeId }, 'read');
  const after = decodeCursor(query.cursor, [isTimestampPart, isUuidPart]);
  const rows = await queryCorrespondence(db, correspondenceViewerOf(ctx), {
    personId: query.personId,
    intakeId: query.intakeId,
    state: query.state,
    direction: query.direction,
    channel: query.channel,
    after: after ? { createdAt: after[0] ?? '', id: after[1] ?? '' } : undefined,
    limit: query.limit + 1,
  });
  return pageOf(rows, query.limit, presentCorrespondence, (r) => [r.created_at.toISOString(), r.id]);
};
