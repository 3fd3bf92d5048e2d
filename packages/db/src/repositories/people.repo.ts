import {
  type IdentifierSystem,
  LEGAL_TEAM_MATTER_ROLES,
  normaliseIdentifier,
  normaliseName,
  type PersonStatus,
} from '@redress/core';
import { type ExpressionBuilder, type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { matterIsVisible, onLegalTeamOfPerson, personIsVisible, type Viewer } from '../access-scope.js';
import type { Executor } from '../executor.js';
import type { CustodyPlacementTable, PersonAliasTable, PersonIdentifierTable, PersonTable, Tables } from '../tables.js';

/**
 * People, their aliases, identifiers and custody placements. Every read that a user asks for goes
 * through `personIsVisible`; `viewer: null` is the operator at the server's command line.
 */
export type PersonRow = Selectable<PersonTable>;
export type PersonAliasRow = Selectable<PersonAliasTable>;
export type PersonIdentifierRow = Selectable<PersonIdentifierTable>;
export type CustodyPlacementRow = Selectable<CustodyPlacementTable>;

/**
 * The searchable form of a name. Names in scripts that `normaliseName` folds away entirely (Chinese,
 * Arabic...) keep their lowercased text, so they can still be found by exact and partial match.
 */
export const nameSearchOf = (name: string): string => normaliseName(name) || name.trim().toLowerCase();

const visibleTo = (viewer: Viewer | null) => (eb: ExpressionBuilder<Tables, 'people'>) =>
  viewer ? personIsVisible(viewer)(eb) : sql<boolean>`true`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** A unique constraint refused the row (both engines report SQLSTATE 23505). */
export const isUniqueViolation = (e: unknown, constraint?: string): boolean => {
  const err = e as { code?: string; constraint?: string; message?: string };
  if (err?.code !== '23505') return false;
  return !constraint || err.constraint === constraint || String(err.message ?? '').includes(constraint);
};

// ---- People ----

export type VisiblePersonRow = PersonRow & { is_on_team: boolean; is_on_legal_team: boolean };

/**
 * The person if the viewer may see it, with how the viewer stands to the person's matters (on a
 * team, on a legal team). `forUpdate` locks the row for the rest of the transaction.
 */
export const findPersonForViewer = async (
  db: Executor,
  viewer: Viewer | null,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<VisiblePersonRow | undefined> => {
  let q = db
    .selectFrom('people')
    .selectAll('people')
    .select((eb) => [
      viewer
        ? eb
            .exists(
              eb
                .selectFrom('matters as sm')
                .innerJoin('matter_team as st', 'st.matter_id', 'sm.id')
                .select(sql`1`.as('one'))
                .whereRef('sm.person_id', '=', 'people.id')
                .where('st.user_id', '=', viewer.userId),
            )
            .as('is_on_team')
        : sql<boolean>`false`.as('is_on_team'),
      // Wrapped in and(): the shared helper returns either a raw or a built expression, and only a
      // built one can be aliased here.
      viewer
        ? eb.and([onLegalTeamOfPerson(viewer)(eb)]).as('is_on_legal_team')
        : sql<boolean>`false`.as('is_on_legal_team'),
    ])
    .where('people.id', '=', id)
    .where(visibleTo(viewer));
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row
    ? { ...row, is_on_team: Boolean(row.is_on_team), is_on_legal_team: Boolean(row.is_on_legal_team) }
    : undefined;
};

export type NewPerson = Omit<Insertable<PersonTable>, 'name_search' | 'created_at' | 'updated_at'> & { now: Date };

export const insertPerson = (db: Executor, { now, ...p }: NewPerson) =>
  db
    .insertInto('people')
    .values({ ...p, name_search: nameSearchOf(p.legal_name), created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updatePerson = (db: Executor, id: string, changes: Updateable<PersonTable>, now: Date) =>
  db
    .updateTable('people')
    .set({
      ...changes,
      ...(changes.legal_name !== undefined ? { name_search: nameSearchOf(String(changes.legal_name)) } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const setMailHold = (
  db: Executor,
  personId: string,
  hold: { since: string; reason: string } | null,
  now: Date,
) =>
  db
    .updateTable('people')
    .set({ mail_hold_since: hold?.since ?? null, mail_hold_reason: hold?.reason ?? null, updated_at: now })
    .where('id', '=', personId)
    .returningAll()
    .executeTakeFirstOrThrow();

// ---- Aliases ----

export const listAliases = (db: Executor, personIds: readonly string[]) =>
  personIds.length === 0
    ? Promise.resolve([] as PersonAliasRow[])
    : db
        .selectFrom('person_aliases')
        .selectAll()
        .where('person_id', 'in', personIds)
        .orderBy('person_id')
        .orderBy('name')
        .orderBy('id')
        .execute();

export type NewAlias = { id: string; personId: string; name: string; kind: PersonAliasRow['kind'] };

export const insertAliases = (db: Executor, aliases: readonly NewAlias[]) =>
  aliases.length === 0
    ? Promise.resolve([] as PersonAliasRow[])
    : db
        .insertInto('person_aliases')
        .values(
          aliases.map((a) => ({
            id: a.id,
            person_id: a.personId,
            name: a.name,
            name_search: nameSearchOf(a.name),
            kind: a.kind,
          })),
        )
        .returningAll()
        .execute();

export const findAlias = (db: Executor, personId: string, aliasId: string) =>
  db
    .selectFrom('person_aliases')
    .selectAll()
    .where('id', '=', aliasId)
    .where('person_id', '=', personId)
    .executeTakeFirst();

export const updateAlias = (db: Executor, aliasId: string, changes: { name?: string; kind?: PersonAliasRow['kind'] }) =>
  db
    .updateTable('person_aliases')
    .set({
      ...(changes.name !== undefined ? { name: changes.name, name_search: nameSearchOf(changes.name) } : {}),
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
    })
    .where('id', '=', aliasId)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteAlias = (db: Executor, aliasId: string) =>
  db.deleteFrom('person_aliases').where('id', '=', aliasId).execute();

// ---- Identifiers ----

export const listIdentifiers = (db: Executor, personIds: readonly string[]) =>
  personIds.length === 0
    ? Promise.resolve([] as PersonIdentifierRow[])
    : db
        .selectFrom('person_identifiers')
        .selectAll()
        .where('person_id', 'in', personIds)
        .orderBy('person_id')
        .orderBy('system')
        .orderBy('value')
        .execute();

/** Who already holds this identifier in this system (values are stored normalised). */
export const findIdentifierHolder = (db: Executor, system: IdentifierSystem, value: string) =>
  db
    .selectFrom('person_identifiers')
    .innerJoin('people', 'people.id', 'person_identifiers.person_id')
    .select(['person_identifiers.id', 'person_identifiers.person_id', 'people.legal_name'])
    .where('person_identifiers.system', '=', system)
    .where('person_identifiers.value', '=', value)
    .executeTakeFirst();

export type NewIdentifier = {
  id: string;
  personId: string;
  system: IdentifierSystem;
  value: string;
  issuer: string | null;
};

export const insertIdentifiers = (db: Executor, identifiers: readonly NewIdentifier[]) =>
  identifiers.length === 0
    ? Promise.resolve([] as PersonIdentifierRow[])
    : db
        .insertInto('person_identifiers')
        .values(
          identifiers.map((i) => ({
            id: i.id,
            person_id: i.personId,
            system: i.system,
            value: i.value,
            issuer: i.issuer,
          })),
        )
        .returningAll()
        .execute();

export const findIdentifier = (db: Executor, personId: string, identifierId: string) =>
  db
    .selectFrom('person_identifiers')
    .selectAll()
    .where('id', '=', identifierId)
    .where('person_id', '=', personId)
    .executeTakeFirst();

export const updateIdentifier = (db: Executor, identifierId: string, changes: Updateable<PersonIdentifierTable>) =>
  db
    .updateTable('person_identifiers')
    .set(changes)
    .where('id', '=', identifierId)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteIdentifier = (db: Executor, identifierId: string) =>
  db.deleteFrom('person_identifiers').where('id', '=', identifierId).execute();

// ---- Custody placements ----

export const listPlacements = (db: Executor, personId: string) =>
  db
    .selectFrom('custody_placements')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('from_date', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();

export const findPlacement = (db: Executor, personId: string, placementId: string) =>
  db
    .selectFrom('custody_placements')
    .selectAll()
    .where('id', '=', placementId)
    .where('person_id', '=', personId)
    .executeTakeFirst();

export type NewPlacement = Omit<Insertable<CustodyPlacementTable>, 'created_at'> & { now: Date };

export const insertPlacement = (db: Executor, { now, ...p }: NewPlacement) =>
  db
    .insertInto('custody_placements')
    .values({ ...p, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updatePlacement = (db: Executor, placementId: string, changes: Updateable<CustodyPlacementTable>) =>
  db
    .updateTable('custody_placements')
    .set(changes)
    .where('id', '=', placementId)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deletePlacement = (db: Executor, placementId: string) =>
  db.deleteFrom('custody_placements').where('id', '=', placementId).execute();

export const findFacility = (db: Executor, id: string) =>
  db.selectFrom('facilities').select(['id', 'name']).where('id', '=', id).executeTakeFirst();

// ---- Matters of a person ----

export const listMattersOfPerson = (db: Executor, viewer: Viewer | null, personId: string) =>
  db
    .selectFrom('matters')
    .select(['id', 'type', 'title', 'stage', 'outcome', 'opened_on', 'closed_on'])
    .where('person_id', '=', personId)
    .where((eb) => (viewer ? matterIsVisible(viewer)(eb) : sql<boolean>`true`))
    .orderBy('opened_on', 'desc')
    .orderBy('id')
    .execute();

// ---- Lists ----

export type PeopleSortKey = 'name' | 'created' | 'dob';

export type PeopleFilter = {
  statuses?: readonly PersonStatus[] | undefined;
  name?: string | undefined;
  identifier?: string | undefined;
  facility?: string | undefined;
  sort: { key: PeopleSortKey | 'relevance'; isDescending: boolean };
  /** Keyset: the sort key (as text) and id of the last row of the previous page. */
  after?: { key: string; id: string } | undefined;
  offset?: number | undefined;
  limit: number;
};

const SORT_EXPRESSIONS: Record<PeopleSortKey, { asc: string; desc: string; cast: string }> = {
  // Byte order of the normalised name: the same on both engines, whatever their collations.
  name: { asc: 'people.name_search COLLATE "C"', desc: 'people.name_search COLLATE "C"', cast: 'text' },
  created: { asc: 'people.created_at', desc: 'people.created_at', cast: 'timestamptz' },
  // Unknown birth dates come last in both directions.
  dob: {
    asc: "coalesce(people.date_of_birth, DATE '9999-12-31')",
    desc: "coalesce(people.date_of_birth, DATE '0001-01-01')",
    cast: 'date',
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The forms an identifier typed into a search box may be stored in (CDCR and BOP are normalised). */
export const identifierCandidates = (raw: string): string[] => {
  const forms = new Set([raw.trim().toUpperCase()]);
  for (const system of ['cdcr', 'bop'] as const) {
    const checked = normaliseIdentifier(system, raw);
    if (checked.ok) forms.add(checked.value.toUpperCase());
  }
  return [...forms];
};

export type PersonListRow = Pick<PersonRow, 'id' | 'legal_name' | 'date_of_birth' | 'status' | 'created_at'> & {
  mail_hold_since: string | null;
  sort_key: string;
};

/** One page of the people the viewer may see, filtered and sorted on the server. */
export const listPeople = async (db: Executor, viewer: Viewer | null, f: PeopleFilter): Promise<PersonListRow[]> => {
  const name = f.name ? nameSearchOf(f.name) : null;
  let q = db
    .selectFrom('people')
    .select(['people.id', 'people.legal_name', 'people.date_of_birth', 'people.status', 'people.created_at'])
    .select('people.mail_hold_since')
    .where(visibleTo(viewer));
  if (f.statuses && f.statuses.length > 0) q = q.where('people.status', 'in', [...f.statuses]);
  if (name) {
    const contains = `%${escapeLike(name)}%`;
    // One UNION of two index scans: an OR with the alias subquery kept either trigram index from
    // being used and read every person (about 300 ms at 100,000 people; this is under 30 ms).
    q = q.where(
      sql<boolean>`people.id IN (
        SELECT np.id FROM people np WHERE np.name_search % ${name} OR np.name_search LIKE ${contains}
        UNION
        SELECT fa.person_id FROM person_aliases fa WHERE fa.name_search % ${name} OR fa.name_search LIKE ${contains})`,
    );
  }
  if (f.identifier) {
    const forms = identifierCandidates(f.identifier);
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_identifiers as fi')
          .select(sql`1`.as('one'))
          .whereRef('fi.person_id', '=', 'people.id')
          .where(sql<string>`upper(fi.value)`, 'in', forms),
      ),
    );
  }
  if (f.facility) {
    const facility = f.facility;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('custody_placements as fp')
          .select(sql`1`.as('one'))
          .whereRef('fp.person_id', '=', 'people.id')
          .where('fp.to_date', 'is', null)
          .where(
            UUID.test(facility)
              ? sql<boolean>`fp.facility_id = ${facility}::uuid`
              : sql<boolean>`fp.facility_name ILIKE ${`%${escapeLike(facility)}%`}`,
          ),
      ),
    );
  }

  if (f.sort.key === 'relevance') {
    const score = sql<number>`greatest(similarity(people.name_search, ${name ?? ''}), coalesce((SELECT max(similarity(ra.name_search, ${name ?? ''})) FROM person_aliases ra WHERE ra.person_id = people.id), 0))`;
    const rows = await q
      .select(sql<string>`''`.as('sort_key'))
      .orderBy(score, 'desc')
      .orderBy(sql`people.name_search COLLATE "C"`)
      .orderBy('people.id')
      .offset(f.offset ?? 0)
      .limit(f.limit)
      .execute();
    return rows;
  }

  const sort = SORT_EXPRESSIONS[f.sort.key];
  const direction = f.sort.isDescending ? 'desc' : 'asc';
  const expr = sql.raw(f.sort.isDescending ? sort.desc : sort.asc);
  if (f.after) {
    const after = sql`(${expr}, people.id) ${sql.raw(f.sort.isDescending ? '<' : '>')} (${f.after.key}::${sql.raw(sort.cast)}, ${f.after.id}::uuid)`;
    q = q.where(sql<boolean>`${after}`);
  }
  return q
    .select(sql<string>`(${expr})::text`.as('sort_key'))
    .orderBy(expr, direction)
    .orderBy('people.id', direction)
    .offset(f.offset ?? 0)
    .limit(f.limit)
    .execute();
};

/** The open placement that started last, per person. */
export const listCurrentPlacements = (db: Executor, personIds: readonly string[]) =>
  personIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('custody_placements')
        .select(['person_id', 'facility_name', 'housing', 'from_date'])
        .distinctOn('person_id')
        .where('person_id', 'in', personIds)
        .where('to_date', 'is', null)
        .orderBy('person_id')
        .orderBy('from_date', 'desc')
        .orderBy('created_at', 'desc')
        .execute();

// ---- Possible duplicates ----

export type DuplicateProbe = {
  names: readonly string[];
  dateOfBirth: string | null;
  identifierValues: readonly string[];
  excludeId?: string | undefined;
};

export type DuplicateCandidate = {
  id: string;
  legal_name: string;
  date_of_birth: string | null;
  reasons: Set<'identifier' | 'name' | 'alias' | 'date_of_birth'>;
  similarity: number;
};

/** pg_trgm similarity above which two names are worth a second look. */
export const DUPLICATE_SIMILARITY = 0.4;

/**
 * People the viewer may see who may be the same person: a similar name or alias (trigram
 * similarity above 0.4, found through the `%` index first), the same date of birth, or the same
 * identifier value in any system.
 */
export const findPossibleDuplicates = async (
  db: Executor,
  viewer: Viewer | null,
  probe: DuplicateProbe,
  limit = 10,
): Promise<DuplicateCandidate[]> => {
  const found = new Map<string, DuplicateCandidate>();
  const note = (
    row: { id: string; legal_name: string; date_of_birth: string | null },
    reason: 'identifier' | 'name' | 'alias' | 'date_of_birth',
    score = 0,
  ) => {
    const c = found.get(row.id) ?? { ...row, reasons: new Set(), similarity: 0 };
    c.reasons.add(reason);
    c.similarity = Math.max(c.similarity, score);
    found.set(row.id, c);
  };
  const base = () => {
    let q = db
      .selectFrom('people')
      .select(['people.id', 'people.legal_name', 'people.date_of_birth'])
      .where(visibleTo(viewer));
    if (probe.excludeId) q = q.where('people.id', '!=', probe.excludeId);
    return q;
  };
  const names = [...new Set(probe.names.map(nameSearchOf).filter((n) => n.length > 0))];
  for (const n of names) {
    const byName = await base()
      .select(sql<number>`similarity(people.name_search, ${n})`.as('score'))
      .where(sql<boolean>`people.name_search % ${n}`)
      .where(sql<boolean>`similarity(people.name_search, ${n}) > ${DUPLICATE_SIMILARITY}`)
      .orderBy('score', 'desc')
      .limit(limit)
      .execute();
    for (const r of byName) note(r, 'name', Number(r.score));
    const byAlias = await base()
      .innerJoin('person_aliases as da', 'da.person_id', 'people.id')
      .select(sql<number>`max(similarity(da.name_search, ${n}))`.as('score'))
      .where(sql<boolean>`da.name_search % ${n}`)
      .where(sql<boolean>`similarity(da.name_search, ${n}) > ${DUPLICATE_SIMILARITY}`)
      .groupBy(['people.id', 'people.legal_name', 'people.date_of_birth'])
      .orderBy('score', 'desc')
      .limit(limit)
      .execute();
    for (const r of byAlias) note(r, 'alias', Number(r.score));
  }
  if (probe.dateOfBirth) {
    const byBirth = await base().where('people.date_of_birth', '=', probe.dateOfBirth).limit(limit).execute();
    for (const r of byBirth) note(r, 'date_of_birth');
  }
  const values = [...new Set(probe.identifierValues.map((v) => v.toUpperCase()))];
  if (values.length > 0) {
    const byIdentifier = await base()
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('person_identifiers as di')
            .select(sql`1`.as('one'))
            .whereRef('di.person_id', '=', 'people.id')
            .where(sql<string>`upper(di.value)`, 'in', values),
        ),
      )
      .limit(limit)
      .execute();
    for (const r of byIdentifier) note(r, 'identifier', 0);
  }
  const weight = (c: DuplicateCandidate) =>
    (c.reasons.has('identifier') ? 4 : 0) +
    (c.reasons.has('name') || c.reasons.has('alias') ? 2 : 0) +
    (c.reasons.has('date_of_birth') ? 1 : 0);
  return [...found.values()]
    .sort((a, b) => weight(b) - weight(a) || b.similarity - a.similarity || a.id.localeCompare(b.id))
    .slice(0, limit);
};

// ---- Activity ----

export type PersonActivityFilter = {
  personId: string;
  /** Entries marked restricted (victims and survivors) are included only for the legal team. */
  canReadRestricted: boolean;
  beforeSeq?: number | undefined;
  limit: number;
};

/**
 * The audit entries about a person: the person itself, anything recorded with its `personId`
 * (aliases, identifiers, placements, convictions, sentence events), and the person's matters the
 * viewer may see (with anything recorded with their `matterId`). Privileged entries appear only
 * to the legal team of their matter. Newest first.
 */
export const findPersonActivity = (db: Executor, viewer: Viewer | null, f: PersonActivityFilter) => {
  const visibleMatterIds = db
    .selectFrom('matters')
    .select(sql<string>`matters.id::text`.as('id'))
    .where('matters.person_id', '=', f.personId)
    .where((eb) => (viewer ? matterIsVisible(viewer)(eb) : sql<boolean>`true`));
  const legalMatterIds = db
    .selectFrom('matters')
    .select(sql<string>`matters.id::text`.as('id'))
    .where('matters.person_id', '=', f.personId)
    .where((eb) =>
      !viewer
        ? sql<boolean>`true`
        : viewer.role === 'volunteer'
          ? sql<boolean>`false`
          : eb.exists(
              eb
                .selectFrom('matter_team as at')
                .select(sql`1`.as('one'))
                .whereRef('at.matter_id', '=', 'matters.id')
                .where('at.user_id', '=', viewer.userId)
                .where('at.matter_role', 'in', [...LEGAL_TEAM_MATTER_ROLES]),
            ),
    );
  let q = db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor_id', 'actor_label', 'action', 'entity_type', 'entity_id', 'details'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'person'), eb('entity_id', '=', f.personId)]),
        eb(sql<string>`details->>'personId'`, '=', f.personId),
        eb.and([eb('entity_type', '=', 'matter'), eb('entity_id', 'in', visibleMatterIds)]),
        eb(sql<string>`details->>'matterId'`, 'in', visibleMatterIds),
      ]),
    )
    // Changes only: reads (person.restricted_read, document reads) stay in the audit log.
    .where('action', 'not like', '%\\_read')
    .where((eb) =>
      eb.or([
        eb(sql<string>`coalesce(details->>'isPrivileged', 'false')`, '!=', 'true'),
        eb(sql<string>`details->>'matterId'`, 'in', legalMatterIds),
      ]),
    );
  if (!f.canReadRestricted) q = q.where(sql<string>`coalesce(details->>'restricted', 'false')`, '!=', 'true');
  if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
  return q.orderBy('seq', 'desc').limit(f.limit).execute();
};

/** The person's photo: a document id, checked by the caller to be one of the person's images. */
export const setPersonPhotoDocument = (db: Executor, personId: string, documentId: string | null, now: Date) =>
  db.updateTable('people').set({ photo_document_id: documentId, updated_at: now }).where('id', '=', personId).execute();
