import type { AnyRoute } from '../http/route.js';
import { organisationRoutes, tokenRoutes, userRoutes } from './admin.routes.js';
import { authRoutes } from './auth.routes.js';

/** Every API route; the app registers them and the OpenAPI document describes them. */
export const apiRoutes: AnyRoute[] = [...authRoutes, ...userRoutes, ...tokenRoutes, ...organisationRoutes];
