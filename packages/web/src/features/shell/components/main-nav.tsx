import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useMatchRoute } from '@tanstack/react-router';
import { canImport } from '../../imports/can-import';
import { canTriage } from '../../intake/can-triage';
import { useSession } from '../../session/session-context';

type NavPath =
  | '/'
  | '/people'
  | '/matters'
  | '/board'
  | '/contacts'
  | '/screening'
  | '/intake'
  | '/facilities'
  | '/mail'
  | '/account/attorney-profile'
  | '/admin/letter-templates'
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
    // The links outgrow a short window: the list scrolls inside the navbar instead of running under the page.
    <Stack gap={4} style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
      <NavItem to="/" label="Home" exact />
      <NavItem to="/people" label="People" />
      <NavItem to="/matters" label="Matters" />
      <NavItem to="/board" label="Board" />
      <NavItem to="/contacts" label="Contacts" />
      {canTriage(session.user.role) && <NavItem to="/intake" label="Intake" />}
      {canImport(session.user.role) && <NavItem to="/screening" label="Screening" />}
      <NavItem to="/facilities" label="Facilities" />
      <NavItem to="/mail" label="Outgoing mail" />
      {canImport(session.user.role) && <NavItem to="/import" label="Import" />}
      <NavItem to="/account/security" label="Security" />
      {(session.user.role === 'attorney' || session.user.role === 'administrator') && (
        <NavItem to="/account/attorney-profile" label="Attorney profile" />
      )}
      {session.user.role === 'administrator' && (
        <>
          <Text size="xs" fw={700} tt="uppercase" mt="md" mb={4} px="sm">
            Administration
          </Text>
          <NavItem to="/admin/users" label="Users" />
          <NavItem to="/admin/settings" label="Organisation settings" />
          <NavItem to="/admin/audit" label="Audit log" />
          <NavItem to="/admin/letter-templates" label="Letter templates" />
        </>
      )}
    </Stack>
  );
}
