import { z } from 'zod';
import { TOKEN_SCOPES } from '../access/policy.js';
import { RoleField, UserView } from './auth.schemas.js';
import { Email, Id, IsoDateTime, Line, PageQuery } from './common.js';

export const CreateUserInput = z.strictObject({
  email: Email,
  name: Line(200).describe('Full name'),
  role: RoleField,
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .strictObject({
    name: Line(200).optional(),
    role: RoleField.optional(),
    isDisabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field' });
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const SignInLinkIssued = z.object({
  url: z.string().describe('One-time sign-in link; shown once'),
  expiresAt: IsoDateTime,
});
export const CreatedUserView = z.object({ user: UserView, signInLink: SignInLinkIssued });
export const UserList = z.object({ items: z.array(UserView) });
export const IdParam = z.strictObject({ id: Id });

export const TokenScopeField = z.enum(TOKEN_SCOPES);
export const CreateTokenInput = z.strictObject({
  name: Line(100).describe('What the token is for'),
  scopes: z.array(TokenScopeField).min(1, 'Choose at least one scope').max(3),
  expiresInDays: z.number().int().min(1).max(3650).optional().describe('Days until the token expires; none = never'),
});
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;
export const TokenView = z.object({
  id: Id,
  name: z.string(),
  scopes: z.array(TokenScopeField),
  prefix: z.string().describe('First characters of the token, to recognise it'),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
});
export type TokenView = z.infer<typeof TokenView>;
export const CreatedTokenView = z.object({ token: z.string().describe('Shown once'), info: TokenView });
export const TokenList = z.object({ items: z.array(TokenView) });

export const OrgSettingsView = z.object({
  name: z.string(),
  requireTotp: z.boolean().describe('Every user must enrol two-factor authentication'),
  sessionIdleMinutes: z.number().int(),
  sessionAbsoluteHours: z.number().int(),
});
export type OrgSettingsView = z.infer<typeof OrgSettingsView>;
export const UpdateOrgSettingsInput = z
  .strictObject({
    name: Line(200).optional(),
    requireTotp: z.boolean().optional(),
    sessionIdleMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .optional(),
    sessionAbsoluteHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field' });
export type UpdateOrgSettingsInput = z.infer<typeof UpdateOrgSettingsInput>;

export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: IsoDateTime,
  actorId: Id.nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;
export const AuditQuery = PageQuery.extend({
  actorId: Id.optional(),
  action: z.string().max(100).optional().describe('Exact action, or a prefix ending in "." (e.g. "user.")'),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
}).strict();
export type AuditQuery = z.infer<typeof AuditQuery>;
export const AuditPage = z.object({ items: z.array(AuditEntryView), nextCursor: z.string().nullable() });
