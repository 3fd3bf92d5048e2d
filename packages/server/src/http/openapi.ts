import { ErrorBody } from '@redress/core';
import { z } from 'zod';
import type { AnyRoute } from './route.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  return rest;
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input (details name the fields)',
  401: 'Not signed in, or the session has ended',
  403: 'Not allowed (role, scope or CSRF token)',
  404: 'Not found, or not visible to you',
  409: 'Conflicts with existing data',
  413: 'Body too large',
  422: 'Breaks a rule',
  429: 'Too many requests, or the account is locked',
};

const openapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const parametersOf = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
};

export const buildOpenApiDocument = (routes: AnyRoute[], version: string) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openapiPath(route.url);
    const status = String(route.status ?? (route.response ? 200 : 204));
    const responses: Record<string, unknown> = {
      [status]: route.response
        ? { description: 'OK', content: { 'application/json': { schema: toSchema(route.response, 'output') } } }
        : { description: 'No content' },
    };
    for (const code of new Set([...(route.errors ?? []), ...(route.auth === 'none' ? [] : [401])])) {
      responses[String(code)] = { $ref: `#/components/responses/E${code}` };
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: route.tags,
      operationId: `${route.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      ...(route.auth === 'none' ? { security: [] } : {}),
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
      ...(route.body
        ? {
            requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } },
          }
        : {}),
      responses,
    };
  }
  const errorSchema = toSchema(ErrorBody, 'output');
  return {
    openapi: '3.1.0',
    info: {
      title: 'Redress API',
      version,
      description:
        'Case platform for teams who work to free incarcerated people. Errors always have the shape {"error":{"code","message","details"}}. Writes made with the session cookie need the X-CSRF-Token header.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'redress_session' },
        bearer: { type: 'http', scheme: 'bearer', description: 'API token (rdr_...)' },
      },
      responses: Object.fromEntries(
        Object.entries(STATUS_TEXT).map(([code, description]) => [
          `E${code}`,
          { description, content: { 'application/json': { schema: errorSchema } } },
        ]),
      ),
    },
  };
};
