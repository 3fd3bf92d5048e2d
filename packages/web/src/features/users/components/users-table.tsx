import { Badge, Button, Table, VisuallyHidden } from '@mantine/core';
import { ROLE_LABELS, type UserView } from '@redress/core';
import { DateTime } from '../../../components/date-time';
import { TableRegion } from '../../../components/table-region';

type UsersTableProps = { users: readonly UserView[]; onManage: (user: UserView) => void };

export function UsersTable({ users, onManage }: UsersTableProps) {
  return (
    <TableRegion label="Users">
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>Everyone with an account in this organisation</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Two-factor</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Last sign-in</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row">
              <Table.Th scope="row">{user.name}</Table.Th>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{ROLE_LABELS[user.role]}</Table.Td>
              <Table.Td>{user.hasTotp ? 'Yes' : 'No'}</Table.Td>
              <Table.Td>
                {user.isDisabled ? (
                  <Badge color="red" variant="light">
                    Disabled
                  </Badge>
                ) : (
                  <Badge color="blue" variant="light">
                    Active
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <DateTime value={user.lastSignInAt} />
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="outline" onClick={() => onManage(user)}>
                  Manage<VisuallyHidden> {user.name}</VisuallyHidden>
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
