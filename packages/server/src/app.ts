import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { migrationStatus } from '@redress/db';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppDeps } from './deps.js';
import { errorBody, handleError } from './http/errors.js';
import { buildOpenApiDocument } from './http/openapi.js';
import { registerRoute } from './http/route.js';
import { registerRosterUpload } from './import/roster-upload.js';
import { registerSpreadsheetBody } from './import/spreadsheet-body.js';
import { apiRoutes } from './routes/index.js';
import { registerPublicIntakeLimits } from './routes/public-intake.routes.js';
import { randomToken } from './secrets/crypto.js';

export const API_VERSION = '0.1.0';
const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export type BuildAppOptions = {
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
  trustProxy?: boolean;
  /** Requests per minute per address across the API; sign-in routes have their own lower limit. */
  rateLimitPerMinute?: number;
  /** The largest roster a screening run accepts (REDRESS_SCREENING_MAX_UPLOAD_MB); 200 MB by default. */
  screeningUploadMaxBytes?: number;
};

/** The HTTP application, not listening: tests drive it with inject(), `redress start` listens. */
export const buildApp = async (deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> => {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomToken(9),
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its CSS variables into a style element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.isHttps,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 1200,
    timeWindow: '1 minute',
    errorResponseBuilder: () => ({
      statusCode: 429,
      ...errorBody({ code: 'request.throttled', message: 'Too many requests; wait a moment and try again' }),
    }),
  });

  // The API speaks JSON only: a text/plain body is refused as an unsupported media type (415), not
  // parsed into a string that then fails validation.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(handleError);
  // Spreadsheet uploads (CSV, XLSX) up to 50 MB, on the import upload route only.
  registerSpreadsheetBody(app);
  // Roster uploads (multipart form data), streamed into the database, on the screening run route only.
  await registerRosterUpload(app, options.screeningUploadMaxBytes);
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !options.serveWeb) {
      return reply.status(404).send(errorBody({ code: 'request.not_found', message: 'No such resource' }));
    }
    // The web app routes in the browser: every other GET gets its page.
    return reply.type('text/html').sendFile('index.html');
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      const status = await migrationStatus(deps.database);
      if (status.pending.length > 0 || status.mismatched.length > 0) {
        return reply.status(503).send(
          errorBody({
            code: 'not_ready.migrations_pending',
            message: `Migrations pending: ${status.pending.join(', ')}`,
          }),
        );
      }
      return { status: 'ready' };
    } catch {
      return reply
        .status(503)
        .send(errorBody({ code: 'not_ready.database_unreachable', message: 'The database is unreachable' }));
    }
  });

  const document = buildOpenApiDocument(apiRoutes, API_VERSION);
  app.get('/api/openapi.json', async () => document);
  // The public intake form takes a small body only (32 KB).
  registerPublicIntakeLimits(app);
  for (const route of apiRoutes) registerRoute(app, deps, route);

  if (options.serveWeb && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: 'index.html' });
  }
  return app;
};
