import type { MatterListQuery, MatterSummary } from '@redress/core';
import { type MatterSortColumn, listMatters as queryMatters } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import {
  type CursorPart,
  decodeCursor,
  isDatePart,
  isTextPart,
  isTimestampPart,
  isUuidPart,
  pageOf,
} from './list-cursor.js';
import { viewerOf } from './matter-access.js';
import { presentMatterSummary } from './presenters.js';

const SORTS: Record<string, { column: MatterSortColumn; part: CursorPart }> = {
  openedOn: { column: 'opened_on', part: isDatePart },
  updatedAt: { column: 'updated_at', part: isTimestampPart },
  title: { column: 'title', part: isTextPart },
};

/** The matters the user may see, filtered, sorted and a page at a time (keyset cursor). */
export const listMatters = async (
  deps: AppDeps,
  ctx: RequestContext,
  query: MatterListQuery,
): Promise<{ items: MatterSummary[]; nextCursor: string | null }> => {
  const viewer = viewerOf(ctx);
  const descending = query.sort.startsWith('-');
  const sort = SORTS[descending ? query.sort.slice(1) : query.sort];
  if (!sort) throw new Error(`unknown sort ${query.sort}`);
  const after = decodeCursor(query.cursor, [sort.part, isUuidPart]);
  const rows = await queryMatters(deps.database.db, viewer, {
    type: query.type,
    stage: query.stage,
    outcome: query.outcome,
    personId: query.personId,
    teamMemberId: query.teamMember === 'me' ? viewer.userId : query.teamMember,
    status: query.status,
    sort: { column: sort.column, descending },
    after: after ? { value: after[0] ?? '', id: after[1] ?? '' } : undefined,
    limit: query.limit + 1,
  });
  return pageOf(rows, query.limit, presentMatterSummary, (m) => {
    const value = sort.column === 'updated_at' ? m.updated_at.toISOString() : m[sort.column];
    return [value, m.id];
  });
};
