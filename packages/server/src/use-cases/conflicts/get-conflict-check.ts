import type { ConflictCheckView } from '@redress/core';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { readerOf } from '../search/search-reader.js';
import { loadConflictCheck } from './conflict-check-access.js';
import { presentConflictCheck } from './conflict-check-view.js';

/** A stored check as this reader may see it (the runner, attorneys and administrators; 404 for others). */
export const getConflictCheck = async (deps: AppDeps, ctx: RequestContext, id: string): Promise<ConflictCheckView> => {
  const db = deps.database.db;
  const viewer = readerOf(ctx);
  return presentConflictCheck(db, viewer, await loadConflictCheck(db, viewer, id));
};
