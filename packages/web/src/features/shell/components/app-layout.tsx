import { AppShell, Burger, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { PageLoader } from '../../../components/page-loader';
import { PublicLayout } from '../../../components/public-layout';
import { QueryError } from '../../../components/query-error';
import { MAIN_CONTENT_ID } from '../../../lib/focus-main';
import { HeaderSearch } from '../../search/components/header-search';
import { sessionQueryOptions } from '../../session/api/get-session';
import { SessionContext } from '../../session/session-context';
import { detourFor } from '../session-detour';
import { useFocusMainOnNavigate } from '../use-focus-main-on-navigate';
import { MainNav } from './main-nav';
import { SkipLink } from './skip-link';
import { UserMenu } from './user-menu';

export function AppLayout() {
  const sessionQuery = useQuery(sessionQueryOptions());
  const session = sessionQuery.data;
  // The committed location, not the pending one: it stays put while a detour is under way, so the
  // detour is computed once instead of chasing its own navigation.
  const location = useRouterState({ select: (state) => state.resolvedLocation ?? state.location });
  const navigate = useNavigate();
  const detour = detourFor(session, location);
  const [isNavOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const isSmallScreen = useMediaQuery('(max-width: 48em)');
  useFocusMainOnNavigate(location.pathname);

  useEffect(() => {
    if (location.pathname) closeNav();
  }, [location.pathname, closeNav]);

  // The session ended (sign-out, expiry, revoked elsewhere) or changed state: leave before any page
  // asks for data it may no longer see.
  useEffect(() => {
    if (detour) void navigate({ href: detour, replace: true });
  }, [detour, navigate]);

  if (!session && sessionQuery.isError) {
    return (
      <PublicLayout>
        <Stack gap="md">
          <Title order={1} size="h2">
            Redress is not available
          </Title>
          <QueryError error={sessionQuery.error} what="your session" onRetry={() => void sessionQuery.refetch()} />
        </Stack>
      </PublicLayout>
    );
  }
  if (!session || detour) return <PageLoader />;

  return (
    <SessionContext value={session}>
      <SkipLink />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
              <Burger
                opened={isNavOpen}
                onClick={toggleNav}
                hiddenFrom="sm"
                size="sm"
                aria-label="Navigation menu"
                aria-expanded={isNavOpen}
                aria-controls="main-navigation"
                style={{ flexShrink: 0 }}
              />
              <Text fw={700} size="lg" truncate>
                {session.organisationName}
              </Text>
            </Group>
            {!session.mustEnrolTotp && <HeaderSearch />}
            <UserMenu />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar id="main-navigation" aria-label="Main" p="sm" inert={isSmallScreen && !isNavOpen}>
          <MainNav />
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} style={{ outline: 'none' }}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </SessionContext>
  );
}
