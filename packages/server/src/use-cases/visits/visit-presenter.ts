import { type VisitBody, visitDurationMinutes } from '@redress/core';
import { type Executor, listVisitors, type VisitRow, type VisitVisitorRow } from '@redress/db';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentVisit = (v: VisitRow, visitors: readonly VisitVisitorRow[]): VisitBody => {
  const open = v.viewer_on_legal_team;
  const duration = v.held_start && v.held_end ? visitDurationMinutes(v.held_start, v.held_end) : null;
  return {
    id: v.id,
    personId: v.person_id,
    personName: v.person_name,
    facility: v.facility_id && v.facility_name ? { id: v.facility_id, name: v.facility_name } : null,
    matterId: v.matter_id,
    status: v.status,
    purpose: v.purpose,
    requestedOn: v.requested_on,
    proposedDates: Array.isArray(v.proposed_dates) ? v.proposed_dates : [],
    scheduledStart: iso(v.scheduled_start),
    scheduledEnd: iso(v.scheduled_end),
    decidedReason: v.decided_reason,
    requestDocumentId: v.request_document_id,
    visitors: visitors
      .filter((x) => x.visit_id === v.id)
      .map((x) => ({
        userId: x.user_id,
        name: x.user_name,
        capacity: x.capacity,
        supervisingAttorney:
          x.supervising_attorney_id && x.supervising_attorney_name
            ? { id: x.supervising_attorney_id, name: x.supervising_attorney_name }
            : null,
        attended: x.attended,
        // Personal data of staff given to one facility: the person's legal team only.
        details: open
          ? {
              dateOfBirth: x.date_of_birth,
              idNumber: x.id_number,
              barNumber: x.bar_number,
              barInGoodStanding: x.bar_in_good_standing,
              mailingAddress: x.mailing_address,
            }
          : null,
      })),
    record:
      v.held_start && v.held_end
        ? {
            heldStart: v.held_start.toISOString(),
            heldEnd: v.held_end.toISOString(),
            durationMinutes: duration?.ok ? duration.value : 0,
            hasPrivilegedNotes: v.record_notes_privileged !== null,
            privilegedNotes: open ? v.record_notes_privileged : null,
          }
        : null,
    createdBy: v.created_by && v.created_by_name ? { id: v.created_by, name: v.created_by_name } : null,
    createdAt: v.created_at.toISOString(),
    updatedAt: v.updated_at.toISOString(),
  };
};

/** Presents visits with their visitors (one query for all of them). */
export const presentVisits = async (db: Executor, rows: readonly VisitRow[]): Promise<VisitBody[]> => {
  const visitors = await listVisitors(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentVisit(r, visitors));
};
