import type { Selectable } from 'kysely';
import type { Executor } from '../executor.js';
import type { AttorneyProfileTable, LetterTemplateTable } from '../tables.js';

// Attorney profiles (the return address of legal mail) and uploaded letter templates. The caller
// decides who may read or change them and writes the audit entry.

export type AttorneyProfileRow = Selectable<AttorneyProfileTable>;
export type LetterTemplateRow = Selectable<LetterTemplateTable>;

export const findAttorneyProfile = (db: Executor, userId: string) =>
  db.selectFrom('attorney_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();

export type AttorneyProfileValues = {
  displayName: string;
  title: string;
  barNumber: string | null;
  barState: string;
  barAddressLines: string[];
  phone: string | null;
  email: string | null;
};

export const upsertAttorneyProfile = (db: Executor, userId: string, v: AttorneyProfileValues, now: Date) => {
  const values = {
    display_name: v.displayName,
    title: v.title,
    bar_number: v.barNumber,
    bar_state: v.barState,
    bar_address_lines: v.barAddressLines,
    phone: v.phone,
    email: v.email,
    updated_at: now,
  };
  return db
    .insertInto('attorney_profiles')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
};

export const listLetterTemplates = (db: Executor) =>
  db.selectFrom('letter_templates').selectAll().orderBy('key').orderBy('language').execute();

export const findLetterTemplate = (db: Executor, key: string, language: string) =>
  db
    .selectFrom('letter_templates')
    .selectAll()
    .where('key', '=', key)
    .where('language', '=', language)
    .executeTakeFirst();

export const upsertLetterTemplate = (
  db: Executor,
  t: { key: string; language: string; documentId: string; updatedBy: string | null; now: Date },
) =>
  db
    .insertInto('letter_templates')
    .values({ key: t.key, language: t.language, document_id: t.documentId, updated_by: t.updatedBy, updated_at: t.now })
    .onConflict((oc) =>
      oc
        .columns(['key', 'language'])
        .doUpdateSet({ document_id: t.documentId, updated_by: t.updatedBy, updated_at: t.now }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteLetterTemplate = (db: Executor, key: string, language: string) =>
  db
    .deleteFrom('letter_templates')
    .where('key', '=', key)
    .where('language', '=', language)
    .returningAll()
    .executeTakeFirst();

/** What a letter about an intake needs from it (access is the caller's job). */
export const findIntakeForLetter = (db: Executor, id: string) =>
  db
    .selectFrom('intakes')
    .select([
      'id',
      'reference',
      'applicant_name',
      'prisoner_number',
      'number_system',
      'facility_id',
      'person_id',
      'decision_reason',
      'referral_organisation',
      'language',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
