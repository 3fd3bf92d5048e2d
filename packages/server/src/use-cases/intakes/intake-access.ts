import { daysBetween, type IntakeSummary } from '@redress/core';
import { type Executor, findIntake, type IntakeDetailRow, type IntakeListRow } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { authorizeWorkspace, failWith, type Principal } from '../policy.js';

/**
 * Intakes are a workspace matter: whoever may triage (`intake.triage`: administrators, attorneys,
 * advocates, paralegals) sees and works every intake; anyone else is refused (403) before any lookup.
 */
export const requireTriage = (ctx: RequestContext): Principal => authorizeWorkspace(ctx, 'intake.triage');

export const intakeNotFound = (): never => failWith('not_found', 'intake.not_found', 'No such intake');

export const loadIntake = async (
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<IntakeDetailRow> => (await findIntake(db, id, options)) ?? intakeNotFound();

const day = (d: string | Date | null): string | null =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

export const presentIntakeSummary = (row: IntakeListRow, today: string): IntakeSummary => ({
  id: row.id,
  reference: row.reference,
  channel: row.channel,
  state: row.state,
  decision: row.decision,
  applicantName: row.applicant_name,
  applicantDob: day(row.applicant_dob),
  prisonerNumber: row.prisoner_number,
  numberSystem: row.number_system,
  facility: row.facility_id ? { id: row.facility_id, name: row.facility_name ?? '' } : null,
  jurisdiction: row.jurisdiction,
  claimType: row.claim_type,
  language: row.language,
  assignedTo: row.assigned_to ? { id: row.assigned_to, name: row.assigned_to_name ?? 'Former user' } : null,
  receivedOn: day(row.received_on) ?? '',
  firstResponseOn: day(row.first_response_on),
  ageDays: Math.max(0, daysBetween(day(row.received_on) ?? today, today)),
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});
