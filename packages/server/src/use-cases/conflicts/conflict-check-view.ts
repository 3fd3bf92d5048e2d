import {
  type ConflictCheckView,
  type ConflictReaderAccess,
  conflictMatterIds,
  conflictPersonIds,
  presentConflictMatch,
  type StoredConflictMatch,
  StoredConflictMatchRecord,
} from '@redress/core';
import {
  type ConflictCheckRow,
  type Executor,
  findConflictDecider,
  findReaderStanding,
  type Viewer,
} from '@redress/db';
import { z } from 'zod';

const StoredMatches = z.array(StoredConflictMatchRecord);

/** The stored matches, read back through their schema (a row written by an older version still parses or fails loudly). */
export const storedMatchesOf = (row: Pick<ConflictCheckRow, 'matches'>): StoredConflictMatch[] =>
  StoredMatches.parse(row.matches);

/** What this reader may learn of these matches: their standing is looked up afresh on every read. */
export const presentMatchesFor = async (
  db: Executor,
  viewer: Viewer | null,
  matches: readonly StoredConflictMatch[],
) => {
  const access: ConflictReaderAccess = viewer
    ? await findReaderStanding(db, viewer, conflictMatterIds(matches), conflictPersonIds(matches))
    : null;
  return matches.map((m) => presentConflictMatch(m, access));
};

export const presentConflictCheck = async (
  db: Executor,
  viewer: Viewer | null,
  row: ConflictCheckRow,
): Promise<ConflictCheckView> => {
  const decider = row.decision ? await findConflictDecider(db, row.id) : undefined;
  return {
    id: row.id,
    subjectKind: row.subject_kind,
    subjectName: row.subject_name,
    checkedBy: row.checked_by ? { id: row.checked_by, name: row.checked_by_name ?? 'Former user' } : null,
    checkedAt: row.checked_at.toISOString(),
    matches: await presentMatchesFor(db, viewer, storedMatchesOf(row)),
    decision:
      row.decision && row.decided_at
        ? {
            decision: row.decision,
            note: row.note,
            decidedBy: decider?.actor_id ? { id: decider.actor_id, name: decider.name ?? decider.actor_label } : null,
            decidedAt: row.decided_at.toISOString(),
          }
        : null,
  };
};
