import { Stack, Title } from '@mantine/core';
import type { SessionView } from '@redress/core';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { PublicLayout } from '../../../components/public-layout';
import { focusMainContent } from '../../../lib/focus-main';
import { usePageTitle } from '../../../lib/use-page-title';
import { useLogout } from '../api/logout';
import { landingPathFor, sessionQueryKey } from '../session-cache';
import { PasswordStep } from './password-step';
import { SecondFactorStep } from './second-factor-step';

const routeApi = getRouteApi('/login');

export function LoginPage() {
  usePageTitle('Sign in');
  const { redirect } = routeApi.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logoutMutation = useLogout();
  // Held locally, not read live from the session query: the server answers a session probe with 401
  // while the second factor is pending, and a refetch (say on returning from the authenticator app)
  // must not throw the person back to the password step.
  const [isSecondStep, setIsSecondStep] = useState(
    () => queryClient.getQueryData<SessionView | null>(sessionQueryKey)?.needsSecondFactor === true,
  );

  const proceed = (next: SessionView) => {
    if (next.needsSecondFactor) {
      setIsSecondStep(true);
      return;
    }
    void navigate({ href: landingPathFor(next, redirect), replace: true }).then(() => focusMainContent());
  };

  const startOver = () => logoutMutation.mutate(undefined, { onSettled: () => setIsSecondStep(false) });

  return (
    <PublicLayout>
      <Stack gap="lg">
        <Title order={1} size="h2">
          Sign in to Redress
        </Title>
        {isSecondStep ? (
          <SecondFactorStep onVerified={proceed} onStartOver={startOver} isStartingOver={logoutMutation.isPending} />
        ) : (
          <PasswordStep onSignedIn={proceed} />
        )}
      </Stack>
    </PublicLayout>
  );
}
