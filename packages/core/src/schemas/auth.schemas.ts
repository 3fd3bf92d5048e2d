import { z } from 'zod';
import { ROLES } from '../access/roles.js';
import { NewPassword, PresentedPassword } from '../auth/password-policy.js';
import { Email, Id, IsoDateTime } from './common.js';

export const RoleField = z.enum(ROLES).describe('Organisation role');

export const UserView = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: RoleField,
    isDisabled: z.boolean(),
    hasTotp: z.boolean().describe('Two-factor authentication is enrolled'),
    createdAt: IsoDateTime,
    lastSignInAt: IsoDateTime.nullable(),
  })
  .describe('User');
export type UserView = z.infer<typeof UserView>;

export const LoginInput = z.strictObject({ email: Email, password: PresentedPassword });
export type LoginInput = z.infer<typeof LoginInput>;

export const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app')
  .describe('Six-digit TOTP code');
export const RecoveryCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]{5}-?[a-z0-9]{5}$/, 'Enter a recovery code like abcde-12345')
  .describe('One of the recovery codes given at enrolment');

export const SecondFactorInput = z
  .strictObject({ code: TotpCode.optional(), recoveryCode: RecoveryCode.optional() })
  .refine((v) => (v.code === undefined) !== (v.recoveryCode === undefined), {
    message: 'Give either a code or a recovery code',
    path: ['code'],
  });
export type SecondFactorInput = z.infer<typeof SecondFactorInput>;

export const SessionView = z
  .object({
    user: UserView,
    csrfToken: z.string().describe('Send as X-CSRF-Token on every write made with this session cookie'),
    /** The session has passed every factor it needs. */
    isComplete: z.boolean(),
    /** Sign-in is waiting for a TOTP or recovery code. */
    needsSecondFactor: z.boolean(),
    /** The organisation requires two-factor and this user has not enrolled: only enrolment is allowed. */
    mustEnrolTotp: z.boolean(),
    organisationName: z.string(),
    expiresAt: IsoDateTime,
  })
  .describe('Current session');
export type SessionView = z.infer<typeof SessionView>;

export const ChangePasswordInput = z.strictObject({ currentPassword: PresentedPassword, newPassword: NewPassword });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const TotpSetupView = z.object({
  secret: z.string().describe('Base32 secret, for typing into an authenticator by hand'),
  otpauthUrl: z.string(),
  qrSvg: z.string().describe('QR code of otpauthUrl as an SVG document'),
});
export type TotpSetupView = z.infer<typeof TotpSetupView>;

export const TotpEnableInput = z.strictObject({ code: TotpCode });
export const TotpDisableInput = z.strictObject({ password: PresentedPassword, code: TotpCode });
export const RecoveryCodesView = z.object({
  recoveryCodes: z.array(z.string()).describe('Shown once; each works once'),
});

export const LinkTokenParam = z.strictObject({ token: z.string().min(20).max(200) });
export const SignInLinkView = z.object({
  email: z.string(),
  name: z.string(),
  purpose: z.enum(['invite', 'reset']),
  expiresAt: IsoDateTime,
});
export const RedeemLinkInput = z.strictObject({ token: z.string().min(20).max(200), newPassword: NewPassword });
