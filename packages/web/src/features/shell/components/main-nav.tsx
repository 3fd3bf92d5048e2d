import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useMatchRoute } from '@tanstack/react-router';
import { canImport } from '../../imports/can-import';
import { useSession } from '../../session/session-context';

type NavPath =
  | '/'
  | '/people'
  | '/matters'
  | '/board'
  | '/contacts'
  | '/screening'
  | '/facilities'
  | '/import'
  | '/account/security'
  | '/admin/users'
  | '/admin/settings'
  | '/admin/audit';

function NavItem({ to, label, exact = false }: { to: NavPath; label: string; exact?: boolean }) {
  const matchRoute = useMatchRoute();
  const isActive = Boolean(matchRoute({ to, fuzzy: !exact }));
  return (
    <NavLink
      label={label}
      active={isActive}
      renderRoot={(props) => <Link to={to} activeOptions={{ exact }} {...props} />}
    />
  );
}

export function MainNav() {
  const session = useSession();
  if (session.mustEnrolTotp) {
    return <Text size="sm">Set up two-factor authentication to continue.</Text>;
  }
  return (
    <Stack gap={4}>
      <NavItem to="/" label="Home" exact />
      <NavItem to="/people" label="People" />
      <NavItem to="/matters" label="Matters" />
      <NavItem to="/board" label="Board" />
      <NavItem to="/contacts" label="Contacts" />
      {canImport(session.user.role) && <NavItem to="/screening" label="Screening" />}
      <NavItem to="/facilities" label="Facilities" />
      {canImport(session.user.role) && <NavItem to="/import" label="Import" />}
      <NavItem to="/account/security" label="Security" />
      {session.user.role === 'administrator' && (
        <>
          <Text size="xs" fw={700} tt="uppercase" mt="md" mb={4} px="sm">
            Administration
          </Text>
          <NavItem to="/admin/users" label="Users" />
          <NavItem to="/admin/settings" label="Organisation settings" />
          <NavItem to="/admin/audit" label="Audit log" />
        </>
      )}
    </Stack>
  );
}
