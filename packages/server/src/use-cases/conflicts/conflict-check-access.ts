import { DomainFailure, domainError } from '@redress/core';
import { type ConflictCheckRow, type Executor, findConflictCheck, type Viewer } from '@redress/db';

/**
 * A stored check is seen, and decided, by the user who ran it and by attorneys and administrators (who
 * review conflicts for the organisation). Anyone else gets 404, as for a check that does not exist.
 * `viewer: null` is the operator at the command line.
 */
export const mayReviewConflictCheck = (viewer: Viewer | null, row: Pick<ConflictCheckRow, 'checked_by'>): boolean =>
  viewer === null || row.checked_by === viewer.userId || viewer.role === 'attorney' || viewer.role === 'administrator';

export const conflictCheckNotFound = () =>
  new DomainFailure(domainError('not_found', 'conflict_check.not_found', 'No such conflict check'));

export const loadConflictCheck = async (
  db: Executor,
  viewer: Viewer | null,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ConflictCheckRow> => {
  const row = await findConflictCheck(db, id, options);
  if (!row || !mayReviewConflictCheck(viewer, row)) throw conflictCheckNotFound();
  return row;
};
