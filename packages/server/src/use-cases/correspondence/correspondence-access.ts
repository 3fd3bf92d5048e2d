import { DomainFailure, domainError } from '@redress/core';
import {
  type CorrespondenceRecordRow,
  type CorrespondenceViewer,
  type Executor,
  findCorrespondence,
  intakeExists,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { loadPersonAccess, type PersonAccess, requirePersonWrite, viewerOf } from '../people/person-access.js';
import { authorizeWorkspace } from '../policy.js';

/**
 * Who may read and write correspondence. A person's letters follow the person's rules (hidden person:
 * 404; writing needs write access to the person); an intake's letters, written before anyone is a
 * client, follow intake triage.
 */
export type CorrespondenceOwner = { personId: string | null; intakeId: string | null };

export const correspondenceNotFound = () =>
  new DomainFailure(domainError('not_found', 'correspondence.not_found', 'No such letter or call'));

/** Who reads lists: the operator (null), or a user with whether they may triage intakes. */
export const correspondenceViewerOf = (ctx: RequestContext): CorrespondenceViewer => {
  const viewer = viewerOf(ctx);
  if (viewer === null) return null;
  let canTriage = true;
  try {
    authorizeWorkspace(ctx, 'intake.triage');
  } catch {
    canTriage = false;
  }
  return { viewer, canTriage };
};

/**
 * Checks the caller may read (or write) the owner's correspondence; returns the person's access when
 * the owner is a person. A hidden person answers `hidden` (404 for the person, or for the letter).
 */
export const authorizeOwner = async (
  db: Executor,
  ctx: RequestContext,
  owner: CorrespondenceOwner,
  mode: 'read' | 'write',
  options: { forUpdate?: boolean; hidden?: () => DomainFailure } = {},
): Promise<PersonAccess | null> => {
  if (owner.personId !== null) {
    let access: PersonAccess;
    try {
      access = await loadPersonAccess(db, ctx, owner.personId, { forUpdate: options.forUpdate ?? false });
    } catch (e) {
      if (options.hidden && e instanceof DomainFailure && e.error.code === 'person.not_found') throw options.hidden();
      throw e;
    }
    if (mode === 'write') requirePersonWrite(access);
    return access;
  }
  try {
    authorizeWorkspace(ctx, 'intake.triage');
  } catch (e) {
    // Someone who may not triage intakes does not learn that an intake's letter exists.
    if (options.hidden && e instanceof DomainFailure && e.error.code === 'access.denied' && mode === 'read') {
      throw options.hidden();
    }
    throw e;
  }
  if (owner.intakeId !== null && !(await intakeExists(db, owner.intakeId))) {
    throw options.hidden?.() ?? new DomainFailure(domainError('not_found', 'intake.not_found', 'No such intake'));
  }
  return null;
};

/** A record the caller may see (404 otherwise), with the person's access when it has a person. */
export const loadCorrespondenceFor = async (
  db: Executor,
  ctx: RequestContext,
  id: string,
  mode: 'read' | 'write',
  options: { forUpdate?: boolean } = {},
): Promise<{ record: CorrespondenceRecordRow; access: PersonAccess | null }> => {
  const record = await findCorrespondence(db, id);
  if (!record) throw correspondenceNotFound();
  const access = await authorizeOwner(db, ctx, { personId: record.person_id, intakeId: record.intake_id }, mode, {
    forUpdate: options.forUpdate ?? false,
    hidden: correspondenceNotFound,
  });
  return { record, access };
};
