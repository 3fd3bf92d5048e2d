import { Anchor, Stack, Text, Title } from '@mantine/core';
import { ROLE_LABELS } from '@redress/core';
import { Link } from '@tanstack/react-router';
import { usePageTitle } from '../../../lib/use-page-title';
import { OutcomeSummary } from '../../dashboard-outcomes/components/outcome-chart';
import { useSession } from '../../session/session-context';

export function HomePage() {
  usePageTitle('Home');
  const { user, organisationName } = useSession();
  return (
    <Stack gap="md" maw={900}>
      <Title order={1}>Welcome, {user.name}</Title>
      <Text>
        You are signed in to {organisationName} as {user.email}. Your role is <strong>{ROLE_LABELS[user.role]}</strong>.
      </Text>
      {!user.hasTotp && (
        <Text>
          Two-factor authentication is off for your account.{' '}
          <Anchor component={Link} to="/account/security">
            Turn it on in Security
          </Anchor>{' '}
          to protect the case records you can reach.
        </Text>
      )}
      <OutcomeSummary />
    </Stack>
  );
}
