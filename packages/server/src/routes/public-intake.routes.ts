import {
  PUBLIC_INTAKE_MAX_BYTES,
  PUBLIC_INTAKE_PER_ADDRESS_PER_HOUR,
  PublicIntakeAccepted,
  PublicIntakeFormQuery,
  PublicIntakeFormView,
  PublicIntakeInput,
  publicIntakeForm,
} from '@redress/core';
import type { FastifyInstance } from 'fastify';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { PUBLIC_INTAKE_URL } from '../use-cases/intakes/intake-urls.js';
import { submitPublicIntake } from '../use-cases/intakes/submit-public-intake.js';

const tags = ['public'];

/**
 * The public form's body is at most PUBLIC_INTAKE_MAX_BYTES (413 beyond), whatever the server's
 * limit for signed-in routes. Registered before the routes (app.ts).
 */
export const registerPublicIntakeLimits = (app: FastifyInstance) => {
  app.addHook('onRoute', (route) => {
    if (route.url === PUBLIC_INTAKE_URL && route.method === 'POST') route.bodyLimit = PUBLIC_INTAKE_MAX_BYTES;
  });
};

/** A reference that looks like any other, for a submission that was dropped (the honeypot). */
const decoyReference = (year: string, id: string) =>
  `IN-${year}-${String(Number.parseInt(id.replace(/[^0-9a-f]/gi, '').slice(0, 8), 16) % 100_000).padStart(5, '0')}`;

export const publicIntakeRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: PUBLIC_INTAKE_URL,
    summary: `The public intake form (no sign-in), in English or Spanish: creates an intake and nothing else, and answers with its reference. Plain text only; at most ${PUBLIC_INTAKE_MAX_BYTES / 1024} KB; ${PUBLIC_INTAKE_PER_ADDRESS_PER_HOUR} submissions per address per hour (429 beyond). Field messages come in the submission's language`,
    tags,
    auth: 'none',
    // Documentation only: the body is read by parsePublicIntake, so messages come in the form's language.
    body: PublicIntakeInput.catch(undefined as never),
    response: PublicIntakeAccepted,
    status: 202,
    rateLimit: { max: PUBLIC_INTAKE_PER_ADDRESS_PER_HOUR, timeWindow: '1 hour' },
    errors: [400, 413, 429],
    handler: async ({ deps, ctx, request }) => {
      const result = await submitPublicIntake(deps, ctx, request.body);
      if (result.kind === 'received') return { reference: result.reference };
      return { reference: decoyReference(deps.clock.now().toISOString().slice(0, 4), deps.newId()) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/public/intake/form',
    summary: 'The labels of the public intake form, in English or Spanish',
    tags,
    auth: 'none',
    query: PublicIntakeFormQuery,
    response: PublicIntakeFormView,
    handler: async ({ query }) => publicIntakeForm(query.language),
  }),
];
