import { Button, Group, Stack, Text } from '@mantine/core';
import type { UserView } from '@redress/core';
import { useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { useResetUserPassword } from '../api/reset-user-password';
import type { IssuedLink } from './issued-link';

type UserPasswordResetProps = { user: UserView; onLinkIssued: (link: IssuedLink) => void };

export function UserPasswordReset({ user, onLinkIssued }: UserPasswordResetProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  const mutation = useResetUserPassword();

  const reset = () =>
    mutation.mutate(user.id, {
      onSuccess: (link) => onLinkIssued({ purpose: 'reset', name: user.name, email: user.email, ...link }),
    });

  return (
    <Stack gap="sm" align="flex-start">
      <FormAlert error={mutation.error} title="Could not reset the password" />
      <Text>Creates a one-time link for {user.name} to choose a new password. Their current sessions end at once.</Text>
      {isConfirming ? (
        <Group gap="sm">
          <Button color="red" loading={mutation.isPending} onClick={reset}>
            Reset password and create link
          </Button>
          <Button variant="default" onClick={() => setIsConfirming(false)}>
            Cancel
          </Button>
        </Group>
      ) : (
        <Button variant="outline" onClick={() => setIsConfirming(true)}>
          Reset password
        </Button>
      )}
    </Stack>
  );
}
