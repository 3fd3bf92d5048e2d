import { Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { FacilityView } from '@redress/core';
import { FACILITY_JURISDICTIONS } from '@redress/core';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { TableRegion } from '../../../components/table-region';
import { type FieldErrors, serverFieldErrors } from '../../../lib/form-errors';
import { usePageTitle } from '../../../lib/use-page-title';
import { AnchorLink } from '../../people/anchor-link';
import { isOneOf } from '../../people/labels';
import { useFacilities } from '../api/list-facilities';
import {
  type FacilitiesSearch,
  JURISDICTION_LABELS,
  JURISDICTION_OPTIONS,
  kindLabel,
  mailingLines,
} from '../facilities-search';

const routeApi = getRouteApi('/signed-in/facilities');

export function FacilitiesPage() {
  usePageTitle('Facilities');
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const facilities = useFacilities(search);
  const items = facilities.data?.items ?? [];
  const nextCursor = facilities.data?.nextCursor ?? null;
  const { cursor: _cursor, ...filters } = search;
  const apply = (next: FacilitiesSearch) => void navigate({ search: next });

  return (
    <Stack gap="lg">
      <Title order={1}>Facilities</Title>
      <Text>
        California state prisons and federal institutions, with the address their mailrooms take mail at for the people
        they hold. It usually differs from the street address.
      </Text>
      <Stack component="section" gap="md" aria-labelledby="facilities-filters-heading">
        <Title order={2} id="facilities-filters-heading">
          Filters
        </Title>
        <FacilitiesFilterForm
          key={JSON.stringify(filters)}
          search={search}
          onApply={apply}
          errors={serverFieldErrors(facilities.error)}
        />
      </Stack>
      <Stack component="section" gap="md" aria-labelledby="facilities-results-heading">
        <Title order={2} id="facilities-results-heading">
          Directory
        </Title>
        {facilities.isPending && <PageLoader label="Loading facilities" />}
        {facilities.isError && (
          <QueryError error={facilities.error} what="facilities" onRetry={() => void facilities.refetch()} />
        )}
        {facilities.isSuccess &&
          (items.length > 0 ? <FacilitiesTable facilities={items} /> : <Text>No facilities match these filters.</Text>)}
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

type FilterProps = { search: FacilitiesSearch; onApply: (search: FacilitiesSearch) => void; errors: FieldErrors };

function FacilitiesFilterForm({ search, onApply, errors }: FilterProps) {
  const [q, setQ] = useState(search.q ?? '');
  const [jurisdiction, setJurisdiction] = useState<string>(search.jurisdiction ?? '');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FacilitiesSearch = {};
    if (q.trim()) next.q = q.trim();
    if (isOneOf(FACILITY_JURISDICTIONS, jurisdiction)) next.jurisdiction = jurisdiction;
    onApply(next);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Search"
            description="Part of the name, code or city"
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
            error={errors.q}
          />
          <NativeSelect
            label="Jurisdiction"
            data={[{ value: '', label: 'Any jurisdiction' }, ...JURISDICTION_OPTIONS]}
            value={jurisdiction}
            onChange={(event) => setJurisdiction(event.currentTarget.value)}
            error={errors.jurisdiction}
          />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="default"
            onClick={() => {
              setQ('');
              setJurisdiction('');
              onApply({});
            }}
          >
            Clear filters
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FacilitiesTable({ facilities }: { facilities: readonly FacilityView[] }) {
  return (
    <TableRegion label="Facilities">
      <Table striped verticalSpacing="sm">
        <Table.Caption>Facility directory</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Jurisdiction</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">City</Table.Th>
            <Table.Th scope="col">Mail for incarcerated people</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {facilities.map((f) => {
            const mail = mailingLines(f);
            return (
              <Table.Tr key={f.id} data-testid="facility-row">
                <Table.Th scope="row">
                  <AnchorLink to="/facilities/$facilityId" params={{ facilityId: f.id }}>
                    {f.name}
                  </AnchorLink>{' '}
                  {!f.isActive && (
                    <Badge color="gray" variant="light">
                      Closed
                    </Badge>
                  )}
                </Table.Th>
                <Table.Td>{JURISDICTION_LABELS[f.jurisdiction]}</Table.Td>
                <Table.Td>{kindLabel(f.kind)}</Table.Td>
                <Table.Td>{[f.city, f.state].filter(Boolean).join(', ') || '—'}</Table.Td>
                <Table.Td>{mail ? mail.join(', ') : 'See the facility'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
