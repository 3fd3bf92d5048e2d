import { type RequestLetterInput, VISITOR_CAPACITY_LABELS, type VisitLetterBody } from '@redress/core';
import { findFacilityById, findVisibleVisit, listVisitors, lockVisit, updateVisit } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { composeAndStoreLetter } from '../correspondence/compose-correspondence-letter.js';
import { viewerOf } from '../people/person-access.js';
import { loadVisitFor, requireLegalTeam, visitNotFound } from './visit-access.js';
import { presentVisits } from './visit-presenter.js';

const lines = (values: readonly (string | null)[]) => {
  const known = values.filter((v): v is string => v !== null && v.trim() !== '');
  return known.length > 0 ? known.join('\n') : '';
};

/**
 * The attorney-visit request letter (15 CCR § 3178) from the visit and its visitors' details, one line
 * per visitor; stored as a generated letter, logged as correspondence ready to print, and linked to
 * the visit. It carries the visitors' personal details, so only the person's legal team makes it.
 */
export const requestVisitLetter = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: RequestLetterInput,
): Promise<VisitLetterBody> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const loaded = await loadVisitFor(tx, ctx, id, 'write');
    requireLegalTeam(loaded, 'visitors');
    const visit = await lockVisit(tx, id);
    if (!visit) throw visitNotFound();
    const visitors = await listVisitors(tx, [id]);
    const facility = visit.facility_id ? await findFacilityById(tx, visit.facility_id) : undefined;
    const proposed = Array.isArray(visit.proposed_dates) ? visit.proposed_dates : [];
    const firstDay = visit.scheduled_start?.toISOString().slice(0, 10) ?? proposed[0] ?? null;
    const names = new Map(visitors.map((v) => [v.user_id, v.user_name]));
    const fields: Record<string, string> = Object.fromEntries(
      Object.entries({
        visit_date: firstDay,
        visit_alternative_dates: proposed.slice(firstDay === proposed[0] ? 1 : 0).join(', '),
        visitor_name: lines(visitors.map((v) => v.user_name)),
        visitor_role: lines(
          visitors.map((v) =>
            v.supervising_attorney_id
              ? `${VISITOR_CAPACITY_LABELS[v.capacity]}, for ${names.get(v.supervising_attorney_id) ?? v.supervising_attorney_name ?? ''}`
              : VISITOR_CAPACITY_LABELS[v.capacity],
          ),
        ),
        visitor_mailing_address: lines(visitors.map((v) => v.mailing_address?.replace(/\s*\n\s*/g, ', ') ?? null)),
        visitor_dob: lines(visitors.map((v) => v.date_of_birth)),
        visitor_id_number: lines(visitors.map((v) => v.id_number)),
        visitor_bar_number: lines(visitors.map((v) => v.bar_number)),
        visitor_bar_status: lines(
          visitors.map((v) =>
            v.bar_number === null
              ? null
              : v.bar_in_good_standing
                ? 'Active, in good standing'
                : 'Standing not confirmed',
          ),
        ),
        facility_address: facility
          ? lines([
              facility.name,
              facility.street_address,
              [facility.city, facility.state, facility.zip].filter(Boolean).join(' ') || null,
            ])
          : '',
      }).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
    );
    const firstAttorney = visitors.find((v) => v.capacity === 'attorney')?.user_id ?? null;
    const { record } = await composeAndStoreLetter(deps, ctx, tx, audit, loaded.access, {
      template: 'attorney_visit_request',
      language: input.language,
      personId: visit.person_id,
      intakeId: null,
      senderUserId: input.senderUserId ?? firstAttorney ?? ctx.actor?.userId ?? null,
      fields: { ...fields, ...input.fields },
      legalMail: false,
      summary: `Attorney-visit request${facility ? ` to ${facility.name}` : ''}`,
    });
    await updateVisit(tx, id, { request_document_id: record.document_id, updated_at: deps.clock.now() });
    await audit({
      action: 'visit.request_letter',
      entityType: 'visit',
      entityId: id,
      details: { personId: visit.person_id, correspondenceId: record.id, documentId: record.document_id },
    });
    const row = await findVisibleVisit(tx, viewerOf(ctx), id);
    if (!row || !record.document_id) throw visitNotFound();
    const [view] = await presentVisits(tx, [row]);
    if (!view) throw visitNotFound();
    return { visit: view, correspondenceId: record.id, documentId: record.document_id };
  });
