import type { SentenceEvent, SentenceEventInput, SentenceHistoryView, UpdateSentenceEventInput } from '@redress/core';
import {
  type ConvictionRow,
  deleteSentenceEvent,
  type Executor,
  findDocument,
  findSentenceEvent,
  insertSentenceEvent,
  listSentenceEvents,
  type SentenceEventRow,
  updateSentenceEvent,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadConvictionAccess, type PersonAccess } from './person-access.js';
import { presentSentenceEvent, presentSentenceHistory, toSentenceEvent } from './person-presenters.js';
import { refuseBrokenHistory } from './sentence-history.js';

/**
 * A conviction's sentence history, one event at a time. Every change re-derives the current sentence
 * from the whole history and is refused (422, naming the event) when it would not hold: the first
 * event must be the imposition, a stay needs an active sentence, nothing follows an execution, no
 * event precedes the conviction or the person's birth...
 */

/** A document may back an event only if it is one of the same person's documents. */
const documentOfPerson = async (tx: Executor, personId: string, documentId: string | null | undefined) => {
  if (!documentId) return null;
  const document = await findDocument(tx, documentId);
  if (document?.person_id !== personId) {
    return failWith('invalid', 'sentence_event.invalid_document', 'No such document of this person', {
      documentId: "Choose one of the person's documents",
    });
  }
  return document.id;
};

const eventNotFound = () => failWith('not_found', 'sentence_event.not_found', 'No such sentence event');

const historyView = async (
  tx: Executor,
  conviction: ConvictionRow,
  event: SentenceEventRow | null,
): Promise<SentenceHistoryView> => ({
  convictionId: conviction.id,
  event: event ? presentSentenceEvent(event) : null,
  ...presentSentenceHistory(conviction, await listSentenceEvents(tx, [conviction.id])),
});

const check = (
  access: PersonAccess,
  conviction: ConvictionRow,
  before: readonly SentenceEvent[],
  after: readonly SentenceEvent[],
  changedEventId: string | null,
) =>
  refuseBrokenHistory({
    before,
    after,
    convictionDate: { before: conviction.conviction_date, after: conviction.conviction_date },
    dateOfBirth: access.person.date_of_birth,
    changedEventId,
  });

const auditDetails = (personId: string, e: SentenceEventRow) => ({
  personId,
  convictionId: e.conviction_id,
  kind: e.kind,
  date: e.date,
  authority: e.authority,
  term: e.term,
  executionMethod: e.execution_method,
  documentId: e.document_id,
});

export const addSentenceEvent = (
  deps: AppDeps,
  ctx: RequestContext,
  convictionId: string,
  input: SentenceEventInput,
): Promise<SentenceHistoryView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { conviction, access } = await loadConvictionAccess(tx, ctx, convictionId, { forUpdate: true, write: true });
    const before = (await listSentenceEvents(tx, [convictionId])).map(toSentenceEvent);
    const id = deps.newId();
    const fields = {
      kind: input.kind,
      date: input.date,
      authority: input.authority ?? null,
      authority_name: input.authorityName ?? null,
      term: input.term ?? null,
      execution_method: input.executionMethod ?? null,
      note: input.note ?? null,
      document_id: await documentOfPerson(tx, access.person.id, input.documentId),
    };
    const proposed: SentenceEvent = {
      id,
      kind: fields.kind,
      date: fields.date,
      authority: fields.authority,
      authorityName: fields.authority_name,
      term: fields.term,
      executionMethod: fields.execution_method,
    };
    check(access, conviction, before, [...before, proposed], id);
    const event = await insertSentenceEvent(tx, { ...fields, id, convictionId, now: deps.clock.now() });
    await audit({
      action: 'sentence_event.added',
      entityType: 'sentence_event',
      entityId: id,
      details: auditDetails(access.person.id, event),
    });
    return historyView(tx, conviction, event);
  });

export const changeSentenceEvent = (
  deps: AppDeps,
  ctx: RequestContext,
  convictionId: string,
  eventId: string,
  input: UpdateSentenceEventInput,
): Promise<SentenceHistoryView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { conviction, access } = await loadConvictionAccess(tx, ctx, convictionId, { forUpdate: true, write: true });
    const existing = (await findSentenceEvent(tx, convictionId, eventId)) ?? eventNotFound();
    const rows = await listSentenceEvents(tx, [convictionId]);
    const changes = {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.date !== undefined ? { date: input.date } : {}),
      ...(input.authority !== undefined ? { authority: input.authority } : {}),
      ...(input.authorityName !== undefined ? { authority_name: input.authorityName } : {}),
      ...(input.term !== undefined ? { term: input.term } : {}),
      ...(input.executionMethod !== undefined ? { execution_method: input.executionMethod } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.documentId !== undefined
        ? { document_id: await documentOfPerson(tx, access.person.id, input.documentId) }
        : {}),
    };
    const changed = { ...existing, ...changes };
    check(
      access,
      conviction,
      rows.map(toSentenceEvent),
      rows.map((r) => toSentenceEvent(r.id === eventId ? changed : r)),
      eventId,
    );
    const event = await updateSentenceEvent(tx, eventId, changes);
    await audit({
      action: 'sentence_event.updated',
      entityType: 'sentence_event',
      entityId: eventId,
      details: { ...auditDetails(access.person.id, event), changed: Object.keys(input) },
    });
    return historyView(tx, conviction, event);
  });

export const removeSentenceEvent = (
  deps: AppDeps,
  ctx: RequestContext,
  convictionId: string,
  eventId: string,
): Promise<SentenceHistoryView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const { conviction, access } = await loadConvictionAccess(tx, ctx, convictionId, { forUpdate: true, write: true });
    const existing = (await findSentenceEvent(tx, convictionId, eventId)) ?? eventNotFound();
    const before = (await listSentenceEvents(tx, [convictionId])).map(toSentenceEvent);
    check(
      access,
      conviction,
      before,
      before.filter((e) => e.id !== eventId),
      null,
    );
    await deleteSentenceEvent(tx, eventId);
    await audit({
      action: 'sentence_event.removed',
      entityType: 'sentence_event',
      entityId: eventId,
      details: auditDetails(access.person.id, existing),
    });
    return historyView(tx, conviction, null);
  });
