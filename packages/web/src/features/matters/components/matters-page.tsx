import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { serverFieldErrors } from '../../../lib/form-errors';
import { usePageTitle } from '../../../lib/use-page-title';
import { ExportLinks } from '../../imports/components/export-links';
import { SavedViewsPanel } from '../../people/components/saved-views-panel';
import { useMatters } from '../api/list-matters';
import { type MattersSearch, validateMattersSearch } from '../matters-search';
import { MattersFilterForm } from './matters-filter-form';
import { MattersTable } from './matters-table';

const routeApi = getRouteApi('/signed-in/matters');

const filtersOf = ({ cursor: _cursor, ...filters }: MattersSearch): Record<string, string> =>
  Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, String(value)]));

export function MattersPage() {
  usePageTitle('Matters');
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const matters = useMatters(search);
  const items = matters.data?.items ?? [];
  const nextCursor = matters.data?.nextCursor ?? null;
  const { cursor: _cursor, ...filters } = search;

  const apply = (next: MattersSearch) => void navigate({ search: next });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Matters</Title>
        <ExportLinks list="matters" />
      </Group>
      <Text size="sm">To open a matter, go to the person it is for.</Text>
      <Stack component="section" gap="md" aria-labelledby="matters-filters-heading">
        <Title order={2} id="matters-filters-heading">
          Filters
        </Title>
        <MattersFilterForm
          key={JSON.stringify(filters)}
          search={search}
          onApply={apply}
          errors={serverFieldErrors(matters.error)}
        />
        <SavedViewsPanel
          list="matters"
          current={filtersOf(search)}
          onOpen={(query) => apply(validateMattersSearch({ ...query }))}
        />
      </Stack>
      <Stack component="section" gap="md" aria-labelledby="matters-results-heading">
        <Title order={2} id="matters-results-heading">
          Results
        </Title>
        {matters.isPending && <PageLoader label="Loading matters" />}
        {matters.isError && <QueryError error={matters.error} what="matters" onRetry={() => void matters.refetch()} />}
        {matters.isSuccess &&
          (items.length > 0 ? (
            <MattersTable matters={items} caption={search.cursor ? 'Matters, a later page' : 'Matters, first page'} />
          ) : (
            <Text>No matters match these filters.</Text>
          ))}
        <Text role="status" size="sm">
          {matters.isSuccess && items.length > 0
            ? `Showing ${items.length} ${items.length === 1 ? 'matter' : 'matters'}${nextCursor ? '; more on the next page' : ''}.`
            : ''}
        </Text>
        <Group gap="sm">
          <Button variant="default" disabled={!search.cursor} onClick={() => apply(filters)}>
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
    </Stack>
  );
}
