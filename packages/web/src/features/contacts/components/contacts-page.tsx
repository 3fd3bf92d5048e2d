import { Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ContactView } from '@redress/core';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { TableRegion } from '../../../components/table-region';
import { type FieldErrors, serverFieldErrors } from '../../../lib/form-errors';
import { usePageTitle } from '../../../lib/use-page-title';
import { ExportLinks } from '../../imports/components/export-links';
import { AnchorLink } from '../../people/anchor-link';
import { isOneOf } from '../../people/labels';
import { useContacts } from '../api/list-contacts';
import { CONTACT_KIND_LABELS, CONTACT_KIND_OPTIONS, CONTACT_KINDS, type ContactsSearch } from '../contacts-search';
import { AddContactDialog } from './add-contact-dialog';

const routeApi = getRouteApi('/signed-in/contacts');

export function ContactsPage() {
  usePageTitle('Contacts');
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const contacts = useContacts(search);
  const [isAdding, setIsAdding] = useState(false);
  const items = contacts.data?.items ?? [];
  const nextCursor = contacts.data?.nextCursor ?? null;
  const { cursor: _cursor, ...filters } = search;
  const apply = (next: ContactsSearch) => void navigate({ search: next });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Contacts</Title>
        <Group gap="sm">
          <ExportLinks list="contacts" />
          <Button onClick={() => setIsAdding(true)}>Add contact</Button>
        </Group>
      </Group>
      <Stack component="section" gap="md" aria-labelledby="contacts-filters-heading">
        <Title order={2} id="contacts-filters-heading">
          Filters
        </Title>
        <ContactsFilterForm
          key={JSON.stringify(filters)}
          search={search}
          onApply={apply}
          errors={serverFieldErrors(contacts.error)}
        />
      </Stack>
      <Stack component="section" gap="md" aria-labelledby="contacts-results-heading">
        <Title order={2} id="contacts-results-heading">
          Directory
        </Title>
        {contacts.isPending && <PageLoader label="Loading contacts" />}
        {contacts.isError && (
          <QueryError error={contacts.error} what="contacts" onRetry={() => void contacts.refetch()} />
        )}
        {contacts.isSuccess &&
          (items.length > 0 ? <ContactsTable contacts={items} /> : <Text>No contacts match these filters.</Text>)}
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
      {isAdding && <AddContactDialog onClose={() => setIsAdding(false)} />}
    </Stack>
  );
}

type FilterProps = { search: ContactsSearch; onApply: (search: ContactsSearch) => void; errors: FieldErrors };

function ContactsFilterForm({ search, onApply, errors }: FilterProps) {
  const [name, setName] = useState(search.name ?? '');
  const [kind, setKind] = useState<string>(search.kind ?? '');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: ContactsSearch = {};
    if (name.trim()) next.name = name.trim();
    if (isOneOf(CONTACT_KINDS, kind)) next.kind = kind;
    onApply(next);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Name"
            description="Part of the name, or a close spelling"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
          />
          <NativeSelect
            label="Kind"
            data={[{ value: '', label: 'Any kind' }, ...CONTACT_KIND_OPTIONS]}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value)}
            error={errors.kind}
          />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="default"
            onClick={() => {
              setName('');
              setKind('');
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

function ContactsTable({ contacts }: { contacts: readonly ContactView[] }) {
  return (
    <TableRegion label="Contacts">
      <Table striped verticalSpacing="sm">
        <Table.Caption>Contacts directory</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Organisation and title</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Phone</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => (
            <Table.Tr key={contact.id} data-testid="contact-row">
              <Table.Th scope="row">
                <AnchorLink to="/contacts/$contactId" params={{ contactId: contact.id }}>
                  {contact.name}
                </AnchorLink>
              </Table.Th>
              <Table.Td>{CONTACT_KIND_LABELS[contact.kind]}</Table.Td>
              <Table.Td>{[contact.title, contact.organisation].filter(Boolean).join(', ') || '—'}</Table.Td>
              <Table.Td>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : '—'}</Table.Td>
              <Table.Td>{contact.phone ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
