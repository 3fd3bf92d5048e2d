import {
  headlineSegments,
  IDENTIFIER_LABELS,
  MATTER_TYPE_LABELS,
  type PersonStatus,
  type ScoredRow,
  type SearchHit,
  searchLinks,
  segmentsText,
} from '@redress/core';
import type {
  ContactKind,
  ContactSearchRow,
  DocumentSearchRow,
  IntakeSearchRow,
  MatterSearchRow,
  NoteSearchRow,
  PersonSearchRow,
} from '@redress/db';

const STATUS_LABELS: Record<PersonStatus, string> = {
  in_custody: 'In custody',
  released: 'Released',
  on_parole: 'On parole',
  deceased: 'Deceased',
};

const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  official: 'Official',
  attorney: 'Attorney',
  family: 'Family',
  supporter: 'Supporter',
  journalist: 'Journalist',
  laboratory: 'Laboratory',
  other: 'Contact',
};

const score = (n: number) => Math.round(n * 1000) / 1000;

export const presentPersonHit = ({ id, score: s, matchedOn, row }: ScoredRow<PersonSearchRow>): SearchHit => {
  const about = [STATUS_LABELS[row.status], row.date_of_birth ? `born ${row.date_of_birth}` : null]
    .filter(Boolean)
    .join(' · ');
  const why =
    matchedOn === 'alias' && row.matched_text
      ? `Also known as ${row.matched_text}`
      : matchedOn === 'identifier' && row.identifier_system && row.matched_text
        ? `${IDENTIFIER_LABELS[row.identifier_system]} ${row.matched_text}`
        : null;
  return {
    id,
    score: score(s),
    label: row.legal_name,
    subLabel: [why, about].filter(Boolean).join(' · ') || null,
    link: searchLinks.person(id),
    matchedOn,
  };
};

export const presentMatterHit = ({ id, score: s, matchedOn, row }: ScoredRow<MatterSearchRow>): SearchHit => ({
  id,
  score: score(s),
  label: row.title,
  subLabel: [row.person_name, MATTER_TYPE_LABELS[row.type], row.stage].join(' · '),
  link: searchLinks.matter(id),
  matchedOn,
});

export const presentContactHit = ({ id, score: s, matchedOn, row }: ScoredRow<ContactSearchRow>): SearchHit => ({
  id,
  score: score(s),
  label: row.name,
  subLabel: [row.title, row.organisation].filter(Boolean).join(', ') || CONTACT_KIND_LABELS[row.kind],
  link: searchLinks.contact(id),
  matchedOn,
});

export const presentNoteHit = (row: NoteSearchRow): SearchHit => {
  const highlights = headlineSegments(row.headline);
  return {
    id: row.id,
    score: score(row.score),
    label: segmentsText(highlights),
    subLabel: [row.is_privileged ? 'Privileged' : null, row.matter_title, row.created_at.toISOString().slice(0, 10)]
      .filter(Boolean)
      .join(' · '),
    link: searchLinks.note(row.matter_id, row.id),
    matchedOn: 'text',
    matterId: row.matter_id,
    highlights,
  };
};

const INTAKE_STATE_LABELS: Record<IntakeSearchRow['state'], string> = {
  new: 'New',
  in_review: 'In review',
  decided: 'Decided',
};

export const presentIntakeHit = ({ id, score: s, matchedOn, row }: ScoredRow<IntakeSearchRow>): SearchHit => {
  const why =
    matchedOn === 'identifier' && row.prisoner_number
      ? `Prisoner number ${row.prisoner_number}`
      : matchedOn === 'text'
        ? 'In a document'
        : null;
  return {
    id,
    score: score(s),
    label: row.applicant_name ?? row.reference,
    subLabel: [row.reference, why, INTAKE_STATE_LABELS[row.state], `received ${row.received_on}`]
      .filter(Boolean)
      .join(' · '),
    link: searchLinks.intake(id),
    matchedOn,
  };
};

/** A person's document: the file name, then the person; the passage (if the text matched) as highlights. */
export const presentDocumentHit = (row: DocumentSearchRow): SearchHit => {
  const highlights = headlineSegments(row.headline);
  return {
    id: row.id,
    score: score(row.score),
    label: row.file_name,
    subLabel: [row.is_privileged ? 'Privileged' : null, row.person_name].filter(Boolean).join(' · '),
    link: searchLinks.document(row.person_id),
    matchedOn: 'text',
    personId: row.person_id,
    highlights,
  };
};
