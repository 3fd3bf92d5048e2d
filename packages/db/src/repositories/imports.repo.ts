import {
  type ContactImportRecord,
  DEFAULT_DECISION_MAKERS,
  IDENTIFIER_LABELS,
  type ImportedIdentifierSystem,
  type ImportKind,
  type ImportStatus,
  MATTER_TYPE_LABELS,
  type MatterImportRecord,
  type MatterRole,
  type MatterType,
  type PersonImportRecord,
  type Role,
} from '@redress/core';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { personIsVisible } from '../access-scope.js';
import type { Executor, Tx } from '../executor.js';
import type { ContactTable, ImportTable, MatterTable, PersonIdentifierTable, PersonTable } from '../tables.js';
import { nameSearchOf } from './people.repo.js';

// Spreadsheet imports: the staged file (imports, import_rows) and the batch upserts that write its
// rows, keyed by each record's external id so that importing a file again updates instead of
// duplicating.

export type ImportRow = Selectable<ImportTable>;

export type NewImport = {
  id: string;
  kind: ImportKind;
  filename: string;
  header: string[];
  rowCount: number;
  report: Record<string, unknown> | null;
  createdBy: string | null;
  now: Date;
};

export const insertImport = (db: Executor, i: NewImport) =>
  db
    .insertInto('imports')
    .values({
      id: i.id,
      kind: i.kind,
      filename: i.filename,
      status: 'uploaded',
      header: i.header,
      mapping: null,
      row_count: i.rowCount,
      report: i.report === null ? null : JSON.stringify(i.report),
      created_by: i.createdBy,
      created_at: i.now,
      updated_at: i.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

/** Stages rows of the file; the caller sends them in chunks (one statement per chunk). */
export const insertImportRows = async (
  db: Executor,
  importId: string,
  rows: readonly { line: number; cells: string[] }[],
): Promise<void> => {
  if (rows.length === 0) return;
  await db
    .insertInto('import_rows')
    .values(rows.map((r) => ({ import_id: importId, line: r.line, cells: r.cells })))
    .execute();
};

export const findImportById = (db: Executor, id: string) =>
  db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();

export type ImportChanges = {
  status?: ImportStatus;
  mapping?: Record<string, string | null> | null;
  rowsDone?: number;
  report?: Record<string, unknown> | null;
  rowCount?: number;
};

export const updateImport = (db: Executor, id: string, changes: ImportChanges, now: Date) =>
  db
    .updateTable('imports')
    .set({
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.mapping !== undefined
        ? { mapping: changes.mapping === null ? null : JSON.stringify(changes.mapping) }
        : {}),
      ...(changes.rowsDone !== undefined ? { rows_done: changes.rowsDone } : {}),
      ...(changes.report !== undefined
        ? { report: changes.report === null ? null : JSON.stringify(changes.report) }
        : {}),
      ...(changes.rowCount !== undefined ? { row_count: changes.rowCount } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();

/**
 * Marks the import as running, unless another run holds it: a run touches `updated_at` after every
 * batch, so a run whose process died is taken over once `staleBefore` has passed.
 */
export const claimImportRun = (db: Executor, id: string, now: Date, staleBefore: Date) =>
  db
    .updateTable('imports')
    .set({ status: 'importing', updated_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('status', '<>', 'importing'), eb('updated_at', '<', staleBefore)]))
    .returningAll()
    .executeTakeFirst();

/** Staged rows in line order, after `afterLine`. */
export const listImportRows = (db: Executor, importId: string, afterLine: number, limit: number) =>
  db
    .selectFrom('import_rows')
    .select(['line', 'cells'])
    .where('import_id', '=', importId)
    .where('line', '>', afterLine)
    .orderBy('line')
    .limit(limit)
    .execute();

// ---- Upserts ----

/** A row's outcome: written (or found unchanged), or refused with the fields at fault. */
export type UpsertOutcome =
  | { line: number; outcome: 'created' | 'updated' | 'unchanged'; id: string }
  | { line: number; outcome: 'failed'; errors: { field: string | null; message: string }[] };

/** Who imports: a user, or (null) the operator at the server's command line. */
export type Importer = { userId: string; role: Role } | null;

/** How the importer stands to a record that already has the row's external id (facts for the policy). */
export type ExistingStanding = { createdBy: string | null; importerMatterRoles: MatterRole[] };

type UpsertOptions = {
  importer: Importer;
  now: Date;
  newId: () => string;
  /** The access policy's answer: may this importer change this existing record? */
  mayUpdate: (standing: ExistingStanding) => boolean;
};

const IN_USE = 'Already used by a record you may not change';

/** Rows to insert per statement (PostgreSQL takes at most 65,535 parameters in one). */
const INSERT_CHUNK = 1000;

const insertChunked = async <T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insert(rows.slice(i, i + INSERT_CHUNK));
};

/** Changed columns only: a key is set when the record gives a value that differs from the stored one. */
const diff = <R extends Record<string, unknown>>(stored: R, wanted: Partial<R>): Partial<R> => {
  const changes: Partial<R> = {};
  for (const key of Object.keys(wanted) as (keyof R)[]) {
    const value = wanted[key];
    if (value !== undefined && value !== stored[key]) changes[key] = value;
  }
  return changes;
};

/** The importer's matter roles on the teams of the given people's matters, or of the given matters. */
const importerRoles = async (
  tx: Tx,
  importer: Importer,
  by: 'person' | 'matter',
  ids: readonly string[],
): Promise<Map<string, MatterRole[]>> => {
  const roles = new Map<string, MatterRole[]>();
  if (!importer || ids.length === 0) return roles;
  const rows = await tx
    .selectFrom('matter_team')
    .innerJoin('matters', 'matters.id', 'matter_team.matter_id')
    .select(['matters.id as matter_id', 'matters.person_id', 'matter_team.matter_role'])
    .where('matter_team.user_id', '=', importer.userId)
    .where(by === 'person' ? 'matters.person_id' : 'matters.id', 'in', ids)
    .execute();
  for (const r of rows) {
    const key = by === 'person' ? r.person_id : r.matter_id;
    roles.set(key, [...(roles.get(key) ?? []), r.matter_role]);
  }
  return roles;
};

export const IMPORTED_IDENTIFIER_FIELDS: Record<ImportedIdentifierSystem, string> = {
  cdcr: 'cdcr_number',
  bop: 'bop_register_number',
  county_booking: 'county_booking_number',
};

type PersonColumns = Pick<
  PersonTable,
  'legal_name' | 'date_of_birth' | 'gender' | 'preferred_language' | 'phone' | 'email' | 'mailing_address' | 'notes'
> & { status: string };

const personColumnsOf = (r: PersonImportRecord): Partial<PersonColumns> => ({
  legal_name: r.legalName,
  date_of_birth: r.dateOfBirth,
  gender: r.gender,
  preferred_language: r.preferredLanguage,
  status: r.status,
  phone: r.phone,
  email: r.email,
  mailing_address: r.mailingAddress,
  notes: r.notes,
});

/**
 * Creates or updates one batch of people by external id, with their aliases (added, never removed:
 * a sheet may list only some) and identifiers (a value given for a system replaces the person's
 * other values of that system). An identifier held by another person, or an external id held by a
 * record the importer may not change, refuses the row and leaves the rest of the batch to be written.
 */
export const upsertPeople = async (
  tx: Tx,
  rows: readonly { line: number; record: PersonImportRecord }[],
  opts: UpsertOptions,
): Promise<UpsertOutcome[]> => {
  if (rows.length === 0) return [];
  const existing = await tx
    .selectFrom('people')
    .selectAll()
    .where(
      'external_id',
      'in',
      rows.map((r) => r.record.externalId),
    )
    .execute();
  const byExternalId = new Map(existing.map((p) => [p.external_id as string, p]));
  const existingIds = existing.map((p) => p.id);
  const roles = await importerRoles(tx, opts.importer, 'person', existingIds);
  const aliasRows =
    existingIds.length === 0
      ? []
      : await tx
          .selectFrom('person_aliases')
          .select(['person_id', 'name_search'])
          .where('person_id', 'in', existingIds)
          .execute();
  const aliasesOf = new Map<string, Set<string>>();
  for (const a of aliasRows) aliasesOf.set(a.person_id, (aliasesOf.get(a.person_id) ?? new Set()).add(a.name_search));
  const values = [...new Set(rows.flatMap((r) => Object.values(r.record.identifiers)))];
  const systems = [...new Set(rows.flatMap((r) => Object.keys(r.record.identifiers)))] as ImportedIdentifierSystem[];
  const identifierRows = [
    ...(values.length === 0
      ? []
      : await tx
          .selectFrom('person_identifiers')
          .select(['id', 'person_id', 'system', 'value'])
          // Both columns of the unique (system, value) index, so the lookup uses it.
          .where('system', 'in', systems)
          .where('value', 'in', values)
          .execute()),
    ...(existingIds.length === 0
      ? []
      : await tx
          .selectFrom('person_identifiers')
          .select(['id', 'person_id', 'system', 'value'])
          .where('person_id', 'in', existingIds)
          .where('system', 'in', ['cdcr', 'bop', 'county_booking'])
          .execute()),
  ];
  const holderOf = new Map(identifierRows.map((i) => [`${i.system}:${i.value}`, i.person_id]));
  const identifiersOf = new Map<string, { id: string; system: string; value: string }[]>();
  for (const i of identifierRows) identifiersOf.set(i.person_id, [...(identifiersOf.get(i.person_id) ?? []), i]);

  const outcomes: UpsertOutcome[] = [];
  const inserts: Insertable<PersonTable>[] = [];
  const updates: { id: string; changes: Updateable<PersonTable> }[] = [];
  const aliasInserts: { id: string; person_id: string; name: string; name_search: string }[] = [];
  const identifierInserts: Insertable<PersonIdentifierTable>[] = [];
  const identifierDeletes = new Set<string>();

  for (const { line, record } of rows) {
    const stored = byExternalId.get(record.externalId);
    if (stored && !opts.mayUpdate({ createdBy: stored.created_by, importerMatterRoles: roles.get(stored.id) ?? [] })) {
      outcomes.push({ line, outcome: 'failed', errors: [{ field: 'external_id', message: IN_USE }] });
      continue;
    }
    const errors: { field: string; message: string }[] = [];
    for (const [system, value] of Object.entries(record.identifiers) as [ImportedIdentifierSystem, string][]) {
      const holder = holderOf.get(`${system}:${value}`);
      if (holder !== undefined && holder !== stored?.id) {
        errors.push({
          field: IMPORTED_IDENTIFIER_FIELDS[system],
          message: `This ${IDENTIFIER_LABELS[system]} is already recorded for another person`,
        });
      }
    }
    if (errors.length > 0) {
      outcomes.push({ line, outcome: 'failed', errors });
      continue;
    }
    const id = stored?.id ?? opts.newId();
    // Claimed now, so a later row of the batch cannot take the same identifier.
    for (const [system, value] of Object.entries(record.identifiers)) holderOf.set(`${system}:${value}`, id);

    const aliasCountBefore = aliasInserts.length;
    const knownAliases = aliasesOf.get(id) ?? new Set<string>();
    const ownName = nameSearchOf(record.legalName);
    for (const name of record.aliases ?? []) {
      const key = nameSearchOf(name);
      if (key === ownName || knownAliases.has(key)) continue;
      knownAliases.add(key);
      aliasInserts.push({ id: opts.newId(), person_id: id, name, name_search: key });
    }
    aliasesOf.set(id, knownAliases);

    let identifiersChanged = false;
    for (const [system, value] of Object.entries(record.identifiers) as [ImportedIdentifierSystem, string][]) {
      const current = (identifiersOf.get(id) ?? []).filter((i) => i.system === system);
      for (const c of current) {
        if (c.value !== value && !identifierDeletes.has(c.id)) {
          identifierDeletes.add(c.id);
          identifiersChanged = true;
        }
      }
      if (!current.some((c) => c.value === value)) {
        identifierInserts.push({ id: opts.newId(), person_id: id, system, value, issuer: null });
        identifiersOf.set(id, [...(identifiersOf.get(id) ?? []), { id: '', system, value }]);
        identifiersChanged = true;
      }
    }
    const hasNewAliases = aliasInserts.length > aliasCountBefore;

    const wanted = personColumnsOf(record);
    if (!stored) {
      inserts.push({
        id,
        external_id: record.externalId,
        legal_name: record.legalName,
        name_search: ownName,
        date_of_birth: wanted.date_of_birth ?? null,
        gender: wanted.gender ?? null,
        preferred_language: wanted.preferred_language ?? null,
        status: record.status ?? 'in_custody',
        phone: wanted.phone ?? null,
        email: wanted.email ?? null,
        mailing_address: wanted.mailing_address ?? null,
        notes: wanted.notes ?? null,
        mail_hold_since: null,
        mail_hold_reason: null,
        created_by: opts.importer?.userId ?? null,
        created_at: opts.now,
        updated_at: opts.now,
      });
      outcomes.push({ line, outcome: 'created', id });
      continue;
    }
    const changes = diff(stored as unknown as PersonColumns, wanted) as Updateable<PersonTable>;
    const hasFieldChanges = Object.keys(changes).length > 0;
    if (hasFieldChanges) {
      if (changes.legal_name !== undefined) changes.name_search = ownName;
      updates.push({ id, changes: { ...changes, updated_at: opts.now } });
    } else if (hasNewAliases || identifiersChanged) {
      updates.push({ id, changes: { updated_at: opts.now } });
    }
    outcomes.push({
      line,
      outcome: hasFieldChanges || hasNewAliases || identifiersChanged ? 'updated' : 'unchanged',
      id,
    });
  }

  await insertChunked(inserts, (chunk) => tx.insertInto('people').values(chunk).execute());
  for (const u of updates) await tx.updateTable('people').set(u.changes).where('id', '=', u.id).execute();
  if (identifierDeletes.size > 0) {
    await tx
      .deleteFrom('person_identifiers')
      .where('id', 'in', [...identifierDeletes])
      .execute();
  }
  await insertChunked(aliasInserts, (chunk) =>
    tx
      .insertInto('person_aliases')
      .values(chunk.map((a) => ({ ...a, kind: 'alias' as const })))
      .execute(),
  );
  await insertChunked(identifierInserts, (chunk) => tx.insertInto('person_identifiers').values(chunk).execute());
  return outcomes;
};

type MatterUpsertOptions = UpsertOptions & {
  /** Today, for a matter opened without a date, and to tell a release that has happened. */
  today: string;
  stagesOf: (type: MatterType) => readonly string[];
  /** The importer joins the team of each matter the import opens, as when opening one by hand. */
  teamRoleForNew: MatterRole | null;
};

export type MatterUpsertResult = {
  outcomes: UpsertOutcome[];
  /** People marked released because a matter of theirs was granted and the release date has passed. */
  peopleReleased: string[];
};

type MatterColumns = Pick<
  MatterTable,
  'person_id' | 'type' | 'title' | 'stage' | 'decision_maker' | 'opened_on' | 'closed_on' | 'release_date'
> & { outcome: string };

/**
 * Creates or updates one batch of matters by external id. The person is found by their external id
 * among the people the importer may see. A stage change is written to the stage history.
 */
export const upsertMatters = async (
  tx: Tx,
  rows: readonly { line: number; record: MatterImportRecord }[],
  opts: MatterUpsertOptions,
): Promise<MatterUpsertResult> => {
  if (rows.length === 0) return { outcomes: [], peopleReleased: [] };
  const { importer } = opts;
  const people = await tx
    .selectFrom('people')
    .select(['people.id', 'people.external_id'])
    .where(
      'people.external_id',
      'in',
      rows.map((r) => r.record.personExternalId),
    )
    .where((eb) => (importer ? personIsVisible(importer)(eb) : sql<boolean>`true`))
    .execute();
  const personIdOf = new Map(people.map((p) => [p.external_id as string, p.id]));
  const existing = await tx
    .selectFrom('matters')
    .selectAll()
    .where(
      'external_id',
      'in',
      rows.map((r) => r.record.externalId),
    )
    .execute();
  const byExternalId = new Map(existing.map((m) => [m.external_id as string, m]));
  const roles = await importerRoles(
    tx,
    importer,
    'matter',
    existing.map((m) => m.id),
  );

  const outcomes: UpsertOutcome[] = [];
  const inserts: Insertable<MatterTable>[] = [];
  const updates: { id: string; changes: Updateable<MatterTable> }[] = [];
  const history: { id: string; matter_id: string; from_stage: string | null; to_stage: string }[] = [];
  const releaseCandidates = new Set<string>();

  for (const { line, record } of rows) {
    const stored = byExternalId.get(record.externalId);
    if (stored && !opts.mayUpdate({ createdBy: stored.created_by, importerMatterRoles: roles.get(stored.id) ?? [] })) {
      outcomes.push({ line, outcome: 'failed', errors: [{ field: 'external_id', message: IN_USE }] });
      continue;
    }
    const personId = personIdOf.get(record.personExternalId);
    if (!personId) {
      outcomes.push({
        line,
        outcome: 'failed',
        errors: [{ field: 'person_external_id', message: 'No person has this external id (import the people first)' }],
      });
      continue;
    }
    const stages = opts.stagesOf(record.type);
    const stage = record.stage ?? (stored && stages.includes(stored.stage) ? stored.stage : stages[0]);
    if (stage === undefined || (stored && record.stage === undefined && !stages.includes(stored.stage))) {
      outcomes.push({
        line,
        outcome: 'failed',
        errors: [
          {
            field: 'stage',
            message: `"${stored?.stage ?? ''}" is not a stage of ${MATTER_TYPE_LABELS[record.type]}: give the stage (${stages.join(', ')})`,
          },
        ],
      });
      continue;
    }
    const openedOn = record.openedOn ?? stored?.opened_on ?? opts.today;
    const closedOn = record.closedOn ?? stored?.closed_on ?? null;
    if (closedOn !== null && closedOn < openedOn) {
      outcomes.push({
        line,
        outcome: 'failed',
        errors: [
          { field: record.closedOn ? 'closed_on' : 'opened_on', message: `Closed before it was opened (${openedOn})` },
        ],
      });
      continue;
    }
    const wanted: Partial<MatterColumns> = {
      person_id: personId,
      type: record.type,
      title: record.title,
      stage,
      decision_maker: record.decisionMaker,
      opened_on: record.openedOn,
      closed_on: record.closedOn,
      outcome: record.outcome,
      release_date: record.releaseDate,
    };
    if (!stored) {
      const id = opts.newId();
      inserts.push({
        id,
        external_id: record.externalId,
        person_id: personId,
        type: record.type,
        title: record.title,
        stage,
        decision_maker: record.decisionMaker ?? DEFAULT_DECISION_MAKERS[record.type] ?? null,
        opened_on: openedOn,
        closed_on: record.closedOn ?? null,
        outcome: record.outcome ?? 'pending',
        release_date: record.releaseDate ?? null,
        created_by: importer?.userId ?? null,
        created_at: opts.now,
        updated_at: opts.now,
      });
      history.push({ id: opts.newId(), matter_id: id, from_stage: null, to_stage: stage });
      if (record.outcome === 'granted' && record.releaseDate && record.releaseDate <= opts.today) {
        releaseCandidates.add(personId);
      }
      outcomes.push({ line, outcome: 'created', id });
      continue;
    }
    const changes = diff(stored as unknown as MatterColumns, wanted) as Updateable<MatterTable>;
    if (Object.keys(changes).length === 0) {
      outcomes.push({ line, outcome: 'unchanged', id: stored.id });
      continue;
    }
    updates.push({ id: stored.id, changes: { ...changes, updated_at: opts.now } });
    if (changes.stage !== undefined) {
      history.push({ id: opts.newId(), matter_id: stored.id, from_stage: stored.stage, to_stage: stage });
    }
    // As when a matter is edited by hand: only a change that grants or dates the release moves the person.
    const outcome = record.outcome ?? stored.outcome;
    const releaseDate = record.releaseDate ?? stored.release_date;
    if (
      (changes.outcome !== undefined || changes.release_date !== undefined) &&
      outcome === 'granted' &&
      releaseDate !== null &&
      releaseDate <= opts.today
    ) {
      releaseCandidates.add(personId);
    }
    outcomes.push({ line, outcome: 'updated', id: stored.id });
  }

  await insertChunked(inserts, (chunk) => tx.insertInto('matters').values(chunk).execute());
  for (const u of updates) await tx.updateTable('matters').set(u.changes).where('id', '=', u.id).execute();
  await insertChunked(history, (chunk) =>
    tx
      .insertInto('matter_stage_history')
      .values(chunk.map((h) => ({ ...h, changed_by: importer?.userId ?? null, changed_at: opts.now })))
      .execute(),
  );
  const teamRole = opts.teamRoleForNew;
  if (importer && teamRole) {
    await insertChunked(inserts, (chunk) =>
      tx
        .insertInto('matter_team')
        .values(
          chunk.map((m) => ({ matter_id: m.id, user_id: importer.userId, matter_role: teamRole, added_at: opts.now })),
        )
        .execute(),
    );
  }
  const peopleReleased =
    releaseCandidates.size === 0
      ? []
      : (
          await tx
            .updateTable('people')
            .set({ status: 'released', updated_at: opts.now })
            .where('id', 'in', [...releaseCandidates])
            .where('status', '=', 'in_custody')
            .returning('id')
            .execute()
        ).map((p) => p.id);
  return { outcomes, peopleReleased };
};

type ContactColumns = Pick<
  ContactTable,
  'name' | 'organisation' | 'title' | 'email' | 'phone' | 'address' | 'notes'
> & {
  kind: string;
};

/** Creates or updates one batch of contacts (the directory is the whole organisation's) by external id. */
export const upsertContacts = async (
  tx: Tx,
  rows: readonly { line: number; record: ContactImportRecord }[],
  opts: Omit<UpsertOptions, 'mayUpdate'>,
): Promise<UpsertOutcome[]> => {
  if (rows.length === 0) return [];
  const existing = await tx
    .selectFrom('contacts')
    .selectAll()
    .where(
      'external_id',
      'in',
      rows.map((r) => r.record.externalId),
    )
    .execute();
  const byExternalId = new Map(existing.map((c) => [c.external_id as string, c]));
  const outcomes: UpsertOutcome[] = [];
  const inserts: Insertable<ContactTable>[] = [];
  const updates: { id: string; changes: Updateable<ContactTable> }[] = [];
  for (const { line, record } of rows) {
    const wanted: Partial<ContactColumns> = {
      kind: record.kind,
      name: record.name,
      organisation: record.organisation,
      title: record.title,
      email: record.email,
      phone: record.phone,
      address: record.address,
      notes: record.notes,
    };
    const stored = byExternalId.get(record.externalId);
    if (!stored) {
      const id = opts.newId();
      inserts.push({
        id,
        external_id: record.externalId,
        kind: record.kind ?? 'other',
        name: record.name,
        name_search: nameSearchOf(record.name),
        organisation: record.organisation ?? null,
        title: record.title ?? null,
        email: record.email ?? null,
        phone: record.phone ?? null,
        address: record.address ?? null,
        notes: record.notes ?? null,
        created_by: opts.importer?.userId ?? null,
        created_at: opts.now,
        updated_at: opts.now,
      });
      outcomes.push({ line, outcome: 'created', id });
      continue;
    }
    const changes = diff(stored as unknown as ContactColumns, wanted) as Updateable<ContactTable>;
    if (Object.keys(changes).length === 0) {
      outcomes.push({ line, outcome: 'unchanged', id: stored.id });
      continue;
    }
    if (changes.name !== undefined) changes.name_search = nameSearchOf(record.name);
    updates.push({ id: stored.id, changes: { ...changes, updated_at: opts.now } });
    outcomes.push({ line, outcome: 'updated', id: stored.id });
  }
  await insertChunked(inserts, (chunk) => tx.insertInto('contacts').values(chunk).execute());
  for (const u of updates) await tx.updateTable('contacts').set(u.changes).where('id', '=', u.id).execute();
  return outcomes;
};
