import { DOCX, type LetterLanguage, type LetterTemplateKey } from '@redress/core';
import { deleteLetterTemplate, upsertLetterTemplate } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { checkUpload, describeBytes } from '../../documents/check-upload.js';
import { readUploadForm, type UploadPart } from '../../documents/document-upload.js';
import { storeDocument } from '../../documents/store-document.js';
import { LETTER_TEMPLATE_MAX_BYTES } from '../../letters/letter-template-upload.js';
import { checkLetterTemplate } from '../../letters/merge-template.js';
import { authorizeWorkspace, failWith } from '../policy.js';

export type ReplaceLetterTemplateInput = {
  key: LetterTemplateKey;
  language: LetterLanguage;
  parts: AsyncIterable<UploadPart>;
};

/**
 * Replaces a default letter template with a Word file an administrator edited (multipart: `file`).
 * The file is judged by its bytes (a DOCX, nothing else), then by its merge fields: a tag syntax
 * error or a field the letter does not know is refused with its name, before anything is saved.
 * Audited as `letter_template.replaced`.
 */
export const replaceLetterTemplate = async (
  deps: AppDeps,
  ctx: RequestContext,
  input: ReplaceLetterTemplateInput,
): Promise<{ fields: string[] }> => {
  authorizeWorkspace(ctx, 'org.manage');
  const form = await readUploadForm(input.parts, LETTER_TEMPLATE_MAX_BYTES);
  const bytes = form.file.bytes;
  const checked = await checkUpload(bytes, { allowed: [DOCX], maxBytes: LETTER_TEMPLATE_MAX_BYTES });
  if (!checked.ok) {
    const e = checked.error;
    return failWith(
      e.category,
      e.code,
      e.category === 'too_large'
        ? e.message
        : `A template must be a Word document (DOCX); this file is ${describeBytes(bytes)}`,
      e.details,
    );
  }
  const fields = checkLetterTemplate(bytes, input.key);
  if (!fields.ok) return failWith(fields.error.category, fields.error.code, fields.error.message, fields.error.details);

  await inTransaction(deps, ctx, async (tx, audit) => {
    const stored = await storeDocument(tx, deps, {
      personId: null,
      intakeId: null,
      kind: 'template',
      fileName: form.file.fileName || `${input.key}.${input.language}.docx`,
      bytes,
      mediaType: DOCX,
      pageCount: null,
      uploadedBy: ctx.actor?.userId ?? null,
    });
    await upsertLetterTemplate(tx, {
      key: input.key,
      language: input.language,
      documentId: stored.id,
      updatedBy: ctx.actor?.userId ?? null,
      now: deps.clock.now(),
    });
    await audit({
      action: 'letter_template.replaced',
      entityType: 'letter_template',
      entityId: null,
      details: {
        key: input.key,
        language: input.language,
        documentId: stored.id,
        sha256: stored.sha256,
        fields: fields.value,
      },
    });
  });
  return { fields: fields.value };
};

/** Goes back to the default template (the uploaded file stays among the documents). Audited. */
export const resetLetterTemplate = async (
  deps: AppDeps,
  ctx: RequestContext,
  input: { key: LetterTemplateKey; language: LetterLanguage },
): Promise<void> => {
  authorizeWorkspace(ctx, 'org.manage');
  await inTransaction(deps, ctx, async (tx, audit) => {
    const removed = await deleteLetterTemplate(tx, input.key, input.language);
    if (!removed) return;
    await audit({
      action: 'letter_template.reset',
      entityType: 'letter_template',
      entityId: null,
      details: { key: input.key, language: input.language, documentId: removed.document_id },
    });
  });
};
