import type { AnyRoute } from '../http/route.js';
import { organisationRoutes, tokenRoutes, userRoutes } from './admin.routes.js';
import { authRoutes } from './auth.routes.js';
import { facilitiesRoutes } from './facilities.routes.js';
import { importsRoutes } from './imports.routes.js';
import { mattersRoutes } from './matters.routes.js';
import { peopleRoutes } from './people.routes.js';
import { screeningRoutes } from './screening.routes.js';
import { searchRoutes } from './search.routes.js';

/** Every API route; the app registers them and the OpenAPI document describes them. */
export const apiRoutes: AnyRoute[] = [
  ...authRoutes,
  ...userRoutes,
  ...tokenRoutes,
  ...organisationRoutes,
  ...peopleRoutes,
  ...mattersRoutes,
  ...searchRoutes,
  ...importsRoutes,
  ...screeningRoutes,
  ...facilitiesRoutes,
];
