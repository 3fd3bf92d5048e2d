import type { OrgSettingsView, TokenView, UserView } from '@redress/core';
import type { ApiTokenTable, OrganisationTable, UserRow } from '@redress/db';
import type { Selectable } from 'kysely';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentUser = (u: UserRow): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  isDisabled: u.is_disabled,
  hasTotp: u.totp_enabled_at !== null,
  createdAt: u.created_at.toISOString(),
  lastSignInAt: iso(u.last_sign_in_at),
});

export const presentToken = (t: Selectable<ApiTokenTable>): TokenView => ({
  id: t.id,
  name: t.name,
  scopes: t.scopes,
  prefix: t.prefix,
  createdAt: t.created_at.toISOString(),
  lastUsedAt: iso(t.last_used_at),
  expiresAt: iso(t.expires_at),
  revokedAt: iso(t.revoked_at),
});

export const presentSettings = (o: Selectable<OrganisationTable>): OrgSettingsView => ({
  name: o.name,
  requireTotp: o.require_totp,
  sessionIdleMinutes: o.session_idle_minutes,
  sessionAbsoluteHours: o.session_absolute_hours,
});
