import { findDocument, readDocumentBytes } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadCorrespondenceFor } from './correspondence-access.js';

export type CorrespondenceFile = { bytes: Uint8Array; mediaType: string; fileName: string };

/** The scan or generated PDF of a letter the caller may see (404 without one). */
export const getCorrespondencePdf = async (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<CorrespondenceFile> => {
  const db = deps.database.db;
  const { record, access } = await loadCorrespondenceFor(db, ctx, id, 'read');
  const document = record.document_id ? await findDocument(db, record.document_id) : undefined;
  // A privileged scan is shown only to whoever may read privileged records of the person.
  const isHidden = !document || (document.is_privileged && access !== null && !access.canReadRestricted);
  if (!document || isHidden)
    return failWith('not_found', 'correspondence.no_document', 'This letter has no scan or PDF');
  const bytes = await readDocumentBytes(db, document.id);
  if (!bytes) return failWith('not_found', 'correspondence.no_document', 'This letter has no scan or PDF');
  return { bytes, mediaType: document.media_type, fileName: document.file_name };
};
