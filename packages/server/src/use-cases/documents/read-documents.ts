import type { DocumentBody, DocumentList } from '@redress/core';
import { listDocumentsOf, readDocumentBytes } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { presentDocument, uploaderNames } from '../../documents/document-presenter.js';
import { loadPersonAccess } from '../people/person-access.js';
import { auditPrivilegedRead, documentNotFound, loadDocumentFor, mayReadPrivileged } from './document-access.js';

/** A person's documents, oldest first; privileged ones only for the legal team (their read is audited). */
export const listPersonDocuments = async (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
): Promise<DocumentList> => {
  const db = deps.database.db;
  const access = await loadPersonAccess(db, ctx, personId);
  const rows = (await listDocumentsOf(db, { personId })).filter((d) => !d.is_privileged || mayReadPrivileged(access));
  if (rows.some((d) => d.is_privileged)) {
    await inTransaction(deps, ctx, (_tx, audit) => auditPrivilegedRead(audit, rows, 'metadata'));
  }
  const names = await uploaderNames(db, rows);
  return { items: rows.map((r) => presentDocument(r, names)) };
};

/** One document's metadata and text; 404 when its record is hidden from the caller. */
export const getDocument = async (deps: AppDeps, ctx: RequestContext, id: string): Promise<DocumentBody> => {
  const db = deps.database.db;
  const { document } = await loadDocumentFor(db, ctx, id, 'read');
  if (document.is_privileged) {
    await inTransaction(deps, ctx, (_tx, audit) => auditPrivilegedRead(audit, [document], 'metadata'));
  }
  return presentDocument(document, await uploaderNames(db, [document]));
};

export type DocumentContent = { bytes: Uint8Array; mediaType: string; fileName: string };

/** A document's bytes, with the media type its bytes showed on upload. */
export const getDocumentContent = async (deps: AppDeps, ctx: RequestContext, id: string): Promise<DocumentContent> => {
  const db = deps.database.db;
  const { document } = await loadDocumentFor(db, ctx, id, 'read');
  if (document.is_privileged) {
    await inTransaction(deps, ctx, (_tx, audit) => auditPrivilegedRead(audit, [document], 'content'));
  }
  const bytes = (await readDocumentBytes(db, id)) ?? documentNotFound();
  return { bytes, mediaType: document.media_type, fileName: document.file_name };
};
