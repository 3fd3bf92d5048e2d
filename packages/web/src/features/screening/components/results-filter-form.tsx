import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { PATHWAY_IDS, type PathwayId, SCREENING_RESULT_SORTS, SCREENING_STATUSES } from '@redress/core';
import { type FormEvent, useState } from 'react';
import type { FieldErrors } from '../../../lib/form-errors';
import { isOneOf } from '../../people/labels';
import { PATHWAY_LABELS, STATUS_OPTIONS } from '../labels';
import { type ResultFilters, SORT_LABELS } from '../screening-run-search';

type ResultsFilterFormProps = {
  filters: ResultFilters;
  /** The run's pathways, or null for all. */
  pathways: readonly PathwayId[] | null;
  onApply: (filters: ResultFilters) => void;
  errors: FieldErrors;
};

type Draft = { pathway: string; status: string; eligibleBy: string; q: string; sort: string };

const toDraft = (filters: ResultFilters): Draft => ({
  pathway: filters.pathway ?? '',
  status: filters.status ?? '',
  eligibleBy: filters.eligibleBy ?? '',
  q: filters.q ?? '',
  sort: filters.sort ?? 'eligible_from',
});

const toFilters = (draft: Draft): ResultFilters => {
  const filters: ResultFilters = {};
  if (isOneOf(PATHWAY_IDS, draft.pathway)) filters.pathway = draft.pathway;
  if (isOneOf(SCREENING_STATUSES, draft.status)) filters.status = draft.status;
  if (draft.eligibleBy) filters.eligibleBy = draft.eligibleBy;
  if (draft.q.trim()) filters.q = draft.q.trim();
  if (isOneOf(SCREENING_RESULT_SORTS, draft.sort) && draft.sort !== 'eligible_from') filters.sort = draft.sort;
  return filters;
};

/** The results' filters; applying them puts them in the URL. */
export function ResultsFilterForm({ filters, pathways, onApply, errors }: ResultsFilterFormProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(filters));
  const update = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });
  const pathwayOptions = [
    { value: '', label: 'All pathways' },
    ...(pathways ?? PATHWAY_IDS).map((value) => ({ value, label: PATHWAY_LABELS[value] })),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(toFilters(draft));
  };
  const clear = () => {
    setDraft(toDraft({}));
    onApply({});
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Filter the results">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
          <NativeSelect
            label="Pathway"
            data={pathwayOptions}
            value={draft.pathway}
            onChange={(event) => update({ pathway: event.currentTarget.value })}
            error={errors.pathway}
          />
          <NativeSelect
            label="Status"
            data={[{ value: '', label: 'Any status' }, ...STATUS_OPTIONS]}
            value={draft.status}
            onChange={(event) => update({ status: event.currentTarget.value })}
            error={errors.status}
          />
          <TextInput
            type="date"
            label="Eligible by"
            description="Eligible on or before this day"
            value={draft.eligibleBy}
            onChange={(event) => update({ eligibleBy: event.currentTarget.value })}
            error={errors.eligibleBy}
          />
          <TextInput
            label="Roster id or name"
            value={draft.q}
            onChange={(event) => update({ q: event.currentTarget.value })}
            error={errors.q}
          />
          <NativeSelect
            label="Sort by"
            data={SCREENING_RESULT_SORTS.map((value) => ({ value, label: SORT_LABELS[value] }))}
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
