import {
  CONFLICT_SIMILARITY_THRESHOLD,
  type ConflictCheckView,
  countConflictKinds,
  isRestrictedConflictKind,
  mergeConflictCandidates,
  type RunConflictCheckInput,
  SEARCH_WORD_SIMILARITY,
} from '@redress/core';
import {
  findConflictCandidates,
  findConflictCheck,
  insertConflictCheck,
  nameSearchOf,
  prepareTrigramQueries,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { authorizeWorkspace } from '../policy.js';
import { readerOf } from '../search/search-reader.js';
import { presentConflictCheck } from './conflict-check-view.js';

export type { RunConflictCheckInput };

/** Candidates looked at per kind of record before merging. */
const CANDIDATES_PER_KIND = 50;

/**
 * Checks a name against victims and survivors, co-defendants, adverse parties, clients and contacts
 * across the whole organisation, stores the check with everything found, and answers with what the
 * user may learn (a restricted party is flagged to anyone, named only to its legal team). Anyone who
 * may open matters may run one.
 */
export const runConflictCheck = (
  deps: AppDeps,
  ctx: RequestContext,
  input: RunConflictCheckInput,
): Promise<ConflictCheckView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const principal = authorizeWorkspace(ctx, 'matter.create');
    const viewer = readerOf(ctx);
    // Names are compared whole (`%`); the word threshold is set only so the transaction's settings are known.
    await prepareTrigramQueries(tx, {
      similarity: CONFLICT_SIMILARITY_THRESHOLD,
      wordSimilarity: SEARCH_WORD_SIMILARITY,
    });
    const candidates = await findConflictCandidates(tx, {
      nameSearch: nameSearchOf(input.name),
      dateOfBirth: input.dateOfBirth ?? null,
      limit: CANDIDATES_PER_KIND,
    });
    const matches = mergeConflictCandidates(candidates);
    const id = deps.newId();
    await insertConflictCheck(tx, {
      id,
      subjectKind: input.subjectKind,
      subjectName: input.name,
      matches,
      checkedBy: principal.userId,
      now: deps.clock.now(),
    });
    // Counts only: the audit log never holds the checked name nor a restricted party's.
    await audit({
      action: 'conflict_check.run',
      entityType: 'conflict_check',
      entityId: id,
      details: {
        subjectKind: input.subjectKind,
        matches: matches.length,
        kinds: countConflictKinds(matches),
        restrictedMatches: matches.filter((m) => isRestrictedConflictKind(m.kind)).length,
      },
    });
    const row = await findConflictCheck(tx, id);
    if (!row) throw new Error(`conflict check ${id} vanished`);
    return presentConflictCheck(tx, viewer, row);
  });
