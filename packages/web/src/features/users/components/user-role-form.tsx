import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import type { Role, UserView } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { serverFieldErrors } from '../../../lib/form-errors';
import { useUpdateUser } from '../api/update-user';
import { isRole, ROLE_OPTIONS } from './role-options';

export function UserRoleForm({ user }: { user: UserView }) {
  const [role, setRole] = useState<Role>(user.role);
  const mutation = useUpdateUser();
  const errors = serverFieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate({ id: user.id, changes: { role } });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={mutation.error} fields={['role']} title="Could not change the role" />
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
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending} disabled={role === user.role}>
            Save role
          </Button>
          {mutation.isSuccess && role === user.role && <span role="status">Role saved.</span>}
        </Group>
      </Stack>
    </form>
  );
}
