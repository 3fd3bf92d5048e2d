import { DomainFailure, type RenderLetterInput } from '@redress/core';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { composeLetter } from '../../letters/compose-letter.js';
import { loadPersonAccess } from '../people/person-access.js';
import { authorizeWorkspace, requireActor } from '../policy.js';

export type RenderedLetter = { bytes: Uint8Array; mediaType: string; fileName: string };

const MEDIA = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * A letter from a template as DOCX or PDF, not yet logged as sent (correspondence does that). The
 * person must be visible to the caller (404 otherwise); a letter about an intake needs intake triage.
 * Legal mail is sent from an attorney: the caller unless `senderUserId` names another. A person whose
 * mail is on hold gets no letter (409 with the reason).
 */
export const renderLetter = async (
  deps: AppDeps,
  ctx: RequestContext,
  input: RenderLetterInput,
): Promise<RenderedLetter> => {
  const db = deps.database.db;
  if (input.personId) await loadPersonAccess(db, ctx, input.personId);
  if (input.intakeId) authorizeWorkspace(ctx, 'intake.triage');
  const legalMail = input.legalMail ?? false;
  const senderUserId = input.senderUserId ?? (ctx.operator && !ctx.actor ? null : requireActor(ctx).userId);
  const composed = await composeLetter(deps, db, {
    template: input.template,
    language: input.language,
    personId: input.personId ?? null,
    intakeId: input.intakeId ?? null,
    senderUserId,
    fields: input.fields,
    legalMail,
  });
  if (!composed.ok) throw new DomainFailure(composed.error);
  const format = input.format ?? 'pdf';
  return {
    bytes: format === 'pdf' ? composed.value.pdf : composed.value.docx,
    mediaType: MEDIA[format],
    fileName: `${input.template}.${input.language}.${format}`,
  };
};
