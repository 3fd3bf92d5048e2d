import {
  type ConvictionView,
  type CreateConvictionInput,
  convictionDateIssues,
  RESTRICTED_PARTY_ROLES,
  type UpdateConvictionInput,
} from '@redress/core';
import {
  type ConvictionRow,
  type ConvictionTable,
  deleteConviction,
  type Executor,
  insertConviction,
  insertConvictionParties,
  listConvictionParties,
  listCounts,
  listSentenceEvents,
  replaceCounts,
  updateConviction,
} from '@redress/db';
import type { Updateable } from 'kysely';
import type { RequestContext } from '../../context.js';
import { type AppDeps, type Audit, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { auditRestrictedRead } from './get-person.js';
import {
  loadConvictionAccess,
  loadPersonForWrite,
  type PersonAccess,
  requirePersonWrite,
  requireRestrictedWrite,
} from './person-access.js';
import { refuseBeforeBirth } from './person-dates.js';
import { presentConviction, toSentenceEvent } from './person-presenters.js';
import { refuseBrokenHistory } from './sentence-history.js';

/**
 * The conviction as the caller may see it. Showing victims or survivors is audited, except right
 * after the caller recorded them in this same request.
 */
export const loadConvictionView = async (
  tx: Executor,
  access: PersonAccess,
  conviction: ConvictionRow,
  audit: Audit,
  options: { isOwnWrite?: boolean } = {},
): Promise<ConvictionView> => {
  const ids = [conviction.id];
  const counts = await listCounts(tx, ids);
  const parties = await listConvictionParties(tx, ids, { includeRestricted: access.canReadRestricted });
  const events = await listSentenceEvents(tx, ids);
  const restricted = parties.filter((p) => RESTRICTED_PARTY_ROLES.has(p.role));
  if (restricted.length > 0 && !options.isOwnWrite) await auditRestrictedRead(audit, access.person.id, restricted);
  return presentConviction(conviction, { counts, parties, events });
};

const refuseDatesBeforeBirth = (
  v: { offenseStart?: string | null | undefined; convictionDate?: string | null | undefined },
  dateOfBirth: string | null,
) => {
  refuseBeforeBirth(v.offenseStart, dateOfBirth, 'offenseStart');
  refuseBeforeBirth(v.convictionDate, dateOfBirth, 'convictionDate');
};

const countsOf = (deps: AppDeps, counts: CreateConvictionInput['counts']) =>
  counts.map((c) => ({
    id: deps.newId(),
    statute: c.statute,
    description: c.description ?? null,
    degree: c.degree ?? null,
    isAttempt: c.isAttempt,
  }));

export const createConviction = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  input: CreateConvictionInput,
): Promise<ConvictionView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const access = await loadPersonForWrite(tx, ctx, personId);
    input.parties.forEach((p, index) => {
      if (RESTRICTED_PARTY_ROLES.has(p.role)) requireRestrictedWrite(access, `parties.${index}.role`);
    });
    refuseDatesBeforeBirth(input, access.person.date_of_birth);
    const now = deps.clock.now();
    const conviction = await insertConviction(tx, {
      id: deps.newId(),
      person_id: personId,
      case_number: input.caseNumber ?? null,
      court: input.court ?? null,
      county: input.county ?? null,
      jurisdiction: input.jurisdiction,
      offense_start: input.offenseStart ?? null,
      offense_end: input.offenseEnd ?? null,
      conviction_date: input.convictionDate ?? null,
      disposition: input.disposition ?? null,
      enhancements: input.enhancements,
      special_circumstances: input.specialCircumstances,
      prosecutor: input.prosecutor ?? null,
      defense_counsel: input.defenseCounsel ?? null,
      judge: input.judge ?? null,
      now,
    });
    await replaceCounts(tx, conviction.id, countsOf(deps, input.counts));
    await insertConvictionParties(
      tx,
      conviction.id,
      input.parties.map((p) => ({
        id: deps.newId(),
        role: p.role,
        name: p.name,
        notify: p.notify,
        notes: p.notes ?? null,
      })),
    );
    const coDefendants = input.parties.filter((p) => !RESTRICTED_PARTY_ROLES.has(p.role));
    const restricted = input.parties.length - coDefendants.length;
    await audit({
      action: 'conviction.created',
      entityType: 'conviction',
      entityId: conviction.id,
      details: {
        personId,
        convictionId: conviction.id,
        caseNumber: conviction.case_number,
        court: conviction.court,
        convictionDate: conviction.conviction_date,
        counts: input.counts.map((c) => c.statute),
        coDefendants: coDefendants.map((p) => p.name),
      },
    });
    // Victims and survivors get their own entry, marked restricted, and never with their names.
    if (restricted > 0) {
      await audit({
        action: 'conviction_party.added',
        entityType: 'conviction',
        entityId: conviction.id,
        details: { personId, convictionId: conviction.id, restrictedParties: restricted, restricted: true },
      });
    }
    return loadConvictionView(tx, access, conviction, audit, { isOwnWrite: true });
  });

