import {
  type AliasView,
  type ConvictionPartyView,
  type ConvictionView,
  type CurrentSentence,
  type CurrentSentenceView,
  deriveCurrentSentence,
  describeCurrentSentence,
  type IdentifierView,
  labelSentenceEvent,
  type MailHoldView,
  orderSentenceEvents,
  type PlacementView,
  type SentenceEvent,
  type SentenceEventView,
} from '@redress/core';
import type {
  ConvictionCountRow,
  ConvictionPartyRow,
  ConvictionRow,
  CustodyPlacementRow,
  PersonAliasRow,
  PersonIdentifierRow,
  PersonRow,
  SentenceEventRow,
} from '@redress/db';

/** Rows to views: the only place that knows both the column names and the API's field names. */

export const presentAlias = (a: PersonAliasRow): AliasView => ({ id: a.id, name: a.name, kind: a.kind });

export const presentIdentifier = (i: PersonIdentifierRow): IdentifierView => ({
  id: i.id,
  system: i.system,
  value: i.value,
  issuer: i.issuer,
});

/** The open placement that started last is the current one (imports may leave more than one open). */
export const currentPlacementId = (placements: readonly CustodyPlacementRow[]): string | null =>
  placements
    .filter((p) => p.to_date === null)
    .sort((a, b) => b.from_date.localeCompare(a.from_date) || b.created_at.getTime() - a.created_at.getTime())[0]?.id ??
  null;

export const presentPlacement = (p: CustodyPlacementRow, currentId: string | null): PlacementView => ({
  id: p.id,
  facilityId: p.facility_id,
  facilityName: p.facility_name,
  housing: p.housing,
  fromDate: p.from_date,
  toDate: p.to_date,
  learnedFrom: p.learned_from,
  addressConfirmedAt: p.address_confirmed_at,
  isCurrent: p.id === currentId,
});

export const presentMailHold = (p: Pick<PersonRow, 'mail_hold_since' | 'mail_hold_reason'>): MailHoldView | null =>
  p.mail_hold_since ? { since: p.mail_hold_since, reason: p.mail_hold_reason ?? '' } : null;

export const presentParty = (p: ConvictionPartyRow): ConvictionPartyView => ({
  id: p.id,
  convictionId: p.conviction_id,
  role: p.role,
  name: p.name,
  notify: p.notify,
  notes: p.notes,
});

/** A stored event as the core's sentence arithmetic takes it. */
export const toSentenceEvent = (e: SentenceEventRow): SentenceEvent => ({
  id: e.id,
  kind: e.kind,
  date: e.date,
  authority: e.authority,
  authorityName: e.authority_name,
  term: e.term,
  executionMethod: e.execution_method,
});

export const presentSentenceEvent = (e: SentenceEventRow): SentenceEventView => ({
  id: e.id,
  convictionId: e.conviction_id,
  position: e.position,
  kind: e.kind,
  date: e.date,
  authority: e.authority,
  authorityName: e.authority_name,
  term: e.term,
  executionMethod: e.execution_method,
  note: e.note,
  documentId: e.document_id,
  label: labelSentenceEvent(toSentenceEvent(e)),
});

export const presentCurrentSentence = (c: CurrentSentence | null): CurrentSentenceView | null =>
  c ? { ...c, label: describeCurrentSentence(c) } : null;

/** The conviction's events in date order, and the sentence derived from them. */
export const presentSentenceHistory = (conviction: ConvictionRow, events: readonly SentenceEventRow[]) => {
  const byPosition = [...events].sort((a, b) => a.position - b.position);
  const { current, issues } = deriveCurrentSentence(byPosition.map(toSentenceEvent), {
    convictionDate: conviction.conviction_date,
  });
  const rows = new Map(byPosition.map((e) => [e.id, e]));
  return {
    sentenceEvents: orderSentenceEvents(byPosition.map(toSentenceEvent)).map((e) =>
      presentSentenceEvent(rows.get(e.id) as SentenceEventRow),
    ),
    currentSentence: presentCurrentSentence(current),
    sentenceIssues: issues,
  };
};

export const presentConviction = (
  c: ConvictionRow,
  related: {
    counts: readonly ConvictionCountRow[];
    parties: readonly ConvictionPartyRow[];
    events: readonly SentenceEventRow[];
  },
): ConvictionView => ({
  id: c.id,
  personId: c.person_id,
  caseNumber: c.case_number,
  court: c.court,
  county: c.county,
  jurisdiction: c.jurisdiction,
  offenseStart: c.offense_start,
  offenseEnd: c.offense_end,
  convictionDate: c.conviction_date,
  disposition: c.disposition,
  enhancements: c.enhancements,
  specialCircumstances: c.special_circumstances,
  prosecutor: c.prosecutor,
  defenseCounsel: c.defense_counsel,
  judge: c.judge,
  counts: related.counts
    .filter((n) => n.conviction_id === c.id)
    .map((n) => ({
      id: n.id,
      position: n.position,
      statute: n.statute,
      description: n.description,
      degree: n.degree,
      isAttempt: n.is_attempt,
    })),
  parties: related.parties.filter((p) => p.conviction_id === c.id).map(presentParty),
  ...presentSentenceHistory(
    c,
    related.events.filter((e) => e.conviction_id === c.id),
  ),
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
});
