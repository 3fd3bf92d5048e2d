import { type FacilityView, mailingAddressProblems, type UpdateFacilityInput } from '@redress/core';
import { type FacilityRow, updateFacility as writeFacility } from '@redress/db';
import type { Updateable } from 'kysely';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { authorizeWorkspace, failWith } from '../policy.js';
import { FACILITY_COLUMNS, mailingAddressLine, presentFacility } from './facility-presenters.js';
import { requireFacility } from './get-facility.js';

export type { UpdateFacilityInput };

/**
 * Changes a directory entry (administrators). The entry is marked edited, so the shipped directory no
 * longer refreshes it: a correction made here survives the next release's data.
 */
export const updateFacility = (
  deps: Pick<AppDeps, 'database' | 'clock'>,
  ctx: RequestContext,
  id: string,
  input: UpdateFacilityInput,
): Promise<FacilityView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const principal = authorizeWorkspace(ctx, 'org.manage');
    const before = await requireFacility(tx, id, { forUpdate: true });
    const changes: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(FACILITY_COLUMNS) as [
      keyof UpdateFacilityInput,
      keyof FacilityRow,
    ][]) {
      if (input[field] !== undefined) changes[column] = input[field];
    }
    const after = { ...before, ...changes } as FacilityRow;
    const problems = mailingAddressProblems({
      mailLine1: after.mail_line1,
      mailCity: after.mail_city,
      mailState: after.mail_state,
      mailZip: after.mail_zip,
    });
    if (Object.keys(problems).length > 0) {
      return failWith('invalid', 'request.invalid', 'Some fields are not valid', problems);
    }
    const changed = (Object.keys(changes) as (keyof FacilityRow)[]).filter((c) => before[c] !== after[c]).sort();
    const row = await writeFacility(
      tx,
      id,
      {
        ...(changes as Updateable<FacilityRow>),
        mailing_address: mailingAddressLine(after),
        is_edited: true,
        updated_by: principal.userId,
      },
      deps.clock.now(),
    );
    await audit({
      action: 'facility.updated',
      entityType: 'facility',
      entityId: id,
      details: { code: row.code, changed },
    });
    return presentFacility(row);
  });
