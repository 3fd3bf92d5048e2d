import {
  type ClaimType,
  type IntakeChannel,
  type IntakeLanguage,
  type IntakeQuestionnaire,
  type IntakeState,
  identifierKey,
} from '@redress/core';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../executor.js';
import type { IntakeTable } from '../tables.js';
import { nameSearchOf } from './people.repo.js';

// Intakes: the triage queue, one intake with the names around it, the reference counter, prior
// intakes of the same person, and the rows the metrics are counted from. Intake triage is a workspace
// permission: whoever may triage sees every intake, so these queries take no viewer.

export type IntakeRow = Selectable<IntakeTable>;

export type IntakeListRow = IntakeRow & {
  assigned_to_name: string | null;
  facility_name: string | null;
};

export type IntakeDetailRow = IntakeListRow & {
  decided_by_name: string | null;
  created_by_name: string | null;
  person_legal_name: string | null;
  matter_title: string | null;
};

const withNames = (db: Executor) =>
  db
    .selectFrom('intakes')
    .leftJoin('users as au', 'au.id', 'intakes.assigned_to')
    .leftJoin('facilities as fa', 'fa.id', 'intakes.facility_id')
    .selectAll('intakes')
    .select(['au.name as assigned_to_name', 'fa.name as facility_name']);

