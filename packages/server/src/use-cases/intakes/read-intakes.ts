import {
  addDays,
  computeIntakeMetrics,
  type IntakeDetail,
  type IntakeListQuery,
  type IntakeMetricsQuery,
  type IntakeMetricsView,
  type IntakePage,
  receivedRangeOfBucket,
} from '@redress/core';
import { listIntakeMetricsRows, listIntakes } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { decodeCursor, isDatePart, isTimestampPart, isUuidPart, pageOf } from '../matters/list-cursor.js';
import { todayOf } from '../people/person-dates.js';
import { failWith } from '../policy.js';
import { presentIntakeSummary, requireTriage } from './intake-access.js';
import { reloadIntake } from './intake-writes.js';

const later = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined || a > b ? a : b;
const earlier = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined || a < b ? a : b;

/**
 * The triage queue: oldest first by default, filtered by state, age, jurisdiction, claim type,
 * language, channel and assignee; keyset-paginated.
 */
export const listIntakesPage = async (
  deps: AppDeps,
  ctx: RequestContext,
  query: IntakeListQuery,
): Promise<IntakePage> => {
  const principal = requireTriage(ctx);
  const today = todayOf(deps);
  const byReceived = query.sort === 'received' || query.sort === '-received';
  const after = decodeCursor(query.cursor, [byReceived ? isDatePart : isTimestampPart, isUuidPart]);
  let receivedFrom = query.receivedFrom;
  let receivedTo: string | undefined;
  if (query.age) {
    const range = receivedRangeOfBucket(query.age, today);
    receivedFrom = later(receivedFrom, range.from ?? undefined);
    receivedTo = range.to;
  }
  let assignedTo: string | null | undefined;
  if (query.assignedTo === 'none') assignedTo = null;
  else if (query.assignedTo === 'me') {
    assignedTo =
      principal.userId ??
      failWith('invalid', 'request.invalid', 'Some fields are not valid', {
        'query.assignedTo': '"me" needs a signed-in user',
      });
  } else assignedTo = query.assignedTo;
  const rows = await listIntakes(deps.database.db, {
    state: query.state,
    isOpen: query.open,
    decision: query.decision,
    channel: query.channel,
    receivedBefore: query.receivedBefore,
    receivedFrom,
    receivedTo: earlier(receivedTo, undefined),
    jurisdiction: query.jurisdiction,
    claimType: query.claimType,
    language: query.language,
    assignedTo,
    sort: byReceived ? 'received_on' : 'updated_at',
    descending: query.sort.startsWith('-'),
    after: after ? { value: after[0] as string, id: after[1] as string } : undefined,
    limit: query.limit + 1,
  });
  return pageOf(
    rows,
    query.limit,
    (r) => presentIntakeSummary(r, today),
    (r) => [byReceived ? r.received_on : new Date(r.updated_at).toISOString(), r.id],
  );
};

/** One intake with its documents, possible duplicates, prior intakes and the conflict check. */
export const getIntake = (deps: AppDeps, ctx: RequestContext, id: string): Promise<IntakeDetail> =>
  inTransaction(deps, ctx, async (tx) => {
    requireTriage(ctx);
    return reloadIntake(tx, deps, ctx, id);
  });

/** Letters received per week, the backlog by age, time to first response and decisions by reason. */
export const getIntakeMetrics = async (
  deps: AppDeps,
  ctx: RequestContext,
  query: IntakeMetricsQuery,
): Promise<IntakeMetricsView> => {
  requireTriage(ctx);
  const today = todayOf(deps);
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -7 * 12 + 1);
  if (to < from) failWith('invalid', 'request.invalid', 'Some fields are not valid', { 'query.from': 'After to' });
  const rows = await listIntakeMetricsRows(deps.database.db, {
    from,
    to,
    decidedFrom: new Date(`${from}T00:00:00.000Z`),
    decidedTo: new Date(`${addDays(to, 1)}T00:00:00.000Z`),
  });
  return computeIntakeMetrics(
    rows.map((r) => ({
      channel: r.channel,
      state: r.state,
      decision: r.decision,
      decisionReason: r.decision_reason,
      receivedOn: r.received_on,
      firstResponseOn: r.first_response_on,
      decidedOn: r.decided_at ? new Date(r.decided_at).toISOString().slice(0, 10) : null,
    })),
    { from, to, today },
  );
};
