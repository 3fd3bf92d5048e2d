import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { CreateUserInput, type Role } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { type FieldErrors, issuesToFieldErrors, serverFieldErrors } from '../../../lib/form-errors';
import { useCreateUser } from '../api/create-user';
import type { IssuedLink } from './issued-link';
import { isRole, ROLE_OPTIONS } from './role-options';

const FIELDS = ['email', 'name', 'role'] as const;

export function AddUserForm({ onCreated }: { onCreated: (link: IssuedLink) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('volunteer');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const mutation = useCreateUser();
  const errors: FieldErrors = { ...serverFieldErrors(mutation.error), ...clientErrors };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = CreateUserInput.safeParse({ email, name, role });
    if (!parsed.success) {
      setClientErrors(issuesToFieldErrors(parsed.error));
      return;
    }
    setClientErrors({});
    mutation.mutate(parsed.data, {
      onSuccess: ({ user, signInLink }) => {
        setEmail('');
        setName('');
        setRole('volunteer');
        onCreated({ purpose: 'invite', name: user.name, email: user.email, ...signInLink });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={420}>
        <FormAlert error={mutation.error} fields={FIELDS} title="Could not create the user" />
        <TextInput
          label="Email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
        />
        <TextInput
          label="Full name"
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        <NativeSelect
          label="Role"
          data={ROLE_OPTIONS}
          value={role}
          onChange={(event) => {
            const { value } = event.currentTarget;
            if (isRole(value)) setRole(value);
          }}
          error={errors.role}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
