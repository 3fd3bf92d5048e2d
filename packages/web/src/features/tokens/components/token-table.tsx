import { Table } from '@mantine/core';
import type { TokenView } from '@redress/core';
import { DateTime } from '../../../components/date-time';
import { TableRegion } from '../../../components/table-region';
import { RevokeTokenButton } from './revoke-token-button';
import { tokenStatus } from './token-status';

export function TokenTable({ tokens }: { tokens: readonly TokenView[] }) {
  const now = new Date();
  return (
    <TableRegion label="Your API tokens">
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>Your API tokens</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Scopes</Table.Th>
            <Table.Th scope="col">Starts with</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">Last used</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Th scope="row">{token.name}</Table.Th>
              <Table.Td>{token.scopes.join(', ')}</Table.Td>
              <Table.Td>
                <code>{token.prefix}</code>
              </Table.Td>
              <Table.Td>
                <DateTime value={token.createdAt} />
              </Table.Td>
              <Table.Td>
                <DateTime value={token.lastUsedAt} />
              </Table.Td>
              <Table.Td>
                <DateTime value={token.expiresAt} />
              </Table.Td>
              <Table.Td>{tokenStatus(token, now)}</Table.Td>
              <Table.Td>{token.revokedAt ? null : <RevokeTokenButton token={token} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
