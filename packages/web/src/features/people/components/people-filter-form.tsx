import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { PEOPLE_SORTS, PERSON_STATUSES } from '@redress/core';
import { type FormEvent, useState } from 'react';
import type { FieldErrors } from '../../../lib/form-errors';
import { isOneOf, PERSON_STATUS_OPTIONS } from '../labels';
import { PEOPLE_SORT_LABELS, type PeopleSearch } from '../people-search';

type PeopleFilterFormProps = {
  search: PeopleSearch;
  onApply: (search: PeopleSearch) => void;
  errors: FieldErrors;
};

type Draft = { name: string; status: string; identifier: string; sort: string };

const toDraft = (search: PeopleSearch): Draft => ({
  name: search.name ?? '',
  status: search.status ?? '',
  identifier: search.identifier ?? '',
  sort: search.sort ?? '',
});

/** A new filter starts again at the first page. */
const toSearch = (draft: Draft): PeopleSearch => {
  const search: PeopleSearch = {};
  const name = draft.name.trim();
  const identifier = draft.identifier.trim();
  if (name) search.name = name;
  if (identifier) search.identifier = identifier;
  if (isOneOf(PERSON_STATUSES, draft.status)) search.status = draft.status;
  if (isOneOf(PEOPLE_SORTS, draft.sort) && (draft.sort !== 'relevance' || name)) search.sort = draft.sort;
  return search;
};

const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...PERSON_STATUS_OPTIONS];
const SORT_OPTIONS = [
  { value: '', label: 'Default (best match with a name, else name)' },
  ...PEOPLE_SORTS.map((value) => ({ value, label: PEOPLE_SORT_LABELS[value] })),
];

export function PeopleFilterForm({ search, onApply, errors }: PeopleFilterFormProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(search));
  const update = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(toSearch(draft));
  };
  const clear = () => {
    setDraft(toDraft({}));
    onApply({});
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <TextInput
            label="Name"
            description="Close spellings and aliases match"
            value={draft.name}
            onChange={(event) => update({ name: event.currentTarget.value })}
            error={errors.name}
          />
          <NativeSelect
            label="Status"
            data={STATUS_OPTIONS}
            value={draft.status}
            onChange={(event) => update({ status: event.currentTarget.value })}
            error={errors.status}
          />
          <TextInput
            label="Identifier"
            description="CDCR, BOP or any other number"
            value={draft.identifier}
            onChange={(event) => update({ identifier: event.currentTarget.value })}
            error={errors.identifier}
          />
          <NativeSelect
            label="Sort by"
            data={SORT_OPTIONS}
            value={draft.sort}
            onChange={(event) => update({ sort: event.currentTarget.value })}
            error={errors.sort}
          />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit">Apply filters</Button>
          <Button variant="default" onClick={clear}>
            Clear filters
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
