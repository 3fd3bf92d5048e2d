import type { AnyRoute } from '../http/route.js';
import { organisationRoutes, tokenRoutes, userRoutes } from './admin.routes.js';
import { authRoutes } from './auth.routes.js';
import { correspondenceRoutes } from './correspondence.routes.js';
import { documentsRoutes } from './documents.routes.js';
import { facilitiesRoutes } from './facilities.routes.js';
import { importsRoutes } from './imports.routes.js';
import { intakesRoutes } from './intakes.routes.js';
import { lettersRoutes } from './letters.routes.js';
import { mattersRoutes } from './matters.routes.js';
import { peopleRoutes } from './people.routes.js';
import { publicIntakeRoutes } from './public-intake.routes.js';
import { screeningRoutes } from './screening.routes.js';
import { searchRoutes } from './search.routes.js';
import { visitsRoutes } from './visits.routes.js';

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
  ...correspondenceRoutes,
  ...visitsRoutes,
  ...documentsRoutes,
  ...intakesRoutes,
  ...publicIntakeRoutes,
  ...lettersRoutes,
];
