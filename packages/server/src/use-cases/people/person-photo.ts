import type { SetPersonPhotoInput } from '@redress/core';
import { findDocument, setPersonPhotoDocument } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadPersonForWrite } from './person-access.js';

/**
 * Sets (or removes) the person's photo: one of their own documents, and an image by its bytes, so a
 * photo can never point at another person's file or at a letter.
 */
export const setPersonPhoto = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  input: SetPersonPhotoInput,
): Promise<{ photoDocumentId: string | null }> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    await loadPersonForWrite(tx, ctx, personId, { forUpdate: true });
    if (input.documentId) {
      const document = await findDocument(tx, input.documentId);
      if (document?.person_id !== personId || !document.media_type.startsWith('image/')) {
        failWith('invalid', 'person.invalid_photo', "The photo must be an image among the person's documents", {
          documentId: 'Choose an image uploaded to this person',
        });
      }
    }
    await setPersonPhotoDocument(tx, personId, input.documentId, deps.clock.now());
    await audit({
      action: input.documentId ? 'person.photo_set' : 'person.photo_removed',
      entityType: 'person',
      entityId: personId,
      details: { personId, documentId: input.documentId },
    });
    return { photoDocumentId: input.documentId };
  });
