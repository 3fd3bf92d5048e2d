import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { ContactView, CreateContactInput } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { isOneOf } from '../../people/labels';
import { useCreateContact } from '../api/create-contact';
import { CONTACT_KIND_OPTIONS, CONTACT_KINDS, type ContactKind } from '../contacts-search';

const FIELDS = ['kind', 'name', 'organisation', 'title', 'email', 'phone', 'address', 'notes'];
const OPTIONAL = ['organisation', 'title', 'email', 'phone', 'address', 'notes'] as const;
type Draft = { kind: ContactKind; name: string } & Record<(typeof OPTIONAL)[number], string>;

type AddContactFormProps = { initialName: string; onCreated: (contact: ContactView) => void; onCancel: () => void };

export function AddContactForm({ initialName, onCreated, onCancel }: AddContactFormProps) {
  const [draft, setDraft] = useState<Draft>({
    kind: 'official',
    name: initialName,
    organisation: '',
    title: '',
    email: '',
    phone: '',
    address: '',
    notes: '',
  });
  const mutation = useCreateContact();
  const errors = serverFieldErrors(mutation.error);
  const update = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: CreateContactInput = { kind: draft.kind, name: draft.name };
    for (const field of OPTIONAL) {
      if (draft[field].trim()) input[field] = draft[field].trim();
    }
    mutation.mutate(input, { onSuccess: onCreated });
  };

  const line = (field: (typeof OPTIONAL)[number], label: string, type?: string) => (
    <TextInput
      label={label}
      type={type}
      value={draft[field]}
      onChange={(event) => update({ [field]: event.currentTarget.value })}
      error={errors[field]}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not add the contact" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Name"
            required
            value={draft.name}
            onChange={(event) => update({ name: event.currentTarget.value })}
            error={errors.name}
          />
          <NativeSelect
            label="Kind"
            data={CONTACT_KIND_OPTIONS}
            value={draft.kind}
            onChange={(event) => {
              const { value } = event.currentTarget;
              if (isOneOf(CONTACT_KINDS, value)) update({ kind: value });
            }}
            error={errors.kind}
          />
          {line('organisation', 'Organisation')}
          {line('title', 'Job title')}
          {line('email', 'Email', 'email')}
          {line('phone', 'Phone', 'tel')}
        </SimpleGrid>
        <Textarea
          label="Address"
          autosize
          minRows={2}
          value={draft.address}
          onChange={(event) => update({ address: event.currentTarget.value })}
          error={errors.address}
        />
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          value={draft.notes}
          onChange={(event) => update({ notes: event.currentTarget.value })}
          error={errors.notes}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Save contact
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
