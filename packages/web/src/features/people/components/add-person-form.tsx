import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { IDENTIFIER_SYSTEMS, type IdentifierSystem, PERSON_STATUSES, type PersonStatus } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { type NewPerson, useCreatePerson } from '../api/create-person';
import { errorUnder, pathErrors } from '../detail-errors';
import { IDENTIFIER_SYSTEM_OPTIONS, isOneOf, PERSON_STATUS_OPTIONS } from '../labels';
import type { CreatedPerson } from './person-created';

const FIELDS = [
  'legalName',
  'aliases',
  'dateOfBirth',
  'gender',
  'preferredLanguage',
  'status',
  'identifiers',
  'phone',
  'email',
  'mailingAddress',
  'notes',
] as const;

type IdentifierRow = { key: number; system: IdentifierSystem; value: string };

type Draft = {
  legalName: string;
  aliases: string;
  dateOfBirth: string;
  gender: string;
  preferredLanguage: string;
  status: PersonStatus;
  phone: string;
  email: string;
  mailingAddress: string;
  notes: string;
};

const emptyDraft = (legalName: string): Draft => ({
  legalName,
  aliases: '',
  dateOfBirth: '',
  gender: '',
  preferredLanguage: '',
  status: 'in_custody',
  phone: '',
  email: '',
  mailingAddress: '',
  notes: '',
});

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** What is sent: blank optional fields are left out; aliases are one per line. */
const toInput = (draft: Draft, identifiers: readonly IdentifierRow[]): NewPerson => {
  const input: NewPerson = { legalName: draft.legalName, status: draft.status };
  const aliases = draft.aliases
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (aliases.length > 0) input.aliases = aliases.map((name) => ({ name, kind: 'alias' }));
  const rows = identifiers.filter((row) => row.value.trim() !== '');
  if (rows.length > 0) input.identifiers = rows.map((row) => ({ system: row.system, value: row.value, issuer: null }));
  const dateOfBirth = optional(draft.dateOfBirth);
  if (dateOfBirth) input.dateOfBirth = dateOfBirth;
  const gender = optional(draft.gender);
  if (gender) input.gender = gender;
  const preferredLanguage = optional(draft.preferredLanguage);
  if (preferredLanguage) input.preferredLanguage = preferredLanguage;
  const phone = optional(draft.phone);
  if (phone) input.phone = phone;
  const email = optional(draft.email);
  if (email) input.email = email;
  if (draft.mailingAddress.trim()) input.mailingAddress = draft.mailingAddress;
  if (draft.notes.trim()) input.notes = draft.notes;
  return input;
};

type AddPersonFormProps = {
  /** The name the conflict check ran on. */
  initialName: string;
  onCreated: (created: CreatedPerson) => void;
  onCancel: () => void;
};

export function AddPersonForm({ initialName, onCreated, onCancel }: AddPersonFormProps) {
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(initialName));
  const [identifiers, setIdentifiers] = useState<IdentifierRow[]>([{ key: 0, system: 'cdcr', value: '' }]);
  const [nextKey, setNextKey] = useState(1);
  const mutation = useCreatePerson();
  const errors = pathErrors(mutation.error);
  const update = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });

  // Errors name identifiers by their position among the rows sent (blank rows are not sent).
  const sentIndex = (key: number): number =>
    identifiers.filter((row) => row.value.trim() !== '').findIndex((row) => row.key === key);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(toInput(draft, identifiers), { onSuccess: onCreated });
  };

  const changeRow = (key: number, changes: Partial<IdentifierRow>) =>
    setIdentifiers(identifiers.map((row) => (row.key === key ? { ...row, ...changes } : row)));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not add the person" />
        <TextInput
          label="Legal name"
          required
          autoComplete="off"
          value={draft.legalName}
          onChange={(event) => update({ legalName: event.currentTarget.value })}
          error={errors.legalName}
        />
        <Textarea
          label="Aliases"
          description="Other names and spellings, one per line"
          autosize
          minRows={2}
          value={draft.aliases}
          onChange={(event) => update({ aliases: event.currentTarget.value })}
          error={errorUnder(errors, 'aliases')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Date of birth"
            type="date"
            value={draft.dateOfBirth}
            onChange={(event) => update({ dateOfBirth: event.currentTarget.value })}
            error={errors.dateOfBirth}
          />
          <NativeSelect
            label="Status"
            data={PERSON_STATUS_OPTIONS}
            value={draft.status}
            onChange={(event) => {
              const { value } = event.currentTarget;
              if (isOneOf(PERSON_STATUSES, value)) update({ status: value });
            }}
            error={errors.status}
          />
          <TextInput
            label="Gender"
            value={draft.gender}
            onChange={(event) => update({ gender: event.currentTarget.value })}
            error={errors.gender}
          />
          <TextInput
            label="Preferred language"
            value={draft.preferredLanguage}
            onChange={(event) => update({ preferredLanguage: event.currentTarget.value })}
            error={errors.preferredLanguage}
          />
        </SimpleGrid>
        <Fieldset legend="Identifiers">
          <Stack gap="sm">
            {identifiers.map((row, index) => {
              const at = sentIndex(row.key);
              const position = index + 1;
              return (
                <Group key={row.key} align="flex-start" gap="sm" wrap="wrap">
                  <NativeSelect
                    label={`Identifier ${position} system`}
                    data={IDENTIFIER_SYSTEM_OPTIONS}
                    value={row.system}
                    onChange={(event) => {
                      const { value } = event.currentTarget;
                      if (isOneOf(IDENTIFIER_SYSTEMS, value)) changeRow(row.key, { system: value });
                    }}
                    error={at >= 0 ? errors[`identifiers.${at}.system`] : undefined}
                  />
                  <TextInput
                    label={`Identifier ${position} value`}
                    description={row.system === 'bop' ? 'NNNNN-NNN' : row.system === 'cdcr' ? 'e.g. C98556' : undefined}
                    value={row.value}
                    onChange={(event) => changeRow(row.key, { value: event.currentTarget.value })}
                    error={at >= 0 ? errorUnder(errors, `identifiers.${at}`) : undefined}
                  />
                  {identifiers.length > 1 && (
                    <Button
                      variant="subtle"
                      color="red"
                      mt={26}
                      onClick={() => setIdentifiers(identifiers.filter((other) => other.key !== row.key))}
                    >
                      Remove identifier {position}
                    </Button>
                  )}
                </Group>
              );
            })}
            {errors.identifiers && <FieldMessage message={errors.identifiers} />}
            <Group>
              <Button
                variant="default"
                onClick={() => {
                  setIdentifiers([...identifiers, { key: nextKey, system: 'cdcr', value: '' }]);
                  setNextKey(nextKey + 1);
                }}
              >
                Add identifier
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Phone"
            type="tel"
            value={draft.phone}
            onChange={(event) => update({ phone: event.currentTarget.value })}
            error={errors.phone}
          />
          <TextInput
            label="Email"
            type="email"
            value={draft.email}
            onChange={(event) => update({ email: event.currentTarget.value })}
            error={errors.email}
          />
        </SimpleGrid>
        <Textarea
          label="Mailing address"
          autosize
          minRows={2}
          value={draft.mailingAddress}
          onChange={(event) => update({ mailingAddress: event.currentTarget.value })}
          error={errors.mailingAddress}
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
            Save person
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FieldMessage({ message }: { message: string }) {
  return (
    <p role="alert" style={{ margin: 0, color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-sm)' }}>
      {message}
    </p>
  );
}
