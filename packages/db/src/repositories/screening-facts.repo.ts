import type { Selectable } from 'kysely';
import type { Executor } from '../executor.js';
import type { PersonScreeningFactsTable } from '../tables.js';

// Screening facts of a person in the case file: what screening needs and the rest of the record does
// not hold (sentencing schemes, theory of liability, medical determinations...). The caller checks
// access to the person and the facts' shape (PersonScreeningFacts) before writing.

export type PersonScreeningFactsRow = Selectable<PersonScreeningFactsTable>;

export const findScreeningFacts = (db: Executor, personId: string) =>
  db.selectFrom('person_screening_facts').selectAll().where('person_id', '=', personId).executeTakeFirst();

export type ScreeningFactsWrite = {
  personId: string;
  facts: Record<string, unknown>;
  updatedBy: string | null;
  now: Date;
};

/** Replaces the person's facts as a whole (PUT semantics). */
export const saveScreeningFacts = (db: Executor, w: ScreeningFactsWrite) =>
  db
    .insertInto('person_screening_facts')
    .values({
      person_id: w.personId,
      facts: JSON.stringify(w.facts),
      updated_by: w.updatedBy,
      updated_at: w.now,
    })
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({
        facts: JSON.stringify(w.facts),
        updated_by: w.updatedBy,
        updated_at: w.now,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
