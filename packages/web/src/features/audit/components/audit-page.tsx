import { Button, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { serverFieldErrors } from '../../../lib/form-errors';
import { usePageTitle } from '../../../lib/use-page-title';
import { useAuditLog } from '../api/list-audit';
import type { AuditSearch } from '../audit-search';
import { AuditFilterForm } from './audit-filter-form';
import { AuditTable } from './audit-table';

const routeApi = getRouteApi('/signed-in/admin/audit');

export function AuditPage() {
  usePageTitle('Audit log');
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const audit = useAuditLog(search);
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];

  const apply = (next: AuditSearch) => void navigate({ search: next });

  return (
    <Stack gap="lg">
      <Title order={1}>Audit log</Title>
      <Stack component="section" gap="md" aria-labelledby="audit-filters-heading">
        <Title order={2} id="audit-filters-heading">
          Filters
        </Title>
        <AuditFilterForm
          key={JSON.stringify(search)}
          search={search}
          onApply={apply}
          errors={serverFieldErrors(audit.error)}
        />
      </Stack>
      <Stack component="section" gap="md" aria-labelledby="audit-entries-heading">
        <Title order={2} id="audit-entries-heading">
          Entries
        </Title>
        {audit.isPending && <PageLoader label="Loading the audit log" />}
        {audit.isError && <QueryError error={audit.error} what="the audit log" onRetry={() => void audit.refetch()} />}
        {audit.isSuccess &&
          (entries.length > 0 ? <AuditTable entries={entries} /> : <Text>No entries match these filters.</Text>)}
        <Text role="status" size="sm">
          {audit.isSuccess && entries.length > 0
            ? `Showing ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}${audit.hasNextPage ? '; more are available' : ''}.`
            : ''}
        </Text>
        {audit.hasNextPage && (
          <Button
            variant="outline"
            onClick={() => void audit.fetchNextPage()}
            loading={audit.isFetchingNextPage}
            style={{ alignSelf: 'flex-start' }}
          >
            Load more
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
