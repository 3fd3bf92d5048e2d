import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { AppDialog } from '../../../components/app-dialog';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { serverFieldErrors } from '../../../lib/form-errors';
import { usePageTitle } from '../../../lib/use-page-title';
import { AnchorLink } from '../../people/anchor-link';
import { useIntakes } from '../api/list-intakes';
import type { IntakeSearch } from '../intake-search';
import { IntakeFilterForm } from './intake-filter-form';
import { IntakeTable } from './intake-table';
import { NewIntakeForm } from './new-intake-form';
import { UploadLetterForm } from './upload-letter-form';

const routeApi = getRouteApi('/signed-in/intake');

/** The triage queue: first letters, public submissions, referrals and calls, oldest first. */
export function IntakeQueuePage() {
  usePageTitle('Intake');
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const intakes = useIntakes(search);
  const [dialog, setDialog] = useState<'new' | 'letter' | null>(null);
  const items = intakes.data?.items ?? [];
  const nextCursor = intakes.data?.nextCursor ?? null;
  const { cursor, ...filters } = search;

  const apply = (next: IntakeSearch) => void navigate({ search: next });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>Intake</Title>
          <AnchorLink to="/intake/metrics" size="sm">
            Intake metrics
          </AnchorLink>
        </Stack>
        <Group gap="sm">
          <Button variant="default" onClick={() => setDialog('new')}>
            New intake
          </Button>
          <Button onClick={() => setDialog('letter')}>Upload a letter</Button>
        </Group>
      </Group>
      <Stack component="section" gap="md" aria-labelledby="intake-filters-heading">
        <Title order={2} id="intake-filters-heading">
          Filters
        </Title>
        <IntakeFilterForm
          key={JSON.stringify(filters)}
          search={filters}
          onApply={apply}
          errors={serverFieldErrors(intakes.error)}
        />
      </Stack>
      <Stack component="section" gap="md" aria-labelledby="intake-queue-heading">
        <Title order={2} id="intake-queue-heading">
          Triage queue
        </Title>
        {intakes.isPending && <PageLoader label="Loading the triage queue" />}
        {intakes.isError && (
          <QueryError error={intakes.error} what="the triage queue" onRetry={() => void intakes.refetch()} />
        )}
        {intakes.isSuccess &&
          (items.length > 0 ? (
            <IntakeTable intakes={items} caption="Intakes, oldest received first" />
          ) : (
            <Text>No intake matches these filters.</Text>
          ))}
        <Text role="status" size="sm">
          {intakes.isSuccess && items.length > 0
            ? `Showing ${items.length.toLocaleString()} ${items.length === 1 ? 'intake' : 'intakes'}${nextCursor ? '; more on the next page' : ''}.`
            : ''}
        </Text>
        <Group gap="sm">
          <Button variant="default" disabled={!cursor} onClick={() => apply(filters)}>
            First page
          </Button>
          <Button
            variant="default"
            disabled={!nextCursor}
            onClick={() => nextCursor && apply({ ...filters, cursor: nextCursor })}
          >
            Next page
          </Button>
        </Group>
      </Stack>
      {dialog === 'new' && (
        <AppDialog title="New intake" onClose={() => setDialog(null)} size="lg">
          <NewIntakeForm onCancel={() => setDialog(null)} />
        </AppDialog>
      )}
      {dialog === 'letter' && (
        <AppDialog title="Upload a letter" onClose={() => setDialog(null)} size="lg">
          <UploadLetterForm onCancel={() => setDialog(null)} />
        </AppDialog>
      )}
    </Stack>
  );
}
