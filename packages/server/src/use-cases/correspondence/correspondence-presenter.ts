import type { CorrespondenceBody } from '@redress/core';
import type { CorrespondenceRow } from '@redress/db';

export const presentCorrespondence = (r: CorrespondenceRow): CorrespondenceBody => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  intakeId: r.intake_id,
  direction: r.direction,
  channel: r.channel,
  state: r.state,
  sentOn: r.sent_on,
  receivedOn: r.received_on,
  summary: r.summary,
  templateKey: r.template_key,
  language: r.language,
  documentId: r.document_id,
  staff: r.staff_id && r.staff_name ? { id: r.staff_id, name: r.staff_name } : null,
  returnedReason: r.returned_reason,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});
