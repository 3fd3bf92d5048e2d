import { type CaseFileForScreening, PersonScreeningFacts } from '@redress/core';
import {
  type Executor,
  findScreeningFacts,
  listConvictions,
  listCounts,
  listPlacements,
  listSentenceEvents,
  type PersonRow,
} from '@redress/db';
import { toSentenceEvent } from '../people/person-presenters.js';

/**
 * The stored screening facts of a person, read through their schema: facts written before a field
 * was renamed or dropped are ignored field by field rather than failing the whole screening.
 */
export const readScreeningFacts = async (db: Executor, personId: string): Promise<PersonScreeningFacts | null> => {
  const row = await findScreeningFacts(db, personId);
  if (!row) return null;
  const parsed = PersonScreeningFacts.safeParse(row.facts);
  if (parsed.success) return parsed.data;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.facts)) {
    if (PersonScreeningFacts.safeParse({ [key]: value }).success) kept[key] = value;
  }
  return PersonScreeningFacts.parse(kept);
};

/** Everything of a person's record that screening reads: convictions with counts and sentences, placements, facts. */
export const loadCaseFileForScreening = async (db: Executor, person: PersonRow): Promise<CaseFileForScreening> => {
  const convictions = await listConvictions(db, person.id);
  const ids = convictions.map((c) => c.id);
  const counts = await listCounts(db, ids);
  const events = await listSentenceEvents(db, ids);
  const placements = await listPlacements(db, person.id);
  return {
    person: {
      id: person.id,
      legalName: person.legal_name,
      dateOfBirth: person.date_of_birth,
      status: person.status,
    },
    convictions: convictions.map((c) => ({
      id: c.id,
      jurisdiction: c.jurisdiction,
      offenseStart: c.offense_start,
      offenseEnd: c.offense_end,
      convictionDate: c.conviction_date,
      disposition: c.disposition,
      enhancements: c.enhancements,
      specialCircumstances: c.special_circumstances,
      counts: counts
        .filter((n) => n.conviction_id === c.id)
        .map((n) => ({ statute: n.statute, degree: n.degree, isAttempt: n.is_attempt })),
      sentenceEvents: events.filter((e) => e.conviction_id === c.id).map(toSentenceEvent),
    })),
    placements: placements.map((p) => ({ fromDate: p.from_date, toDate: p.to_date })),
    facts: await readScreeningFacts(db, person.id),
  };
};
