import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { SessionView } from '@redress/core';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { PageLoader } from '../../../components/page-loader';
import { PublicLayout } from '../../../components/public-layout';
import { QueryError } from '../../../components/query-error';
import { isApiError } from '../../../lib/api-client';
import { focusMainContent } from '../../../lib/focus-main';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import { landingPathFor } from '../../session/session-cache';
import { useSignInLink } from '../api/get-sign-in-link';
import { RedeemLinkForm } from './redeem-link-form';

const routeApi = getRouteApi('/link/$token');

function UnusableLink() {
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        This link cannot be used
      </Title>
      <Text>
        The link is wrong, has expired or has already been used. Each link works once. Ask an administrator for a new
        one.
      </Text>
      <Anchor component={Link} to="/login">
        Go to sign in
      </Anchor>
    </Stack>
  );
}

export function SignInLinkPage() {
  const { token } = routeApi.useParams();
  const link = useSignInLink(token);
  const navigate = useNavigate();
  usePageTitle(link.data?.purpose === 'reset' ? 'Reset your password' : 'Set your password');

  const proceed = (session: SessionView) => {
    // A reset does not skip the second factor: finish signing in on the code step.
    const path = session.needsSecondFactor ? '/login' : landingPathFor(session, undefined);
    void navigate({ href: path, replace: true }).then(() => focusMainContent());
  };

  if (link.isPending) {
    return (
      <PublicLayout>
        <Title order={1} size="h2">
          Checking your link
        </Title>
        <PageLoader label="Checking your link" />
      </PublicLayout>
    );
  }

  if (link.isError) {
    const isUnusable = isApiError(link.error) && (link.error.status === 404 || link.error.status === 400);
    return (
      <PublicLayout>
        {isUnusable ? (
          <UnusableLink />
        ) : (
          <Stack gap="md">
            <Title order={1} size="h2">
              Set your password
            </Title>
            <QueryError error={link.error} what="this link" onRetry={() => void link.refetch()} />
          </Stack>
        )}
      </PublicLayout>
    );
  }

  const { name, email, purpose, expiresAt } = link.data;
  return (
    <PublicLayout>
      <Stack gap="md">
        <Title order={1} size="h2">
          {purpose === 'invite' ? 'Welcome to Redress' : 'Reset your password'}
        </Title>
        <Text>
          This link is for <strong>{name}</strong> ({email}). Choose a password to sign in. The link works once and
          expires <time dateTime={expiresAt}>{formatDateTime(expiresAt)}</time>.
        </Text>
        <RedeemLinkForm token={token} onSignedIn={proceed} />
      </Stack>
    </PublicLayout>
  );
}
