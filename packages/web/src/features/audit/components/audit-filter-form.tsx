import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { FieldErrors } from '../../../lib/form-errors';
import type { AuditSearch } from '../audit-search';

type AuditFilterFormProps = {
  search: AuditSearch;
  onApply: (search: AuditSearch) => void;
  errors: FieldErrors;
};

type Draft = Required<{ [K in keyof AuditSearch]: string }>;

const toDraft = (search: AuditSearch): Draft => ({
  action: search.action ?? '',
  entityType: search.entityType ?? '',
  actorId: search.actorId ?? '',
  from: search.from ?? '',
  to: search.to ?? '',
});

const toSearch = (draft: Draft): AuditSearch => {
  const search: AuditSearch = {};
  for (const key of Object.keys(draft) as (keyof Draft)[]) {
    const value = draft[key].trim();
    if (value) search[key] = value;
  }
  return search;
};

export function AuditFilterForm({ search, onApply, errors }: AuditFilterFormProps) {
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
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <TextInput
            label="Action"
            description='An exact action, or a prefix ending in "." such as user.'
            value={draft.action}
            onChange={(event) => update({ action: event.currentTarget.value })}
            error={errors.action}
          />
          <TextInput
            label="Entity type"
            description="For example user, token or org."
            value={draft.entityType}
            onChange={(event) => update({ entityType: event.currentTarget.value })}
            error={errors.entityType}
          />
          <TextInput
            label="Actor ID"
            description="The ID of the user who acted."
            value={draft.actorId}
            onChange={(event) => update({ actorId: event.currentTarget.value })}
            error={errors.actorId}
          />
          <TextInput
            label="From"
            description="First day to include."
            type="date"
            value={draft.from}
            onChange={(event) => update({ from: event.currentTarget.value })}
            error={errors.from}
          />
          <TextInput
            label="To"
            description="Last day to include."
            type="date"
            value={draft.to}
            onChange={(event) => update({ to: event.currentTarget.value })}
            error={errors.to}
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
