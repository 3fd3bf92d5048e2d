import { Button, Menu, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError } from '../../../components/form-alert';
import { useLogout } from '../../session/api/logout';
import { useLogoutEverywhere } from '../../session/api/logout-everywhere';
import { useSession } from '../../session/session-context';

export function UserMenu() {
  const session = useSession();
  const logoutMutation = useLogout();
  const logoutEverywhereMutation = useLogoutEverywhere();

  const signOutEverywhere = () =>
    logoutEverywhereMutation.mutate(undefined, {
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Could not sign out everywhere', message: describeError(error) }),
    });

  return (
    <Menu position="bottom-end" width={220} withinPortal={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          rightSection={<span aria-hidden="true">▾</span>}
          style={{ flexShrink: 0 }}
        >
          <VisuallyHidden>Account menu for </VisuallyHidden>
          {session.user.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => logoutMutation.mutate()}>Sign out</Menu.Item>
        <Menu.Item onClick={signOutEverywhere}>Sign out everywhere</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
