import type { CreateFacilityInput, FacilityView } from '@redress/core';
import { insertFacility } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { authorizeWorkspace, failWith } from '../policy.js';
import { mailingAddressLine, presentFacility } from './facility-presenters.js';

export type { CreateFacilityInput };

/**
 * Adds a facility to the directory (a county jail, a facility the seeded data lacks). The directory is
 * the organisation's reference data, so only those who manage the organisation change it.
 */
export const createFacility = (
  deps: Pick<AppDeps, 'database' | 'clock' | 'newId'>,
  ctx: RequestContext,
  input: CreateFacilityInput,
): Promise<FacilityView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const principal = authorizeWorkspace(ctx, 'org.manage');
    const now = deps.clock.now();
    const mail = {
      mail_line1: input.mailLine1 ?? null,
      mail_city: input.mailCity ?? null,
      mail_state: input.mailState ?? null,
      mail_zip: input.mailZip ?? null,
    };
    const row = await insertFacility(tx, {
      id: deps.newId(),
      code: input.code,
      name: input.name,
      jurisdiction: input.jurisdiction,
      kind: input.kind,
      security_level: input.securityLevel ?? null,
      street_address: input.streetAddress ?? null,
      city: input.city ?? null,
      state: input.state ?? null,
      zip: input.zip ?? null,
      ...mail,
      mailing_address: mailingAddressLine(mail),
      mail_note: input.mailNote ?? null,
      phone: input.phone ?? null,
      visiting_info: input.visitingInfo ?? null,
      source: input.source ?? null,
      is_active: input.isActive,
      verified: input.isVerified,
      is_edited: true,
      updated_by: principal.userId,
      created_at: now,
      updated_at: now,
    });
    if (!row) {
      return failWith('conflict', 'facility.code_taken', 'Another facility has that code', {
        code: 'Another facility has that code',
      });
    }
    await audit({
      action: 'facility.created',
      entityType: 'facility',
      entityId: row.id,
      details: { code: row.code, name: row.name, jurisdiction: row.jurisdiction },
    });
    return presentFacility(row);
  });
