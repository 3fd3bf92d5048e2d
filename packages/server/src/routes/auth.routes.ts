import {
  ChangePasswordInput,
  LinkTokenParam,
  LoginInput,
  RecoveryCodesView,
  RedeemLinkInput,
  SecondFactorInput,
  SessionView,
  SignInLinkView,
  TotpDisableInput,
  TotpEnableInput,
  TotpSetupView,
} from '@redress/core';
import { findOrganisation } from '@redress/db';
import type { Authentication } from '../http/authenticate.js';
import { sendDomainError } from '../http/errors.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie.js';
import { changePassword } from '../use-cases/change-password.js';
import { disableTotp } from '../use-cases/disable-totp.js';
import { finishTotpEnrolment, startTotpEnrolment } from '../use-cases/enrol-totp.js';
import { failWith } from '../use-cases/policy.js';
import { describeSignInLink, redeemSignInLink } from '../use-cases/redeem-sign-in-link.js';
import { buildSessionView } from '../use-cases/session-view.js';
import { signIn } from '../use-cases/sign-in.js';
import { signOut, signOutEverywhere } from '../use-cases/sign-out.js';
import { verifySecondFactor } from '../use-cases/verify-second-factor.js';

const tags = ['auth'];
// Per address, on top of the per-account lockout: slows password spraying across many accounts.
const SIGN_IN_RATE = { max: 20, timeWindow: '1 minute' };

const sessionOf = (auth: Authentication | null) => {
  if (auth?.kind !== 'session') return failWith('forbidden', 'auth.session_required', 'This needs a signed-in session');
  return auth;
};

export const authRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Sign in with email and password',
    tags,
    auth: 'none',
    body: LoginInput,
    response: SessionView,
    rateLimit: SIGN_IN_RATE,
    errors: [400, 401, 429],
    handler: async ({ deps, ctx, body, request, reply }) => {
      const result = await signIn(deps, ctx, body);
      if (!result.ok) return sendDomainError(reply, result.error);
      setSessionCookie(deps, request, reply, result.value.issued.token);
      return result.value.view;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/login/second-factor',
    summary: 'Finish signing in with a TOTP code or a recovery code',
    tags,
    auth: 'second-factor',
    body: SecondFactorInput,
    response: SessionView,
    rateLimit: SIGN_IN_RATE,
    errors: [400, 401, 403, 422, 429],
    handler: async ({ deps, ctx, auth, body, reply }) => {
      const s = sessionOf(auth);
      const result = await verifySecondFactor(
        deps,
        ctx,
        { sessionId: s.sessionId, userId: s.user.id, csrfToken: s.csrfToken, createdAt: s.createdAt },
        body,
      );
      if (!result.ok) return sendDomainError(reply, result.error);
      return result.value;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/auth/session',
    summary: 'The current session, with its CSRF token',
    tags,
    auth: 'enrolment',
    response: SessionView,
    errors: [401],
    handler: async ({ deps, auth }) => {
      const s = sessionOf(auth);
      const org = await findOrganisation(deps.database.db);
      if (!org) return failWith('unauthenticated', 'auth.required', 'Sign in first');
      const now = deps.clock.now();
      const view = buildSessionView(
        s.user,
        org,
        { csrfToken: s.csrfToken, isSecondFactorPending: false, createdAt: s.createdAt, lastSeenAt: now },
        now,
      );
      return { ...view, expiresAt: s.expiresAt.toISOString() };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'Sign out of this session',
    tags,
    auth: 'enrolment',
    handler: async ({ deps, ctx, auth, reply }) => {
      const s = sessionOf(auth);
      await signOut(deps, ctx, { sessionId: s.sessionId, userId: s.user.id });
      clearSessionCookie(reply);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/logout-everywhere',
    summary: 'Sign out of every session of this user',
    tags,
    auth: 'enrolment',
    handler: async ({ deps, ctx, auth, reply }) => {
      const s = sessionOf(auth);
      await signOutEverywhere(deps, ctx, s.user.id);
      clearSessionCookie(reply);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/password',
    summary: 'Change your password (ends your other sessions)',
    tags,
    auth: 'enrolment',
    body: ChangePasswordInput,
    errors: [400, 401, 403, 422],
    handler: async ({ deps, ctx, auth, body }) => {
      sessionOf(auth);
      await changePassword(deps, ctx, body);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/totp/setup',
    summary: 'Start two-factor enrolment: a new secret and its QR code',
    tags,
    auth: 'enrolment',
    response: TotpSetupView,
    errors: [401, 403, 409],
    handler: ({ deps, ctx }) => startTotpEnrolment(deps, ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/totp/enable',
    summary: 'Confirm two-factor enrolment with a first code; returns recovery codes once',
    tags,
    auth: 'enrolment',
    body: TotpEnableInput,
    response: RecoveryCodesView,
    errors: [400, 401, 403, 422],
    handler: ({ deps, ctx, body }) => finishTotpEnrolment(deps, ctx, body.code),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/totp/disable',
    summary: 'Turn two-factor off (password and a current code needed)',
    tags,
    auth: 'user',
    body: TotpDisableInput,
    errors: [400, 401, 403, 422],
    handler: async ({ deps, ctx, auth, body }) => {
      sessionOf(auth);
      await disableTotp(deps, ctx, body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/auth/links/:token',
    summary: 'Describe a one-time sign-in link (invitation or password reset)',
    tags,
    auth: 'none',
    params: LinkTokenParam,
    response: SignInLinkView,
    rateLimit: SIGN_IN_RATE,
    errors: [404],
    handler: ({ deps, params }) => describeSignInLink(deps, params.token),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/links/redeem',
    summary: 'Use a one-time link: set a password and sign in',
    tags,
    auth: 'none',
    body: RedeemLinkInput,
    response: SessionView,
    rateLimit: SIGN_IN_RATE,
    errors: [400, 404],
    handler: async ({ deps, ctx, body, request, reply }) => {
      const result = await redeemSignInLink(deps, ctx, body);
      if (!result.ok) return sendDomainError(reply, result.error);
      setSessionCookie(deps, request, reply, result.value.issued.token);
      return result.value.view;
    },
  }),
];
