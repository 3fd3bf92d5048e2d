import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { type ErrorComponentProps, Link } from '@tanstack/react-router';
import { usePageTitle } from '../lib/use-page-title';
import { describeError } from './form-alert';
import { PublicLayout } from './public-layout';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <PublicLayout>
      <Stack gap="md">
        <Title order={1} size="h2">
          Page not found
        </Title>
        <Text>There is nothing at this address, or you may not see it.</Text>
        <Anchor component={Link} to="/">
          Go to the home page
        </Anchor>
      </Stack>
    </PublicLayout>
  );
}

export function ErrorPage({ error }: ErrorComponentProps) {
  usePageTitle('Something went wrong');
  return (
    <PublicLayout>
      <Stack gap="md" align="flex-start">
        <Title order={1} size="h2">
          Something went wrong
        </Title>
        <Text role="alert">{describeError(error)}</Text>
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
      </Stack>
    </PublicLayout>
  );
}
