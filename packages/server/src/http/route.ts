import { domainError } from '@redress/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RequestContext } from '../context.js';
import type { AppDeps } from '../deps.js';
import { safeEqual } from '../secrets/crypto.js';
import { type Authentication, authenticate } from './authenticate.js';
import { errorBody, sendDomainError, zodDetails } from './errors.js';

/**
 * How much authentication a route needs:
 * - `none`: anyone (sign-in, one-time links, health).
 * - `second-factor`: a session that has passed the password and waits for its TOTP code.
 * - `enrolment`: a complete session, even one that must still enrol two-factor (so it can).
 * - `user`: a complete session that has every factor the organisation requires, or an API token.
 */
export type AuthLevel = 'none' | 'second-factor' | 'enrolment' | 'user';

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteInput<P, Q, B> = {
  deps: AppDeps;
  ctx: RequestContext;
  auth: Authentication | null;
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
};

export type RouteSpec<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema | undefined = Schema | undefined,
> = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  auth: AuthLevel;
  params?: P;
  query?: Q;
  body?: B;
  /** Omitted: 204 No Content. The response is parsed through it, so extra fields never leak. */
  response?: R;
  status?: number;
  rateLimit?: { max: number; timeWindow: string };
  /** Error codes the route may answer with, for the API document. */
  errors?: number[];
  handler: (input: RouteInput<Out<P>, Out<Q>, Out<B>>) => Promise<R extends Schema ? z.input<R> : unknown>;
};

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of routes
export type AnyRoute = RouteSpec<any, any, any, any>;

export const defineRoute = <
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
>(
  spec: RouteSpec<P, Q, B, R>,
): AnyRoute => spec as AnyRoute;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const authFailure = (route: AnyRoute, auth: Authentication | null, request: FastifyRequest) => {
  if (route.auth === 'none') return null;
  if (!auth) return null; // reported by the caller with the resolution's own reason
  if (auth.kind === 'session' && UNSAFE.has(route.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, auth.csrfToken)) {
      return domainError('forbidden', 'auth.csrf_invalid', 'Missing or invalid CSRF token (send X-CSRF-Token)');
    }
  }
  if (route.auth === 'second-factor') {
    return auth.kind === 'session' && auth.isSecondFactorPending
      ? null
      : domainError('unprocessable', 'auth.no_pending_sign_in', 'There is no sign-in waiting for a second factor');
  }
  if (auth.kind === 'session' && auth.isSecondFactorPending) {
    return domainError(
      'unauthenticated',
      'auth.second_factor_required',
      'Enter your authentication code to finish signing in',
    );
  }
  if (route.auth === 'enrolment') {
    return auth.kind === 'session'
      ? null
      : domainError('forbidden', 'auth.session_required', 'This needs a signed-in session, not an API token');
  }
  if (auth.mustEnrolTotp) {
    return domainError(
      'forbidden',
      'auth.totp_enrolment_required',
      'Your organisation requires two-factor authentication: set it up first',
    );
  }
  return null;
};

export const toRequestContext = (request: FastifyRequest, auth: Authentication | null): RequestContext => ({
  actor:
    auth && !(auth.kind === 'session' && auth.isSecondFactorPending)
      ? {
          userId: auth.user.id,
          name: auth.user.name,
          email: auth.user.email,
          role: auth.user.role,
          sessionId: auth.kind === 'session' ? auth.sessionId : null,
          scopes: auth.kind === 'token' ? auth.scopes : null,
        }
      : null,
  ip: request.ip ?? null,
  userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
  requestId: String(request.id),
});

const parsePart = (schema: Schema | undefined, value: unknown, where: string) => {
  if (!schema) return { ok: true as const, value: undefined };
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return { ok: true as const, value: result.data };
  return { ok: false as const, details: zodDetails(result.error, where === 'body' ? undefined : where) };
};

export const registerRoute = (app: FastifyInstance, deps: AppDeps, route: AnyRoute) => {
  app.route({
    method: route.method,
    url: route.url,
    ...(route.rateLimit ? { config: { rateLimit: route.rateLimit } } : {}),
    handler: async (request, reply) => {
      const { auth, failure } = await authenticate(deps, request);
      if (route.auth !== 'none' && !auth) {
        return sendDomainError(reply, failure ?? domainError('unauthenticated', 'auth.required', 'Sign in first'));
      }
      const denied = authFailure(route, auth, request);
      if (denied) return sendDomainError(reply, denied);

      const details: Record<string, string> = {};
      const params = parsePart(route.params, request.params, 'params');
      const query = parsePart(route.query, request.query, 'query');
      const body = parsePart(route.body, request.body, 'body');
      for (const part of [params, query, body]) if (!part.ok) Object.assign(details, part.details);
      if (!params.ok || !query.ok || !body.ok) {
        // An id that is not even well-formed names nothing: answer as for any record not found.
        if (!params.ok) {
          return reply.status(404).send(errorBody({ code: 'request.not_found', message: 'Not found' }));
        }
        return reply
          .status(400)
          .send(errorBody({ code: 'request.invalid', message: 'Some fields are not valid', details }));
      }

      const ctx = toRequestContext(request, auth);
      const result = await route.handler({
        deps,
        ctx,
        auth,
        params: params.value,
        query: query.value,
        body: body.value,
        request,
        reply,
      });
      if (reply.sent) return reply;
      if (!route.response) return reply.status(route.status ?? 204).send();
      const parsed = route.response.safeParse(result);
      if (!parsed.success) {
        throw new Error(`Response of ${route.method} ${route.url} failed its schema: ${parsed.error.message}`);
      }
      return reply.status(route.status ?? 200).send(parsed.data);
    },
  });
};
