import { DomainFailure, domainError } from '@redress/core';
import { type Executor, findVisibleVisit, type VisitRow } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { loadPersonAccess, type PersonAccess, requirePersonWrite, viewerOf } from '../people/person-access.js';

/**
 * A visit is part of its person's record: seen by whoever may see the person (others: 404) and changed
 * by whoever may change it. Its privileged notes and the visitors' personal details are for the
 * person's legal team only (`viewer_on_legal_team`).
 */
export const visitNotFound = () => new DomainFailure(domainError('not_found', 'visit.not_found', 'No such visit'));

export type LoadedVisit = { visit: VisitRow; access: PersonAccess; isLegalTeam: boolean };

export const loadVisitFor = async (
  db: Executor,
  ctx: RequestContext,
  id: string,
  mode: 'read' | 'write',
): Promise<LoadedVisit> => {
  const visit = await findVisibleVisit(db, viewerOf(ctx), id);
  if (!visit) throw visitNotFound();
  const access = await loadPersonAccess(db, ctx, visit.person_id, { forUpdate: mode === 'write' });
  if (mode === 'write') requirePersonWrite(access);
  return { visit, access, isLegalTeam: visit.viewer_on_legal_team && access.canReadRestricted };
};

/** Refuses privileged visit notes to anyone outside the person's legal team (403: the visit is known). */
export const requireLegalTeam = (loaded: { isLegalTeam: boolean }, field: string): void => {
  if (!loaded.isLegalTeam) {
    throw new DomainFailure(
      domainError('forbidden', 'access.restricted', "Only the person's legal team may do that", {
        [field]: 'Restricted to the legal team',
      }),
    );
  }
};
