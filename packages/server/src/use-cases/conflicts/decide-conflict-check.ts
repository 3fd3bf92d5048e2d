import type { ConflictCheckView, DecideConflictCheckInput } from '@redress/core';
import { findConflictCheck, recordConflictDecision } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { authorizeWorkspace } from '../policy.js';
import { readerOf } from '../search/search-reader.js';
import { loadConflictCheck } from './conflict-check-access.js';
import { presentConflictCheck } from './conflict-check-view.js';

export type { DecideConflictCheckInput };

/**
 * Records what was decided about a check: no conflict, a conflict waived (with the reason), or a
 * conflict. The user who ran it, an attorney or an administrator may decide, and may revise a decision;
 * each decision is audited with the one it replaced.
 */
export const decideConflictCheck = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: DecideConflictCheckInput,
): Promise<ConflictCheckView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    authorizeWorkspace(ctx, 'matter.create');
    const viewer = readerOf(ctx);
    const before = await loadConflictCheck(tx, viewer, id, { forUpdate: true });
    const note = input.note?.trim() ? input.note.trim() : null;
    await recordConflictDecision(tx, id, { decision: input.decision, note, now: deps.clock.now() });
    await audit({
      action: 'conflict_check.decided',
      entityType: 'conflict_check',
      entityId: id,
      details: { decision: input.decision, previousDecision: before.decision, hasNote: note !== null },
    });
    const row = await findConflictCheck(tx, id);
    if (!row) throw new Error(`conflict check ${id} vanished`);
    return presentConflictCheck(tx, viewer, row);
  });
