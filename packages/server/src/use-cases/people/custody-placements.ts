import {
  type AddPlacementInput,
  compareDates,
  normaliseName,
  type PlacementAddedView,
  type PlacementView,
  type UpdatePlacementInput,
} from '@redress/core';
import {
  type CustodyPlacementRow,
  type CustodyPlacementTable,
  deletePlacement,
  type Executor,
  findFacility,
  findPlacement,
  insertPlacement,
  listPlacements,
  setMailHold,
  updatePlacement,
} from '@redress/db';
import type { Updateable } from 'kysely';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadPersonForWrite } from './person-access.js';
import { refuseBeforeBirth, todayOf } from './person-dates.js';
import { currentPlacementId, presentMailHold, presentPlacement } from './person-presenters.js';

export const TRANSFER_MAIL_HOLD_REASON = 'Transferred: confirm the new address';

const placementNotFound = () => failWith('not_found', 'placement.not_found', 'No such custody placement');

const facilityNameOf = async (tx: Executor, facilityId: string) =>
  (await findFacility(tx, facilityId))?.name ??
  failWith('invalid', 'request.invalid', 'Some fields are not valid', { facilityId: 'No such facility' });

/** Same facility: the same directory entry, or (without one) the same name however it is written. */
const isSameFacility = (
  a: Pick<CustodyPlacementRow, 'facility_id' | 'facility_name'>,
  b: Pick<CustodyPlacementRow, 'facility_id' | 'facility_name'>,
) =>
  a.facility_id && b.facility_id
    ? a.facility_id === b.facility_id
    : normaliseName(a.facility_name) === normaliseName(b.facility_name);

/**
 * Records where the person is or was held. A placement that starts after an open one closes it on its
 * first day; a move to another facility puts the person's mail on hold until the new address is
 * confirmed (no hold when the new placement's address is confirmed already). A past placement entered
 * without an end ends where the next recorded placement begins.
 */
export const addPlacement = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  input: AddPlacementInput,
): Promise<PlacementAddedView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const access = await loadPersonForWrite(tx, ctx, personId, { forUpdate: true });
    const directoryName = input.facilityId ? await facilityNameOf(tx, input.facilityId) : null;
    const facilityName = input.facilityName ?? directoryName ?? '';
    refuseBeforeBirth(input.fromDate, access.person.date_of_birth, 'fromDate');

    const existing = await listPlacements(tx, personId);
    const toClose = existing.filter((p) => p.to_date === null && compareDates(p.from_date, input.fromDate) < 0);
    const previous = existing.find((p) => p.id === currentPlacementId(toClose)) ?? null;
    const next = existing
      .filter((p) => compareDates(p.from_date, input.fromDate) > 0)
      .sort((a, b) => compareDates(a.from_date, b.from_date))[0];
    const toDate = input.toDate ?? next?.from_date ?? null;

    const now = deps.clock.now();
    const placement = await insertPlacement(tx, {
      id: deps.newId(),
      person_id: personId,
      facility_id: input.facilityId ?? null,
      facility_name: facilityName,
      housing: input.housing ?? null,
      from_date: input.fromDate,
      to_date: toDate,
      learned_from: input.learnedFrom,
      address_confirmed_at: input.addressConfirmedAt ?? null,
      now,
    });
    const closed: CustodyPlacementRow[] = [];
    for (const p of toClose) closed.push(await updatePlacement(tx, p.id, { to_date: input.fromDate }));

    const isTransfer =
      toDate === null && previous !== null && !isSameFacility(previous, placement) && !input.addressConfirmedAt;
    let person = access.person;
    if (isTransfer) {
      person = await setMailHold(tx, personId, { since: todayOf(deps), reason: TRANSFER_MAIL_HOLD_REASON }, now);
    }
    await audit({
      action: 'placement.added',
      entityType: 'custody_placement',
      entityId: placement.id,
      details: {
        personId,
        facilityName: placement.facility_name,
        housing: placement.housing,
        fromDate: placement.from_date,
        toDate: placement.to_date,
        learnedFrom: placement.learned_from,
        closedPlacementIds: closed.map((p) => p.id),
        mailHoldPlaced: isTransfer,
      },
    });
    const currentId = currentPlacementId([...existing.filter((p) => !toClose.includes(p)), ...closed, placement]);
    const closedPrevious = closed.find((p) => p.id === previous?.id) ?? null;
    return {
      placement: presentPlacement(placement, currentId),
      closedPlacement: closedPrevious ? presentPlacement(closedPrevious, currentId) : null,
      mailHold: presentMailHold(person),
    };
  });

/** Changes a placement; confirming the address of the current placement releases the mail hold. */
export const changePlacement = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  placementId: string,
  input: UpdatePlacementInput,
): Promise<PlacementView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const access = await loadPersonForWrite(tx, ctx, personId, { forUpdate: true });
    const before = (await findPlacement(tx, personId, placementId)) ?? placementNotFound();
    const changes: Updateable<CustodyPlacementTable> = {};
    if (input.facilityId !== undefined) {
      changes.facility_id = input.facilityId;
      if (input.facilityId) {
        const name = await facilityNameOf(tx, input.facilityId);
        if (input.facilityName === undefined) changes.facility_name = name;
      }
    }
    if (input.facilityName !== undefined) changes.facility_name = input.facilityName;
    if (input.housing !== undefined) changes.housing = input.housing;
    if (input.fromDate !== undefined) changes.from_date = input.fromDate;
    if (input.toDate !== undefined) changes.to_date = input.toDate;
    if (input.learnedFrom !== undefined) changes.learned_from = input.learnedFrom;
    if (input.addressConfirmedAt !== undefined) changes.address_confirmed_at = input.addressConfirmedAt;

    const fromDate = input.fromDate ?? before.from_date;
    const toDate = input.toDate === undefined ? before.to_date : input.toDate;
    refuseBeforeBirth(fromDate, access.person.date_of_birth, 'fromDate');
    if (toDate && compareDates(toDate, fromDate) < 0) {
      failWith(
        'invalid',
        'request.invalid',
        'Some fields are not valid',
        input.toDate !== undefined
          ? { toDate: `Before the start date (${fromDate})` }
          : { fromDate: `After the end date (${toDate})` },
      );
    }
    const placement = await updatePlacement(tx, placementId, changes);
    const placements = await listPlacements(tx, personId);
    const currentId = currentPlacementId(placements);
    const releasesHold =
      Boolean(input.addressConfirmedAt) && placementId === currentId && access.person.mail_hold_since !== null;
    if (releasesHold) await setMailHold(tx, personId, null, deps.clock.now());
    await audit({
      action: 'placement.updated',
      entityType: 'custody_placement',
      entityId: placementId,
      details: { personId, changed: Object.keys(input), mailHoldReleased: releasesHold },
    });
    return presentPlacement(placement, currentId);
  });

export const removePlacement = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  placementId: string,
): Promise<void> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    await loadPersonForWrite(tx, ctx, personId, { forUpdate: true });
    const placement = (await findPlacement(tx, personId, placementId)) ?? placementNotFound();
    await deletePlacement(tx, placementId);
    await audit({
      action: 'placement.removed',
      entityType: 'custody_placement',
      entityId: placementId,
      details: {
        personId,
        facilityName: placement.facility_name,
        fromDate: placement.from_date,
        toDate: placement.to_date,
      },
    });
  });
