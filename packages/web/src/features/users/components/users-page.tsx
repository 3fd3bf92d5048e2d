import { Stack, Text, Title } from '@mantine/core';
import type { UserView } from '@redress/core';
import { useState } from 'react';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { usePageTitle } from '../../../lib/use-page-title';
import { useSession } from '../../session/session-context';
import { useUsers } from '../api/list-users';
import { AddUserForm } from './add-user-form';
import type { IssuedLink } from './issued-link';
import { IssuedLinkNotice } from './issued-link-notice';
import { ManageUserDialog } from './manage-user-dialog';
import { UsersTable } from './users-table';

export function UsersPage() {
  usePageTitle('Users');
  const session = useSession();
  const users = useUsers();
  const [managedId, setManagedId] = useState<string | null>(null);
  const [issuedLink, setIssuedLink] = useState<IssuedLink | null>(null);
  // Looked up from the list so the dialog shows fresh values after each change.
  const managed = users.data?.items.find((user) => user.id === managedId) ?? null;

  const manage = (user: UserView) => {
    setIssuedLink(null);
    setManagedId(user.id);
  };
  const showLink = (link: IssuedLink) => {
    setManagedId(null);
    setIssuedLink(link);
  };

  return (
    <Stack gap="xl" maw={1100}>
      <Title order={1}>Users</Title>
      {issuedLink && <IssuedLinkNotice link={issuedLink} onDone={() => setIssuedLink(null)} />}
      <Stack component="section" gap="md" aria-labelledby="all-users-heading">
        <Title order={2} id="all-users-heading">
          All users
        </Title>
        {users.isPending && <PageLoader label="Loading users" />}
        {users.isError && <QueryError error={users.error} what="users" onRetry={() => void users.refetch()} />}
        {users.data &&
          (users.data.items.length > 0 ? (
            <UsersTable users={users.data.items} onManage={manage} />
          ) : (
            <Text>No users yet.</Text>
          ))}
      </Stack>
      <Stack component="section" gap="md" aria-labelledby="add-user-heading">
        <Title order={2} id="add-user-heading">
          Add user
        </Title>
        <Text>The new user gets a one-time sign-in link, shown here for you to hand over.</Text>
        <AddUserForm onCreated={showLink} />
      </Stack>
      {managed && (
        <ManageUserDialog
          user={managed}
          isSelf={managed.id === session.user.id}
          onClose={() => setManagedId(null)}
          onLinkIssued={showLink}
        />
      )}
    </Stack>
  );
}
