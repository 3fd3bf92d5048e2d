import { type DomainError, type ErrorCategory, isDomainFailure } from '@redress/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';

/** The one table from domain error categories to HTTP statuses. */
export const STATUS_BY_CATEGORY: Record<ErrorCategory, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  throttled: 429,
};

export const errorBody = (e: Pick<DomainError, 'code' | 'message' | 'details'>) => ({
  error: e.details ? { code: e.code, message: e.message, details: e.details } : { code: e.code, message: e.message },
});

export const zodDetails = (error: ZodError, prefix?: string): Record<string, string> => {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)].join('.') || '_';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        details[[path === '_' ? '' : path, key].filter(Boolean).join('.')] = 'Unknown field';
      continue;
    }
    details[path] ??= issue.message;
  }
  return details;
};

export const sendDomainError = (reply: FastifyReply, e: DomainError) =>
  reply.status(STATUS_BY_CATEGORY[e.category]).send(errorBody(e));

/** Fastify's own errors (parsing, limits) mapped onto the same error shape. */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'request.too_large', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'request.unsupported_media_type',
    message: 'Send the body as application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.empty_body', message: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'request.bad_content_length',
    message: 'Content-Length does not match the body',
  },
};

export const handleError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  if (isDomainFailure(error)) return sendDomainError(reply, error.error);
  const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  if (known) return reply.status(known.status).send(errorBody(known));
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return reply.status(400).send(errorBody({ code: 'request.malformed_json', message: 'The body is not valid JSON' }));
  }
  if (error.statusCode === 429) {
    return reply
      .status(429)
      .send(errorBody({ code: 'request.throttled', message: 'Too many requests; wait a moment and try again' }));
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return reply
      .status(error.statusCode)
      .send(errorBody({ code: 'request.invalid', message: 'The request could not be processed' }));
  }
  // A bug or a broken dependency: log everything, tell the client nothing it could use against us.
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody({ code: 'internal', message: 'Something went wrong on our side' }));
};
