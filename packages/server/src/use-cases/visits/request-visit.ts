import {
  checkVisitors,
  DomainFailure,
  defaultVisitorCapacity,
  type RequestVisitInput,
  type VisitBody,
  type VisitorPlan,
} from '@redress/core';
import {
  type Executor,
  findCurrentFacilityId,
  findFacilityById,
  findUserRoles,
  findVisibleMatter,
  findVisibleVisit,
  insertVisit,
  insertVisitors,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { loadPersonForWrite, viewerOf } from '../people/person-access.js';
import { todayOf } from '../people/person-dates.js';
import { failWith } from '../policy.js';
import { presentVisits } from './visit-presenter.js';

const invalid = (details: Record<string, string>): never =>
  failWith('invalid', 'request.invalid', 'Some fields are not valid', details);

/** The visitors as the core checks them: users of the organisation, each with a capacity. */
const planVisitors = async (db: Executor, input: RequestVisitInput): Promise<VisitorPlan[]> => {
  const ids = [
    ...new Set(
      input.visitors.flatMap((v) => [v.userId, ...(v.supervisingAttorneyId ? [v.supervisingAttorneyId] : [])]),
    ),
  ];
  const users = new Map((await findUserRoles(db, ids)).map((u) => [u.id, u]));
  const details: Record<string, string> = {};
  const plans = input.visitors.map((v, i): VisitorPlan => {
    const user = users.get(v.userId);
    if (!user || user.is_disabled) details[`visitors.${i}.userId`] = 'No such user';
    const capacity = v.capacity ?? (user ? defaultVisitorCapacity(user.role) : null);
    if (user && capacity === null) {
      details[`visitors.${i}.capacity`] =
        'Say in which capacity this person visits (attorney, investigator, law_student, paralegal)';
    }
    return {
      userId: v.userId,
      role: user?.role ?? '',
      capacity: capacity ?? 'paralegal',
      supervisingAttorneyId: v.supervisingAttorneyId ?? null,
      details: {
        dateOfBirth: v.dateOfBirth ?? null,
        idNumber: v.idNumber ?? null,
        barNumber: v.barNumber ?? null,
        barInGoodStanding: v.barInGoodStanding ?? null,
        mailingAddress: v.mailingAddress ?? null,
      },
    };
  });
  if (Object.keys(details).length > 0) invalid(details);
  const attorneyIds = new Set(
    [...users.values()].filter((u) => u.role === 'attorney' && !u.is_disabled).map((u) => u.id),
  );
  const checked = checkVisitors(plans, attorneyIds);
  if (!checked.ok) throw new DomainFailure(checked.error);
  return plans;
};

/**
 * Records a visit request to a facility (the person's current facility unless another is named), with
 * its visitors from the team and what the facility asks of each (15 CCR § 3178).
 */
export const requestVisit = (deps: AppDeps, ctx: RequestContext, input: RequestVisitInput): Promise<VisitBody> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const access = await loadPersonForWrite(tx, ctx, input.personId);
    const facilityId = input.facilityId ?? (await findCurrentFacilityId(tx, input.personId));
    if (!facilityId) {
      invalid({ facilityId: "The person's current placement is not a facility in the directory: choose the facility" });
    } else if (!(await findFacilityById(tx, facilityId))) {
      invalid({ facilityId: 'No such facility' });
    }
    if (input.matterId) {
      const viewer = viewerOf(ctx);
      const matter = viewer ? await findVisibleMatter(tx, viewer, input.matterId) : undefined;
      if (viewer && matter?.person_id !== input.personId) {
        invalid({ matterId: "Choose one of this person's matters" });
      }
    }
    const visitors = await planVisitors(tx, input);
    const now = deps.clock.now();
    const visit = await insertVisit(tx, {
      id: deps.newId(),
      person_id: access.person.id,
      facility_id: facilityId,
      matter_id: input.matterId ?? null,
      status: 'requested',
      purpose: input.purpose,
      requested_on: input.requestedOn ?? todayOf(deps),
      proposed_dates: JSON.stringify(input.proposedDates),
      scheduled_start: null,
      scheduled_end: null,
      request_document_id: null,
      decided_reason: null,
      held_start: null,
      held_end: null,
      record_notes_privileged: null,
      created_by: ctx.actor?.userId ?? null,
      created_at: now,
      updated_at: now,
    });
    await insertVisitors(
      tx,
      visitors.map((v) => ({
        visit_id: visit.id,
        user_id: v.userId,
        capacity: v.capacity,
        supervising_attorney_id: v.supervisingAttorneyId,
        date_of_birth: v.details.dateOfBirth,
        id_number: v.details.idNumber,
        bar_number: v.details.barNumber,
        bar_in_good_standing: v.details.barInGoodStanding,
        mailing_address: v.details.mailingAddress,
        attended: null,
      })),
    );
    // The audit names who visits and in which capacity, never their personal details.
    await audit({
      action: 'visit.requested',
      entityType: 'visit',
      entityId: visit.id,
      details: {
        personId: visit.person_id,
        facilityId,
        matterId: visit.matter_id,
        requestedOn: visit.requested_on,
        visitors: visitors.map((v) => ({ userId: v.userId, capacity: v.capacity })),
      },
    });
    const row = await findVisibleVisit(tx, viewerOf(ctx), visit.id);
    if (!row) throw new Error('visit vanished');
    const [view] = await presentVisits(tx, [row]);
    if (!view) throw new Error('visit vanished');
    return view;
  });
