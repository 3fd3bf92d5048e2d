import type { Role, TokenScope } from '@redress/core';
import type { ColumnType, Generated } from 'kysely';

/** Timestamps come back as Date and may be written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type OrganisationTable = {
  id: Generated<number>;
  name: string;
  require_totp: Generated<boolean>;
  session_idle_minutes: Generated<number>;
  session_absolute_hours: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
};

export type UserTable = {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  totp_secret_enc: string | null;
  totp_pending_secret_enc: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  is_disabled: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  last_sign_in_at: Timestamp | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
};

export type RecoveryCodeTable = { id: string; user_id: string; code_hash: string; used_at: Timestamp | null };

export type SessionTable = {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  is_second_factor_pending: boolean;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  revoked_at: Timestamp | null;
};

export type ApiTokenTable = {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: TokenScope[];
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
};

export type SignInLinkTable = {
  id: string;
  user_id: string;
  token_hash: string;
  purpose: 'invite' | 'reset';
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
};

export type AuditLogTable = {
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
};

export type SchemaMigrationTable = { version: string; name: string; checksum: string; applied_at: DefaultedTimestamp };

export type Tables = {
  organisation: OrganisationTable;
  users: UserTable;
  recovery_codes: RecoveryCodeTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  sign_in_links: SignInLinkTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationTable;
};
