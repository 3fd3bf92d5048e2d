import type {
  ContactLinkView,
  ContactView,
  MatterSummary,
  NoteView,
  PartyView,
  StageChangeView,
  TaskView,
  TeamMemberView,
} from '@redress/core';
import type { ContactLinkRow, ContactRow, MatterRow, NoteRow, TaskRow, TeamMemberRow } from '@redress/db';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentMatterSummary = (m: MatterRow): MatterSummary => ({
  id: m.id,
  personId: m.person_id,
  personName: m.person_name,
  type: m.type,
  title: m.title,
  stage: m.stage,
  decisionMaker: m.decision_maker,
  openedOn: m.opened_on,
  closedOn: m.closed_on,
  outcome: m.outcome,
  releaseDate: m.release_date,
  createdAt: m.created_at.toISOString(),
  updatedAt: m.updated_at.toISOString(),
});

export const presentTeamMember = (t: TeamMemberRow): TeamMemberView => ({
  userId: t.user_id,
  name: t.name,
  email: t.email,
  role: t.role,
  matterRole: t.matter_role,
  addedAt: t.added_at.toISOString(),
});

export const presentStageChange = (h: {
  from_stage: string | null;
  to_stage: string;
  changed_at: Date;
  changed_by: string | null;
  changed_by_name: string | null;
}): StageChangeView => ({
  fromStage: h.from_stage,
  toStage: h.to_stage,
  changedAt: h.changed_at.toISOString(),
  changedBy: h.changed_by && h.changed_by_name !== null ? { id: h.changed_by, name: h.changed_by_name } : null,
});

export const presentTask = (t: TaskRow): TaskView => ({
  id: t.id,
  matterId: t.matter_id,
  matterTitle: t.matter_title,
  title: t.title,
  assignee: t.assignee_id && t.assignee_name !== null ? { id: t.assignee_id, name: t.assignee_name } : null,
  dueOn: t.due_on,
  status: t.status,
  createdAt: t.created_at.toISOString(),
  completedAt: iso(t.completed_at),
});

export const presentNote = (n: NoteRow, mentions: { id: string; name: string }[]): NoteView => ({
  id: n.id,
  matterId: n.matter_id,
  body: n.body,
  isPrivileged: n.is_privileged,
  author: n.author_id && n.author_name !== null ? { id: n.author_id, name: n.author_name } : null,
  mentions,
  createdAt: n.created_at.toISOString(),
  updatedAt: n.updated_at.toISOString(),
});

export const presentParty = (p: {
  id: string;
  matter_id: string;
  role: PartyView['role'];
  name: string;
}): PartyView => ({
  id: p.id,
  matterId: p.matter_id,
  role: p.role,
  name: p.name,
});

export const presentContact = (c: ContactRow): ContactView => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  organisation: c.organisation,
  title: c.title,
  email: c.email,
  phone: c.phone,
  address: c.address,
  notes: c.notes,
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
});

export const presentContactLink = (l: ContactLinkRow): ContactLinkView => ({
  id: l.id,
  contactId: l.contact_id,
  relationship: l.relationship,
  person: l.person_id && l.person_name !== null ? { id: l.person_id, name: l.person_name } : null,
  matter: l.matter_id && l.matter_title !== null ? { id: l.matter_id, title: l.matter_title } : null,
});
