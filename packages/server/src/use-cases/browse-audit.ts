import type { AuditQuery } from '@redress/core';
import { findAuditEntries } from '@redress/db';
import type { RequestContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import { authorizeWorkspace, failWith } from './policy.js';

/** Newest first; the cursor is the sequence number of the last entry of the previous page. */
export const browseAudit = async (deps: AppDeps, ctx: RequestContext, query: AuditQuery) => {
  authorizeWorkspace(ctx, 'audit.read');
  let beforeSeq: number | undefined;
  if (query.cursor !== undefined) {
    if (!/^\d{1,15}$/.test(query.cursor))
      return failWith('invalid', 'request.invalid', 'Bad cursor', { 'query.cursor': 'Not a cursor from this list' });
    beforeSeq = Number(query.cursor);
  }
  const entries = await findAuditEntries(deps.database.db, { ...query, beforeSeq, limit: query.limit + 1 });
  const page = entries.slice(0, query.limit);
  return {
    // The response schema leaves out the chain hashes: they are for `redress audit verify`, not readers.
    items: page,
    nextCursor: entries.length > query.limit ? String(page[page.length - 1]?.seq) : null,
  };
};