/** The next reference of a year, IN-2026-00042: one counter row per year, taken under its row lock. */
export const nextIntakeReference = async (db: Executor, year: number): Promise<string> => {
  const row = await db
    .insertInto('intake_reference_counters')
    .values({ year, last_number: 1 })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ last_number: sql<number>`intake_reference_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `IN-${year}-${String(row.last_number).padStart(5, '0')}`;
};

export type NewIntake = Omit<Insertable<IntakeTable>, 'name_search' | 'questionnaire'> & {
  questionnaire: IntakeQuestionnaire;
};

export const insertIntake = (db: Executor, { questionnaire, ...row }: NewIntake) =>
  db
    .insertInto('intakes')
    .values({
      ...row,
      name_search: row.applicant_name ? nameSearchOf(row.applicant_name) : null,
      questionnaire: JSON.stringify(questionnaire),
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();

export type IntakeChanges = Omit<Updateable<IntakeTable>, 'name_search' | 'questionnaire' | 'updated_at'> & {
  questionnaire?: IntakeQuestionnaire;
};

export const updateIntake = (db: Executor, id: string, { questionnaire, ...changes }: IntakeChanges, now: Date) =>
  db
    .updateTable('intakes')
    .set({
      ...changes,
      ...(changes.applicant_name !== undefined
        ? { name_search: changes.applicant_name ? nameSearchOf(changes.applicant_name) : null }
        : {}),
      ...(questionnaire !== undefined ? { questionnaire: JSON.stringify(questionnaire) } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();

export const findIntake = async (
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<IntakeDetailRow | undefined> => {
  if (options.forUpdate) {
    const locked = await db.selectFrom('intakes').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!locked) return undefined;
  }
  return withNames(db)
    .leftJoin('users as du', 'du.id', 'intakes.decided_by')
    .leftJoin('users as cu', 'cu.id', 'intakes.created_by')
    .leftJoin('people as ip', 'ip.id', 'intakes.person_id')
    .leftJoin('matters as im', 'im.id', 'intakes.matter_id')
    .select([
      'du.name as decided_by_name',
      'cu.name as created_by_name',
      'ip.legal_name as person_legal_name',
      'im.title as matter_title',
    ])
    .where('intakes.id', '=', id)
    .executeTakeFirst();
};

export type IntakeListFilter = {
  state?: IntakeState | undefined;
  /** Only new and in_review. */
  isOpen?: boolean | undefined;
  decision?: string | undefined;
  channel?: IntakeChannel | undefined;
  /** received_on < this day. */
  receivedBefore?: string | undefined;
  /** received_on >= this day. */
  receivedFrom?: string | undefined;
  /** received_on <= this day. */
  receivedTo?: string | undefined;
  jurisdiction?: string | undefined;
  claimType?: ClaimType | undefined;
  language?: IntakeLanguage | undefined;
  /** A user id, or null for unassigned. */
  assignedTo?: string | null | undefined;
  sort: 'received_on' | 'updated_at';
  descending: boolean;
  /** The sort value and id of the last row of the previous page. */
  after?: { value: string; id: string } | undefined;
  limit: number;
};

/** The triage queue: keyset-paginated on (sort column, id). */
export const listIntakes = (db: Executor, f: IntakeListFilter): Promise<IntakeListRow[]> => {
  let q = withNames(db);
  if (f.state) q = q.where('intakes.state', '=', f.state);
  if (f.isOpen === true) q = q.where('intakes.state', 'in', ['new', 'in_review']);
  if (f.isOpen === false) q = q.where('intakes.state', '=', 'decided');
  if (f.decision) q = q.where('intakes.decision', '=', f.decision as never);
  if (f.channel) q = q.where('intakes.channel', '=', f.channel);
  if (f.receivedBefore) q = q.where('intakes.received_on', '<', f.receivedBefore);
  if (f.receivedFrom) q = q.where('intakes.received_on', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('intakes.received_on', '<=', f.receivedTo);
  if (f.jurisdiction) q = q.where('intakes.jurisdiction', '=', f.jurisdiction);
  if (f.claimType) q = q.where('intakes.claim_type', '=', f.claimType);
  if (f.language) q = q.where('intakes.language', '=', f.language);
  if (f.assignedTo === null) q = q.where('intakes.assigned_to', 'is', null);
  else if (f.assignedTo !== undefined) q = q.where('intakes.assigned_to', '=', f.assignedTo);
  const column = f.sort === 'received_on' ? 'intakes.received_on' : 'intakes.updated_at';
  const direction = f.descending ? 'desc' : 'asc';
  if (f.after) {
    const after = f.after;
    q = q.where((eb) =>
      eb.or([
        eb(column, f.descending ? '<' : '>', after.value),
        eb.and([eb(column, '=', after.value), eb('intakes.id', f.descending ? '<' : '>', after.id)]),
      ]),
    );
  }
  return q.orderBy(column, direction).orderBy('intakes.id', direction).limit(f.limit).execute();
};

// ---- Prior intakes of the same person ----

export type PriorIntakeProbe = {
  names: readonly string[];
  dateOfBirth: string | null;
  prisonerNumbers: readonly string[];
  excludeId: string;
  /** pg_trgm similarity a name must reach. */
  similarity: number;
};

export type PriorIntakeCandidate = Pick<
  IntakeRow,
  'id' | 'reference' | 'applicant_name' | 'applicant_dob' | 'prisoner_number' | 'received_on' | 'state' | 'decision'
> & { aliases: string[] };

/**
 * Other intakes that may be from the same person: a similar applicant name (trigram, through the
 * index), the same date of birth, or the same prisoner number (compared without case, spaces or
 * dashes). The core scores them.
 */
export const findPriorIntakeCandidates = async (
  db: Executor,
  probe: PriorIntakeProbe,
  limit = 20,
): Promise<PriorIntakeCandidate[]> => {
  const names = [...new Set(probe.names.map(nameSearchOf).filter((n) => n.length > 0))];
  const keys = [...new Set(probe.prisonerNumbers.map(identifierKey).filter((k) => k.length > 0))];
  if (names.length === 0 && keys.length === 0 && !probe.dateOfBirth) return [];
  const rows = await db
    .selectFrom('intakes')
    .select([
      'id',
      'reference',
      'applicant_name',
      'applicant_dob',
      'prisoner_number',
      'received_on',
      'state',
      'decision',
      'questionnaire',
    ])
    .where('id', '!=', probe.excludeId)
    .where((eb) =>
      eb.or([
        ...names.map((n) =>
          eb.and([
            sql<boolean>`intakes.name_search % ${n}`,
            sql<boolean>`similarity(intakes.name_search, ${n}) >= ${probe.similarity}`,
          ]),
        ),
        ...(probe.dateOfBirth ? [eb('applicant_dob', '=', probe.dateOfBirth)] : []),
        ...(keys.length > 0
          ? [eb(sql<string>`upper(regexp_replace(intakes.prisoner_number, '[[:space:]_./-]', '', 'g'))`, 'in', keys)]
          : []),
      ]),
    )
    .orderBy('received_on', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(({ questionnaire, ...r }) => ({ ...r, aliases: questionnaire.background?.aliases ?? [] }));
};

// ---- Metrics and limits ----

export type IntakeMetricsDbRow = Pick<
  IntakeRow,
  'channel' | 'state' | 'decision' | 'decision_reason' | 'received_on' | 'first_response_on' | 'decided_at'
>;

/**
 * The rows the metrics are counted from: intakes received in the range, intakes decided in it, and
 * every open intake (the backlog).
 */
export const listIntakeMetricsRows = (
  db: Executor,
  range: { from: string; to: string; decidedFrom: Date; decidedTo: Date },
): Promise<IntakeMetricsDbRow[]> =>
  db
    .selectFrom('intakes')
    .select(['channel', 'state', 'decision', 'decision_reason', 'received_on', 'first_response_on', 'decided_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('received_on', '>=', range.from), eb('received_on', '<=', range.to)]),
        eb.and([eb('decided_at', '>=', range.decidedFrom), eb('decided_at', '<', range.decidedTo)]),
        eb('state', 'in', ['new', 'in_review']),
      ]),
    )
    .execute();

/** Public-form intakes created since a moment (the limit on submissions from everyone together). */
export const countPublicIntakesSince = async (db: Executor, since: Date): Promise<number> => {
  const row = await db
    .selectFrom('intakes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('channel', '=', 'public_form')
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

/** Documents of an intake become the person's when the intake is accepted. */
export const moveIntakeDocumentsToPerson = (db: Executor, intakeId: string, personId: string) =>
  db
    .updateTable('documents')
    .set({ person_id: personId })
    .where('intake_id', '=', intakeId)
    .where('person_id', 'is', null)
    .returning('id')
    .execute();

export const findUserForAssignment = (db: Executor, id: string) =>
  db.selectFrom('users').select(['id', 'name', 'role', 'is_disabled']).where('id', '=', id).executeTakeFirst();
