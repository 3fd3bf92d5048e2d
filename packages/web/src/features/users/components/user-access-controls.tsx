import { Button, Stack, Text } from '@mantine/core';
import type { UserView } from '@redress/core';
import { FormAlert } from '../../../components/form-alert';
import { useUpdateUser } from '../api/update-user';

type UserAccessControlsProps = { user: UserView; isSelf: boolean };

export function UserAccessControls({ user, isSelf }: UserAccessControlsProps) {
  const mutation = useUpdateUser();
  const setDisabled = (isDisabled: boolean) => mutation.mutate({ id: user.id, changes: { isDisabled } });

  if (isSelf) return <Text>You cannot disable your own account.</Text>;

  return (
    <Stack gap="sm" align="flex-start">
      <FormAlert error={mutation.error} title="Could not change access" />
      {user.isDisabled ? (
        <>
          <Text>This account is disabled: {user.name} cannot sign in.</Text>
          <Button variant="outline" loading={mutation.isPending} onClick={() => setDisabled(false)}>
            Enable account
          </Button>
        </>
      ) : (
        <>
          <Text>Disabling the account signs {user.name} out and stops them signing in until it is enabled again.</Text>
          <Button color="red" variant="outline" loading={mutation.isPending} onClick={() => setDisabled(true)}>
            Disable account
          </Button>
        </>
      )}
    </Stack>
  );
}
