import { Stack, Table, Text } from '@mantine/core';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { TableRegion } from '../../../components/table-region';
import { useScreeningErrors } from '../api/list-screening-errors';

/** Rows of the roster that could not be screened, by line; the other rows were screened. */
export function RowErrorsTable({ runId }: { runId: string }) {
  const errors = useScreeningErrors(runId, true);
  if (errors.isPending) return <PageLoader label="Loading the row errors" />;
  if (errors.isError) {
    return <QueryError error={errors.error} what="the row errors" onRetry={() => void errors.refetch()} />;
  }
  const { items, total } = errors.data;
  if (total === 0) return <Text>Every row of the roster was read.</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {total === 1 ? 'One row was' : `${total.toLocaleString()} rows were`} not screened
        {items.length < total ? `; the first ${items.length.toLocaleString()} are shown` : ''}. The other rows were
        screened.
      </Text>
      <TableRegion label="Row errors">
        <Table striped verticalSpacing="xs" data-testid="screening-row-errors">
          <Table.Caption>Row errors, by line of the roster</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Line</Table.Th>
              <Table.Th scope="col">Roster id</Table.Th>
              <Table.Th scope="col">Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={`${item.line}:${item.subjectId ?? ''}:${item.message}`} data-testid="screening-row-error">
                <Table.Td>{item.line}</Table.Td>
                <Table.Td>{item.subjectId ?? '—'}</Table.Td>
                <Table.Td>{item.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
    </Stack>
  );
}
