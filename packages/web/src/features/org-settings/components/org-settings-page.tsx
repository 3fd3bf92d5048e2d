import { Stack, Title } from '@mantine/core';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { usePageTitle } from '../../../lib/use-page-title';
import { useOrgSettings } from '../api/get-org-settings';
import { OrgSettingsForm } from './org-settings-form';

export function OrgSettingsPage() {
  usePageTitle('Organisation settings');
  const settings = useOrgSettings();
  return (
    <Stack gap="lg">
      <Title order={1}>Organisation settings</Title>
      {settings.isPending && <PageLoader label="Loading settings" />}
      {settings.isError && (
        <QueryError error={settings.error} what="the settings" onRetry={() => void settings.refetch()} />
      )}
      {settings.data && <OrgSettingsForm settings={settings.data} />}
    </Stack>
  );
}
