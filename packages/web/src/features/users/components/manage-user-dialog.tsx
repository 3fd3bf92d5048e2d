import { Divider, Stack, Text, Title } from '@mantine/core';
import type { UserView } from '@redress/core';
import { AppDialog } from '../../../components/app-dialog';
import type { IssuedLink } from './issued-link';
import { UserAccessControls } from './user-access-controls';
import { UserPasswordReset } from './user-password-reset';
import { UserRoleForm } from './user-role-form';

type ManageUserDialogProps = {
  user: UserView;
  isSelf: boolean;
  onClose: () => void;
  onLinkIssued: (link: IssuedLink) => void;
};

export function ManageUserDialog({ user, isSelf, onClose, onLinkIssued }: ManageUserDialogProps) {
  return (
    <AppDialog onClose={onClose} title={`Manage ${user.name}`} size="lg">
      <Stack gap="md">
        <Text>{user.email}</Text>
        <Title order={3} size="h5">
          Role
        </Title>
        <UserRoleForm user={user} />
        <Divider />
        <Title order={3} size="h5">
          Access
        </Title>
        <UserAccessControls user={user} isSelf={isSelf} />
        <Divider />
        <Title order={3} size="h5">
          Password
        </Title>
        <UserPasswordReset user={user} onLinkIssued={onLinkIssued} />
      </Stack>
    </AppDialog>
  );
}
