import type { ActivityEntryView, ActivityQuery } from '@redress/core';
import { listMatterActivity as queryActivity } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { decodeCursor, isSeqPart, pageOf } from './list-cursor.js';
import { isAllowed, loadMatterFor } from './matter-access.js';

/**
 * The matter's activity feed from the audit trail, newest first. Entries about privileged records show
 * only to the legal team, and never carry their content (audit details hold ids and flags, not text).
 */
export const listMatterActivity = async (
  deps: AppDeps,
  ctx: RequestContext,
  matterId: string,
  query: ActivityQuery,
): Promise<{ items: ActivityEntryView[]; nextCursor: string | null }> => {
  const db = deps.database.db;
  const { membership, viewer } = await loadMatterFor(db, ctx, matterId, 'matter.read');
  const before = decodeCursor(query.cursor, [isSeqPart]);
  const rows = await queryActivity(db, matterId, {
    includePrivileged: isAllowed(viewer.actor, 'matter.read', membership, true),
    beforeSeq: before ? Number(before[0]) : undefined,
    limit: query.limit + 1,
  });
  return pageOf(
    rows,
    query.limit,
    (r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      details: r.details,
    }),
    (r) => [String(r.seq)],
  );
};
