import { DomainFailure, type Role } from '@redress/core';
import { type DocumentRow, type Executor, findDocument } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { Audit } from '../../deps.js';
import { loadPersonAccess, type PersonAccess, requirePersonWrite } from '../people/person-access.js';
import { authorizeWorkspace, failWith } from '../policy.js';

/**
 * Who may see and change a document: access to a document is access to the record it belongs to.
 *
 * - A person's document: read by whoever sees the person, changed by whoever may change the person's
 *   record (people/person-access.ts). A privileged document follows the rule of privileged notes: only
 *   the legal team of one of the person's matters sees it (404 for anyone else) or changes it.
 * - An intake's document, or one that belongs to no record yet (templates, letters being written):
 *   the `intake.triage` workspace action. Privileged ones: the triage roles that work under
 *   privilege (attorneys, advocates, paralegals), not administrators as such.
 * - The operator at the command line passes every rule.
 */
export type DocumentAccess = { document: DocumentRow; person: PersonAccess | null; canWrite: boolean };

const PRIVILEGED_TRIAGE_ROLES: ReadonlySet<Role> = new Set(['attorney', 'advocate', 'paralegal']);

export const documentNotFound = (): never => failWith('not_found', 'document.not_found', 'No such document');

/** Whether this person-access may see privileged documents (the legal team; the operator). */
export const mayReadPrivileged = (access: PersonAccess): boolean => access.viewer === null || access.canReadRestricted;
const mayWritePrivileged = (access: PersonAccess): boolean => access.viewer === null || access.canWriteRestricted;

const personAccessOrHidden = async (db: Executor, ctx: RequestContext, personId: string) => {
  try {
    return await loadPersonAccess(db, ctx, personId);
  } catch (e) {
    if (e instanceof DomainFailure && e.error.code === 'person.not_found') documentNotFound();
    throw e;
  }
};

const triageAccess = (ctx: RequestContext, document: DocumentRow, mode: 'read' | 'write'): boolean => {
  try {
    authorizeWorkspace(ctx, 'intake.triage');
  } catch (e) {
    // Someone who may not triage must not learn that an intake's document exists.
    if (mode === 'read' && e instanceof DomainFailure && e.error.category === 'forbidden') documentNotFound();
    throw e;
  }
  if (document.is_privileged && ctx.actor && !PRIVILEGED_TRIAGE_ROLES.has(ctx.actor.role)) documentNotFound();
  return true;
};

/**
 * Loads a document the caller may see; `mode: 'write'` also requires that they may change it (403
 * when they may see it but not change it).
 */
export const loadDocumentFor = async (
  db: Executor,
  ctx: RequestContext,
  id: string,
  mode: 'read' | 'write',
): Promise<DocumentAccess> => {
  const document = (await findDocument(db, id)) ?? documentNotFound();
  if (!document.person_id) {
    triageAccess(ctx, document, mode);
    return { document, person: null, canWrite: true };
  }
  const person = await personAccessOrHidden(db, ctx, document.person_id);
  if (document.is_privileged && !mayReadPrivileged(person)) documentNotFound();
  const canWrite = person.canWrite && (!document.is_privileged || mayWritePrivileged(person));
  if (mode === 'write') {
    requirePersonWrite(person);
    if (document.is_privileged) requirePrivilegedWrite(person);
  }
  return { document, person, canWrite };
};

/** Refuses marking a document privileged by someone outside the legal team. */
export const requirePrivilegedWrite = (access: PersonAccess): void => {
  if (!mayWritePrivileged(access)) {
    failWith('forbidden', 'access.denied', "Only the legal team of one of the person's matters may do that", {
      isPrivileged: 'Restricted to the legal team',
    });
  }
};

/** Privileged documents are recorded when read, before anything leaves the server (as privileged notes). */
export const auditPrivilegedRead = (audit: Audit, documents: readonly DocumentRow[], what: 'metadata' | 'content') => {
  const privileged = documents.filter((d) => d.is_privileged);
  if (privileged.length === 0) return Promise.resolve(0);
  const first = privileged[0] as DocumentRow;
  return audit({
    action: 'document.privileged_read',
    entityType: privileged.length === 1 ? 'document' : 'person',
    entityId: privileged.length === 1 ? first.id : first.person_id,
    details: { documentIds: privileged.map((d) => d.id), personId: first.person_id, what, isPrivileged: true },
  });
};
