import { MATTER_TYPES } from '@redress/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { ErrorPage, NotFoundPage } from './components/fallback-pages';
import { PageLoader } from './components/page-loader';
import { validateAuditSearch } from './features/audit/audit-search';
import { validateContactsSearch } from './features/contacts/contacts-search';
import { validateFacilitiesSearch } from './features/facilities/facilities-search';
import { canImport } from './features/imports/can-import';
import { canTriage } from './features/intake/can-triage';
import { validateIntakeSearch } from './features/intake/intake-search';
import { validateMattersSearch } from './features/matters/matters-search';
import { isOneOf } from './features/people/labels';
import { validatePeopleSearch } from './features/people/people-search';
import { validateScreeningRunSearch } from './features/screening/screening-run-search';
import { validateSearchPageSearch } from './features/search/search-params';
import { sessionQueryOptions } from './features/session/api/get-session';
import { ENROL_PATH } from './features/session/session-cache';
import { AppLayout } from './features/shell/components/app-layout';
import { safeRedirect } from './lib/safe-redirect';

export type RouterContext = { queryClient: QueryClient };

const loadSession = (queryClient: QueryClient) =>
  queryClient.ensureQueryData({ ...sessionQueryOptions(), revalidateIfStale: true });

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const redirectTo = safeRedirect(search.redirect);
    return redirectTo ? { redirect: redirectTo } : {};
  },
  beforeLoad: async ({ context, search }) => {
    const session = await loadSession(context.queryClient);
    if (session?.mustEnrolTotp) throw redirect({ to: ENROL_PATH });
    if (session?.isComplete) throw redirect({ href: search.redirect ?? '/' });
  },
  component: lazyRouteComponent(() => import('./features/session/components/login-page'), 'LoginPage'),
});

/** The public intake form for families and advocates: no sign-in, English and Spanish. */
const applyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'apply',
  validateSearch: (search: Record<string, unknown>): { language: 'en' | 'es' } => ({
    language: search.language === 'es' ? 'es' : 'en',
  }),
  component: lazyRouteComponent(() => import('./features/intake/components/public-intake-page'), 'PublicIntakePage'),
});

const signInLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'link/$token',
  component: lazyRouteComponent(() => import('./features/sign-in-link/components/sign-in-link-page'), 'SignInLinkPage'),
});

/** Everything behind sign-in. The layout re-checks the session as it changes; this guards entry. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    const session = await loadSession(context.queryClient);
    if (!session) {
      const redirectTo = location.pathname === '/' ? undefined : safeRedirect(location.href);
      throw redirect({ to: '/login', search: redirectTo ? { redirect: redirectTo } : {} });
    }
    if (session.mustEnrolTotp) {
      if (location.pathname !== ENROL_PATH) throw redirect({ to: ENROL_PATH });
      return;
    }
    if (!session.isComplete) throw redirect({ to: '/login' });
  },
  component: AppLayout,
});

const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./features/home/components/home-page'), 'HomePage'),
});

const securityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'account/security',
  component: lazyRouteComponent(() => import('./features/account/components/security-page'), 'SecurityPage'),
});

const enrolRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'account/two-factor',
  beforeLoad: async ({ context }) => {
    const session = await loadSession(context.queryClient);
    if (!session?.mustEnrolTotp) throw redirect({ to: '/account/security' });
  },
  component: lazyRouteComponent(
    () => import('./features/account/components/two-factor-enrolment-page'),
    'TwoFactorEnrolmentPage',
  ),
});

const peopleRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'people',
  validateSearch: validatePeopleSearch,
  component: lazyRouteComponent(() => import('./features/people/components/people-page'), 'PeoplePage'),
});

const personRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'people/$personId',
  component: lazyRouteComponent(() => import('./features/person/components/person-page'), 'PersonPage'),
});

const mattersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'matters',
  validateSearch: validateMattersSearch,
  component: lazyRouteComponent(() => import('./features/matters/components/matters-page'), 'MattersPage'),
});

const matterRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'matters/$matterId',
  component: lazyRouteComponent(() => import('./features/matter/components/matter-page'), 'MatterPage'),
});

const boardIndexRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'board',
  beforeLoad: () => {
    throw redirect({ to: '/board/$type', params: { type: MATTER_TYPES[0] } });
  },
});

const boardRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'board/$type',
  beforeLoad: ({ params }) => {
    if (!isOneOf(MATTER_TYPES, params.type)) throw redirect({ to: '/board/$type', params: { type: MATTER_TYPES[0] } });
  },
  component: lazyRouteComponent(() => import('./features/board/components/board-page'), 'BoardPage'),
});

const contactsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'contacts',
  validateSearch: validateContactsSearch,
  component: lazyRouteComponent(() => import('./features/contacts/components/contacts-page'), 'ContactsPage'),
});

const contactRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'contacts/$contactId',
  component: lazyRouteComponent(() => import('./features/contacts/components/contact-page'), 'ContactPage'),
});

const facilitiesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'facilities',
  validateSearch: validateFacilitiesSearch,
  component: lazyRouteComponent(() => import('./features/facilities/components/facilities-page'), 'FacilitiesPage'),
});

const facilityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'facilities/$facilityId',
  component: lazyRouteComponent(() => import('./features/facilities/components/facility-page'), 'FacilityPage'),
});

/** Outgoing mail: the letters ready to print, across people. */
const mailRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'mail',
  component: lazyRouteComponent(
    () => import('./features/correspondence/components/outgoing-mail-page'),
    'OutgoingMailPage',
  ),
});

const attorneyProfileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'account/attorney-profile',
  component: lazyRouteComponent(
    () => import('./features/correspondence/components/attorney-profile-page'),
    'AttorneyProfilePage',
  ),
});

const searchRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'search',
  validateSearch: validateSearchPageSearch,
  component: lazyRouteComponent(() => import('./features/search/components/search-page'), 'SearchPage'),
});

/** Screening runs are for the roles the server lets import rosters (data.import); others are sent home. */
const screeningRunsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'screening',
  beforeLoad: async ({ context }) => {
    const session = await loadSession(context.queryClient);
    if (!session || !canImport(session.user.role)) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(
    () => import('./features/screening/components/screening-runs-page'),
    'ScreeningRunsPage',
  ),
});

const screeningRunRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'screening/$runId',
  validateSearch: validateScreeningRunSearch,
  beforeLoad: async ({ context }) => {
    const session = await loadSession(context.queryClient);
    if (!session || !canImport(session.user.role)) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./features/screening/components/screening-run-page'), 'ScreeningRunPage'),
});

/** Intake is for the roles the server lets triage (intake.triage); others are sent home. */
const requireTriage = async ({ context }: { context: RouterContext }) => {
  const session = await loadSession(context.queryClient);
  if (!session || !canTriage(session.user.role)) throw redirect({ to: '/' });
};

const intakeQueueRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'intake',
  validateSearch: validateIntakeSearch,
  beforeLoad: requireTriage,
  component: lazyRouteComponent(() => import('./features/intake/components/intake-queue-page'), 'IntakeQueuePage'),
});

const intakeMetricsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'intake/metrics',
  beforeLoad: requireTriage,
  component: lazyRouteComponent(() => import('./features/intake/components/intake-metrics-page'), 'IntakeMetricsPage'),
});

const intakeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'intake/$intakeId',
  beforeLoad: requireTriage,
  component: lazyRouteComponent(() => import('./features/intake/components/intake-page'), 'IntakePage'),
});

/** Importing is for the roles the server lets import; others are sent home. */
const importRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'import',
  beforeLoad: async ({ context }) => {
    const session = await loadSession(context.queryClient);
    if (!session || !canImport(session.user.role)) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./features/imports/components/import-page'), 'ImportPage'),
});

/** The server enforces the role on every call; this only keeps others away from pages they cannot use. */
const adminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'admin',
  beforeLoad: async ({ context }) => {
    const session = await loadSession(context.queryClient);
    if (session?.user.role !== 'administrator') throw redirect({ to: '/' });
  },
});

const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/users' });
  },
});

const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'users',
  component: lazyRouteComponent(() => import('./features/users/components/users-page'), 'UsersPage'),
});

const orgSettingsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'settings',
  component: lazyRouteComponent(
    () => import('./features/org-settings/components/org-settings-page'),
    'OrgSettingsPage',
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'audit',
  validateSearch: validateAuditSearch,
  component: lazyRouteComponent(() => import('./features/audit/components/audit-page'), 'AuditPage'),
});

const letterTemplatesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'letter-templates',
  component: lazyRouteComponent(
    () => import('./features/correspondence/components/letter-templates-page'),
    'LetterTemplatesPage',
  ),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  signInLinkRoute,
  applyRoute,
  signedInRoute.addChildren([
    homeRoute,
    peopleRoute,
    personRoute,
    mattersRoute,
    matterRoute,
    boardIndexRoute,
    boardRoute,
    contactsRoute,
    contactRoute,
    facilitiesRoute,
    facilityRoute,
    searchRoute,
    mailRoute,
    attorneyProfileRoute,
    screeningRunsRoute,
    screeningRunRoute,
    intakeQueueRoute,
    intakeMetricsRoute,
    intakeRoute,
    importRoute,
    securityRoute,
    enrolRoute,
    adminRoute.addChildren([adminIndexRoute, usersRoute, orgSettingsRoute, auditRoute, letterTemplatesRoute]),
  ]),
]);

export const createAppRouter = (queryClient: QueryClient) =>
  createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: () => <PageLoader />,
    defaultPreload: 'intent',
    scrollRestoration: true,
  });

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
