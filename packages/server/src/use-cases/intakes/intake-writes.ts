import { type IntakeDetail, type IntakeQuestionnaire, intakeSummaryFields, type SubmittedByInput } from '@redress/core';
import { findFacility, type IntakeChanges, type Tx } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { todayOf } from '../people/person-dates.js';
import { failWith } from '../policy.js';
import { loadIntake } from './intake-access.js';
import { loadIntakeDetail } from './intake-view.js';

/** Roles that work under privilege (see documents/document-access.ts): they see privileged intake documents. */
const PRIVILEGED_TRIAGE_ROLES = new Set(['attorney', 'advocate', 'paralegal']);

export const canReadPrivilegedOf = (ctx: RequestContext): boolean =>
  ctx.actor === null ? ctx.operator !== undefined : PRIVILEGED_TRIAGE_ROLES.has(ctx.actor.role);

export const viewerFor = (ctx: RequestContext) =>
  ctx.actor ? { userId: ctx.actor.userId, role: ctx.actor.role } : null;

/** The columns copied from the questionnaire, checked against the directory and the calendar. */
export const questionnaireColumns = async (
  tx: Tx,
  deps: Pick<AppDeps, 'clock'>,
  q: IntakeQuestionnaire,
  fieldPrefix: string,
): Promise<IntakeChanges> => {
  const fields = intakeSummaryFields(q);
  const issues: Record<string, string> = {};
  if (fields.facilityId && !(await findFacility(tx, fields.facilityId))) {
    issues[`${fieldPrefix}.background.facilityId`] = 'No such facility in the directory';
  }
  const today = todayOf(deps);
  if (fields.applicantDob && fields.applicantDob > today)
    issues[`${fieldPrefix}.background.dateOfBirth`] = 'In the future';
  const convicted = q.conviction?.convictionDate;
  if (convicted && convicted > today) issues[`${fieldPrefix}.conviction.convictionDate`] = 'In the future';
  if (Object.keys(issues).length > 0) failWith('invalid', 'request.invalid', 'Some fields are not valid', issues);
  return {
    applicant_name: fields.applicantName,
    applicant_dob: fields.applicantDob,
    prisoner_number: fields.prisonerNumber,
    number_system: fields.numberSystem,
    facility_id: fields.facilityId,
    jurisdiction: fields.jurisdiction,
    claim_type: fields.claimType,
    language: fields.language,
    questionnaire: q,
  };
};

export const submittedByColumns = (s: SubmittedByInput | null): IntakeChanges => ({
  submitted_by_name: s?.name ?? null,
  submitted_by_relationship: s?.relationship?.trim() || null,
  submitted_by_contact: s?.contact?.trim() || null,
});

/** The intake as the caller may see it now, read inside the transaction that changed it. */
export const reloadIntake = async (
  tx: Tx,
  deps: Pick<AppDeps, 'clock'>,
  ctx: RequestContext,
  id: string,
): Promise<IntakeDetail> =>
  loadIntakeDetail(tx, viewerFor(ctx), await loadIntake(tx, id), todayOf(deps), {
    canReadPrivileged: canReadPrivilegedOf(ctx),
  });
