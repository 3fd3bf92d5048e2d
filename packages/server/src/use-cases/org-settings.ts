import type { OrgSettingsView, UpdateOrgSettingsInput } from '@redress/core';
import { findOrganisation, updateOrganisation } from '@redress/db';
import type { RequestContext } from '../context.js';
import { type AppDeps, inTransaction } from '../deps.js';
import { authorizeWorkspace, failWith, requireActor } from './policy.js';
import { presentSettings } from './presenters.js';

export const getOrgSettings = async (deps: AppDeps, ctx: RequestContext): Promise<OrgSettingsView> => {
  requireActor(ctx);
  const org = await findOrganisation(deps.database.db);
  if (!org) return failWith('not_found', 'organisation.not_found', 'The workspace is not set up');
  return presentSettings(org);
};

export const updateOrgSettings = (deps: AppDeps, ctx: RequestContext, input: UpdateOrgSettingsInput) =>
  inTransaction(deps, ctx, async (tx, audit) => {
    authorizeWorkspace(ctx, 'org.manage');
    const before = await findOrganisation(tx);
    if (!before) return failWith('not_found', 'organisation.not_found', 'The workspace is not set up');
    const after = await updateOrganisation(
      tx,
      {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.requireTotp !== undefined ? { require_totp: input.requireTotp } : {}),
        ...(input.sessionIdleMinutes !== undefined ? { session_idle_minutes: input.sessionIdleMinutes } : {}),
        ...(input.sessionAbsoluteHours !== undefined ? { session_absolute_hours: input.sessionAbsoluteHours } : {}),
      },
      deps.clock.now(),
    );
    const changes: Record<string, unknown> = {};
    const b = presentSettings(before);
    const a = presentSettings(after);
    for (const key of Object.keys(a) as (keyof OrgSettingsView)[]) {
      if (a[key] !== b[key]) changes[key] = { from: b[key], to: a[key] };
    }
    await audit({
      action: 'organisation.settings_updated',
      entityType: 'organisation',
      entityId: '1',
      details: changes,
    });
    return a;
  });
