import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.js';
import { SESSION_COOKIE } from './authenticate.js';

/**
 * httpOnly (no script reads it), SameSite=Lax (not sent on cross-site writes), Secure whenever the
 * request came over HTTPS or the public URL is https. No Max-Age: expiry is enforced by the server.
 */
export const setSessionCookie = (deps: AppDeps, request: FastifyRequest, reply: FastifyReply, token: string) =>
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.isHttps || request.protocol === 'https',
  });

export const clearSessionCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });
