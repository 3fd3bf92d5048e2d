import type { PersonActivityQuery } from '@redress/core';
import { findPersonActivity } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadPersonAccess } from './person-access.js';

/**
 * What happened to a person's record and matters, from the audit log, newest first: changes only
 * (reads stay in the audit log), without entries about victims and survivors outside the legal team
 * and without privileged entries outside their matter's legal team. The cursor is the `seq` of the
 * last entry of the previous page.
 */
export const listPersonActivity = async (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  query: PersonActivityQuery,
) => {
  const db = deps.database.db;
  const access = await loadPersonAccess(db, ctx, personId);
  let beforeSeq: number | undefined;
  if (query.cursor !== undefined) {
    if (!/^\d{1,15}$/.test(query.cursor)) {
      return failWith('invalid', 'request.invalid', 'Some fields are not valid', {
        'query.cursor': 'Not a cursor from this list',
      });
    }
    beforeSeq = Number(query.cursor);
  }
  const rows = await findPersonActivity(db, access.viewer, {
    personId,
    canReadRestricted: access.canReadRestricted,
    beforeSeq,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      details: r.details,
    })),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]?.seq) : null,
  };
};
