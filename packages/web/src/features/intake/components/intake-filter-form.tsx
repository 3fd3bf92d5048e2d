import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CLAIM_TYPES, INTAKE_LANGUAGES, INTAKE_STATES } from '@redress/core';
import { type FormEvent, useState } from 'react';
import type { FieldErrors } from '../../../lib/form-errors';
import { isOneOf } from '../../people/labels';
import type { IntakeSearch } from '../intake-search';
import { AGE_BUCKETS, AGE_OPTIONS, CLAIM_TYPE_OPTIONS, LANGUAGE_OPTIONS, STATE_OPTIONS } from '../labels';

type IntakeFilterFormProps = {
  search: IntakeSearch;
  onApply: (search: IntakeSearch) => void;
  errors: FieldErrors;
};

type Draft = {
  state: string;
  age: string;
  jurisdiction: string;
  claimType: string;
  language: string;
  assignedTo: string;
};

const toDraft = (search: IntakeSearch): Draft => ({
  state: search.state ?? '',
  age: search.age ?? '',
  jurisdiction: search.jurisdiction ?? '',
  claimType: search.claimType ?? '',
  language: search.language ?? '',
  assignedTo: search.assignedTo ?? '',
});

/** A new filter starts again at the first page. */
const toSearch = (draft: Draft): IntakeSearch => {
  const search: IntakeSearch = {};
  if (isOneOf(INTAKE_STATES, draft.state)) search.state = draft.state;
  if (isOneOf(AGE_BUCKETS, draft.age)) search.age = draft.age;
  const jurisdiction = draft.jurisdiction.trim().toUpperCase();
  if (jurisdiction) search.jurisdiction = jurisdiction;
  if (isOneOf(CLAIM_TYPES, draft.claimType)) search.claimType = draft.claimType;
  if (isOneOf(INTAKE_LANGUAGES, draft.language)) search.language = draft.language;
  if (draft.assignedTo) search.assignedTo = draft.assignedTo;
  return search;
};

const ASSIGNED_OPTIONS = [
  { value: '', label: 'Anyone or no one' },
  { value: 'me', label: 'Assigned to me' },
  { value: 'none', label: 'Unassigned' },
];

/** The triage queue's filters; applying them puts them in the URL. */
export function IntakeFilterForm({ search, onApply, errors }: IntakeFilterFormProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(search));
  const update = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });
  const assignedOptions =
    draft.assignedTo && !ASSIGNED_OPTIONS.some((option) => option.value === draft.assignedTo)
      ? [...ASSIGNED_OPTIONS, { value: draft.assignedTo, label: 'A colleague (from a shared link)' }]
      : ASSIGNED_OPTIONS;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(toSearch(draft));
  };
  const clear = () => {
    setDraft(toDraft({}));
    onApply({});
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Filter the triage queue">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} spacing="sm">
          <NativeSelect
            label="State"
            data={[{ value: '', label: 'Any state' }, ...STATE_OPTIONS]}
            value={draft.state}
            onChange={(event) => update({ state: event.currentTarget.value })}
            error={errors.state}
          />
          <NativeSelect
            label="Age"
            data={[{ value: '', label: 'Any age' }, ...AGE_OPTIONS]}
            value={draft.age}
            onChange={(event) => update({ age: event.currentTarget.value })}
            error={errors.age}
          />
          <TextInput
            label="Jurisdiction"
            description="State code, or US for federal"
            maxLength={2}
            value={draft.jurisdiction}
            onChange={(event) => update({ jurisdiction: event.currentTarget.value })}
            error={errors.jurisdiction}
          />
          <NativeSelect
            label="Claim type"
            data={[{ value: '', label: 'Any claim' }, ...CLAIM_TYPE_OPTIONS]}
            value={draft.claimType}
            onChange={(event) => update({ claimType: event.currentTarget.value })}
            error={errors.claimType}
          />
          <NativeSelect
            label="Language"
            data={[{ value: '', label: 'Any language' }, ...LANGUAGE_OPTIONS]}
            value={draft.language}
            onChange={(event) => update({ language: event.currentTarget.value })}
            error={errors.language}
          />
          <NativeSelect
            label="Assigned"
            data={assignedOptions}
            value={draft.assignedTo}
            onChange={(event) => update({ assignedTo: event.currentTarget.value })}
            error={errors.assignedTo}
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
