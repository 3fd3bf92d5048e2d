import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { FACILITY_KINDS, type FacilityView, type UpdateFacilityInput } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { isOneOf } from '../../people/labels';
import { useUpdateFacility } from '../api/update-facility';
import { KIND_OPTIONS } from '../facilities-search';

const TEXT_FIELDS = [
  'name',
  'securityLevel',
  'streetAddress',
  'city',
  'state',
  'zip',
  'mailLine1',
  'mailCity',
  'mailState',
  'mailZip',
  'mailNote',
  'phone',
  'visitingInfo',
  'source',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Draft = Record<TextField, string> & { kind: string; isActive: boolean; isVerified: boolean };
const FIELDS: readonly string[] = [...TEXT_FIELDS, 'kind', 'isActive', 'isVerified'];

const draftOf = (f: FacilityView): Draft => ({
  ...(Object.fromEntries(TEXT_FIELDS.map((field) => [field, f[field] ?? ''])) as Record<TextField, string>),
  kind: f.kind,
  isActive: f.isActive,
  isVerified: f.isVerified,
});

/** Only what changed is sent; an emptied field is cleared (the name cannot be). */
const changesOf = (before: Draft, draft: Draft): UpdateFacilityInput => {
  const input: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const value = draft[field].trim();
    if (value === before[field].trim()) continue;
    input[field] = value === '' && field !== 'name' ? null : value;
  }
  if (draft.kind !== before.kind) input.kind = draft.kind;
  if (draft.isActive !== before.isActive) input.isActive = draft.isActive;
  if (draft.isVerified !== before.isVerified) input.isVerified = draft.isVerified;
  return input as UpdateFacilityInput;
};

type EditFacilityFormProps = { facility: FacilityView; onDone: () => void };

export function EditFacilityForm({ facility, onDone }: EditFacilityFormProps) {
  const before = draftOf(facility);
  const [draft, setDraft] = useState<Draft>(before);
  const mutation = useUpdateFacility(facility.id);
  const errors = serverFieldErrors(mutation.error);
  const update = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = changesOf(before, draft);
    if (Object.keys(input).length === 0) return onDone();
    mutation.mutate(input, { onSuccess: onDone });
  };

  const line = (field: TextField, label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      value={draft[field]}
      onChange={(event) => update({ [field]: event.currentTarget.value })}
      error={errors[field]}
    />
  );
  const text = (field: TextField, label: string) => (
    <Textarea
      label={label}
      autosize
      minRows={2}
      value={draft[field]}
      onChange={(event) => update({ [field]: event.currentTarget.value })}
      error={errors[field]}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="edit-facility-heading">
      <Stack gap="md">
        <Title order={2} id="edit-facility-heading">
          Edit facility
        </Title>
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not save the facility" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {line('name', 'Name')}
          <NativeSelect
            label="Kind"
            data={KIND_OPTIONS}
            value={draft.kind}
            onChange={(event) => {
              const { value } = event.currentTarget;
              if (isOneOf(FACILITY_KINDS, value)) update({ kind: value });
            }}
            error={errors.kind}
          />
          {line('securityLevel', 'Security level')}
          {line('phone', 'Phone')}
        </SimpleGrid>
        <Title order={3}>Mail for incarcerated people</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {line('mailLine1', 'P.O. Box or street', 'e.g. P.O. Box 7500')}
          {line('mailCity', 'City')}
          {line('mailState', 'State', 'Two letters')}
          {line('mailZip', 'ZIP code')}
        </SimpleGrid>
        {text('mailNote', 'Mail note (boxes by yard, legal-mail box, camp)')}
        <Title order={3}>Street address</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {line('streetAddress', 'Street')}
          {line('city', 'City')}
          {line('state', 'State', 'Two letters')}
          {line('zip', 'ZIP code')}
        </SimpleGrid>
        {text('visitingInfo', 'Visiting information')}
        {line('source', 'Source', 'Where the entry comes from and when it was checked')}
        <Group>
          <Checkbox
            label="Open (uncheck for a closed facility)"
            checked={draft.isActive}
            onChange={(event) => update({ isActive: event.currentTarget.checked })}
            error={errors.isActive}
          />
          <Checkbox
            label="Checked against the published source"
            checked={draft.isVerified}
            onChange={(event) => update({ isVerified: event.currentTarget.checked })}
            error={errors.isVerified}
          />
        </Group>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Save facility
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
