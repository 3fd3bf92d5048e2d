import type { VisitListQuery, VisitPage } from '@redress/core';
import { listVisits as queryVisits, visitTimeOf } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { decodeCursor, encodeCursor, isTimestampPart, isUuidPart } from '../matters/list-cursor.js';
import { loadPersonAccess, viewerOf } from '../people/person-access.js';
import { loadVisitFor } from './visit-access.js';
import { presentVisits } from './visit-presenter.js';

/** Visits the caller may see, newest first: a person's (hidden person: 404), or all, between two days. */
export const listVisits = async (deps: AppDeps, ctx: RequestContext, query: VisitListQuery): Promise<VisitPage> => {
  const db = deps.database.db;
  if (query.personId) await loadPersonAccess(db, ctx, query.personId);
  const after = decodeCursor(query.cursor, [isTimestampPart, isUuidPart]);
  const rows = await queryVisits(db, viewerOf(ctx), {
    personId: query.personId,
    status: query.status,
    from: query.from,
    to: query.to,
    after: after ? { at: after[0] ?? '', id: after[1] ?? '' } : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await presentVisits(db, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor([visitTimeOf(last).toISOString(), last.id]) : null,
  };
};

export const getVisit = async (deps: AppDeps, ctx: RequestContext, id: string) => {
  const db = deps.database.db;
  const { visit } = await loadVisitFor(db, ctx, id, 'read');
  const [view] = await presentVisits(db, [visit]);
  if (!view) throw new Error('visit vanished');
  return view;
};
