import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { MATTER_OUTCOMES, MATTER_SORTS, MATTER_TYPES } from '@redress/core';
import { type FormEvent, useState } from 'react';
import type { FieldErrors } from '../../../lib/form-errors';
import { isOneOf } from '../../people/labels';
import { usePipelines } from '../api/list-pipelines';
import { MATTER_TYPE_OPTIONS, OUTCOME_OPTIONS } from '../labels';
import { MATTER_SORT_LABELS, type MattersSearch } from '../matters-search';

type Draft = { type: string; stage: string; outcome: string; status: string; mine: boolean; sort: string };

const toDraft = (search: MattersSearch): Draft => ({
  type: search.type ?? '',
  stage: search.stage ?? '',
  outcome: search.outcome ?? '',
  status: search.status ?? '',
  mine: search.mine ?? false,
  sort: search.sort ?? '',
});

/** A new filter starts again at the first page (no cursor). */
const toSearch = (draft: Draft): MattersSearch => {
  const search: MattersSearch = {};
  if (isOneOf(MATTER_TYPES, draft.type)) search.type = draft.type;
  if (draft.stage.trim()) search.stage = draft.stage.trim();
  if (isOneOf(MATTER_OUTCOMES, draft.outcome)) search.outcome = draft.outcome;
  if (draft.status === 'open' || draft.status === 'closed' || draft.status === 'all') search.status = draft.status;
  if (draft.mine) search.mine = true;
  if (isOneOf(MATTER_SORTS, draft.sort)) search.sort = draft.sort;
  return search;
};

const STATUS_OPTIONS = [
  { value: '', label: 'Open and closed' },
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
];

type MattersFilterFormProps = { search: MattersSearch; onApply: (search: MattersSearch) => void; errors: FieldErrors };

export function MattersFilterForm({ search, onApply, errors }: MattersFilterFormProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(search));
  const pipelines = usePipelines();
  const update = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });
  const stages = pipelines.data?.items.find((pipeline) => pipeline.type === draft.type)?.stages ?? [];

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
          <NativeSelect
            label="Type"
            data={[{ value: '', label: 'Any type' }, ...MATTER_TYPE_OPTIONS]}
            value={draft.type}
            onChange={(event) => update({ type: event.currentTarget.value, stage: '' })}
            error={errors.type}
          />
          {stages.length > 0 ? (
            <NativeSelect
              label="Stage"
              data={[{ value: '', label: 'Any stage' }, ...stages]}
              value={draft.stage}
              onChange={(event) => update({ stage: event.currentTarget.value })}
              error={errors.stage}
            />
          ) : (
            <TextInput
              label="Stage"
              description="Choose a type to pick from its stages"
              value={draft.stage}
              onChange={(event) => update({ stage: event.currentTarget.value })}
              error={errors.stage}
            />
          )}
          <NativeSelect
            label="Outcome"
            data={[{ value: '', label: 'Any outcome' }, ...OUTCOME_OPTIONS]}
            value={draft.outcome}
            onChange={(event) => update({ outcome: event.currentTarget.value })}
            error={errors.outcome}
          />
          <NativeSelect
            label="Open or closed"
            data={STATUS_OPTIONS}
            value={draft.status}
            onChange={(event) => update({ status: event.currentTarget.value })}
            error={errors.status}
          />
          <NativeSelect
            label="Sort by"
            data={[
              { value: '', label: 'Default (opened, newest first)' },
              ...MATTER_SORTS.map((value) => ({ value, label: MATTER_SORT_LABELS[value] })),
            ]}
            value={draft.sort}
            onChange={(event) => update({ sort: event.currentTarget.value })}
            error={errors.sort}
          />
          <Checkbox
            mt={30}
            label="Only matters I am on"
            checked={draft.mine}
            onChange={(event) => update({ mine: event.currentTarget.checked })}
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
