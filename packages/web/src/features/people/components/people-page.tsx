import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { serverFieldErrors } from '../../../lib/form-errors';
import { usePageTitle } from '../../../lib/use-page-title';
import { ExportLinks } from '../../imports/components/export-links';
import { usePeople } from '../api/list-people';
import { PEOPLE_PAGE_SIZE, type PeopleSearch, validatePeopleSearch } from '../people-search';
import { AddPersonDialog } from './add-person-dialog';
import { PeopleFilterForm } from './people-filter-form';
import { PeopleTable } from './people-table';
import { SavedViewsPanel } from './saved-views-panel';

const routeApi = getRouteApi('/signed-in/people');

const filtersOf = ({ page: _page, ...filters }: PeopleSearch): Record<string, string> => ({ ...filters });

export function PeoplePage() {
  usePageTitle('People');
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const people = usePeople(search);
  const [isAdding, setIsAdding] = useState(false);
  const page = search.page ?? 1;
  const items = people.data?.items ?? [];
  const hasNext = Boolean(people.data?.nextCursor);

  const apply = (next: PeopleSearch) => void navigate({ search: next });
  const goToPage = (n: number) => void navigate({ search: { ...search, page: n > 1 ? n : undefined } });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>People</Title>
        <Group gap="sm">
          <ExportLinks list="people" />
          <Button onClick={() => setIsAdding(true)}>Add person</Button>
        </Group>
      </Group>
      <Stack component="section" gap="md" aria-labelledby="people-filters-heading">
        <Title order={2} id="people-filters-heading">
          Filters
        </Title>
        <PeopleFilterForm
          key={JSON.stringify(search)}
          search={search}
          onApply={apply}
          errors={serverFieldErrors(people.error)}
        />
        <SavedViewsPanel
          list="people"
          current={filtersOf(search)}
          onOpen={(query) => apply(validatePeopleSearch({ ...query }))}
        />
      </Stack>
      <Stack component="section" gap="md" aria-labelledby="people-results-heading">
        <Title order={2} id="people-results-heading">
          Results
        </Title>
        {people.isPending && <PageLoader label="Loading people" />}
        {people.isError && <QueryError error={people.error} what="people" onRetry={() => void people.refetch()} />}
        {people.isSuccess &&
          (items.length > 0 ? (
            <PeopleTable people={items} caption={`People, page ${page}`} />
          ) : (
            <Text>No one matches these filters.</Text>
          ))}
        <Text role="status" size="sm">
          {people.isSuccess && items.length > 0
            ? `Showing ${(page - 1) * PEOPLE_PAGE_SIZE + 1} to ${(page - 1) * PEOPLE_PAGE_SIZE + items.length}${hasNext ? '; more on the next page' : ''}.`
            : ''}
        </Text>
        <Group gap="sm">
          <Button variant="default" disabled={page <= 1} onClick={() => goToPage(page - 1)}>
            Previous page
          </Button>
          <Button variant="default" disabled={!hasNext} onClick={() => goToPage(page + 1)}>
            Next page
          </Button>
        </Group>
      </Stack>
      {isAdding && <AddPersonDialog onClose={() => setIsAdding(false)} />}
    </Stack>
  );
}