const COLUMNS = {
  caseNumber: 'case_number',
  court: 'court',
  county: 'county',
  jurisdiction: 'jurisdiction',
  offenseStart: 'offense_start',
  offenseEnd: 'offense_end',
  convictionDate: 'conviction_date',
  disposition: 'disposition',
  enhancements: 'enhancements',
  specialCircumstances: 'special_circumstances',
  prosecutor: 'prosecutor',
  defenseCounsel: 'defense_counsel',
  judge: 'judge',
} as const satisfies Record<Exclude<keyof UpdateConvictionInput, 'counts'>, keyof ConvictionTable>;

const loadPersonConviction = async (tx: Executor, ctx: RequestContext, personId: string, convictionId: string) => {
  const found = await loadConvictionAccess(tx, ctx, convictionId, { forUpdate: true });
  if (found.conviction.person_id !== personId)
    return failWith('not_found', 'conviction.not_found', 'No such conviction');
  requirePersonWrite(found.access);
  return found;
};

/** Changes a conviction; a new conviction date must still precede every sentence event (422 if not). */
export const changeConviction = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  convictionId: string,
  input: UpdateConvictionInput,
): Promise<ConvictionView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { conviction: before, access } = await loadPersonConviction(tx, ctx, personId, convictionId);
    const merged = {
      offenseStart: input.offenseStart === undefined ? before.offense_start : input.offenseStart,
      offenseEnd: input.offenseEnd === undefined ? before.offense_end : input.offenseEnd,
      convictionDate: input.convictionDate === undefined ? before.conviction_date : input.convictionDate,
    };
    const dateIssues = convictionDateIssues(merged);
    if (Object.keys(dateIssues).length > 0) {
      failWith('invalid', 'request.invalid', 'Some fields are not valid', dateIssues);
    }
    refuseDatesBeforeBirth(input, access.person.date_of_birth);
    if (merged.convictionDate !== before.conviction_date) {
      const events = (await listSentenceEvents(tx, [convictionId])).map(toSentenceEvent);
      refuseBrokenHistory({
        before: events,
        after: events,
        convictionDate: { before: before.conviction_date, after: merged.convictionDate },
        dateOfBirth: access.person.date_of_birth,
        changedEventId: null,
      });
    }
    const changes: Updateable<ConvictionTable> = {};
    for (const [field, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, keyof ConvictionTable][]) {
      if (input[field] !== undefined) Object.assign(changes, { [column]: input[field] });
    }
    const conviction = await updateConviction(tx, convictionId, changes, deps.clock.now());
    if (input.counts) await replaceCounts(tx, convictionId, countsOf(deps, input.counts));
    await audit({
      action: 'conviction.updated',
      entityType: 'conviction',
      entityId: convictionId,
      details: { personId, convictionId, changed: Object.keys(input) },
    });
    return loadConvictionView(tx, access, conviction, audit);
  });

/**
 * Deletes a conviction with its counts, parties and sentence events. One that records victims or
 * survivors can be deleted only by the legal team, who alone may change them.
 */
export const removeConviction = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  convictionId: string,
): Promise<void> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { conviction, access } = await loadPersonConviction(tx, ctx, personId, convictionId);
    const parties = await listConvictionParties(tx, [convictionId], { includeRestricted: true });
    if (parties.some((p) => RESTRICTED_PARTY_ROLES.has(p.role))) requireRestrictedWrite(access, 'parties');
    await deleteConviction(tx, convictionId);
    await audit({
      action: 'conviction.deleted',
      entityType: 'conviction',
      entityId: convictionId,
      details: { personId, convictionId, caseNumber: conviction.case_number, court: conviction.court },
    });
  });
