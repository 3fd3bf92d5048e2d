import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { ImportView } from '@redress/core';
import { TableRegion } from '../../../components/table-region';

type Report = NonNullable<ImportView['report']>;

type ImportReportProps = { report: Report; isDryRun: boolean; fieldLabel: (field: string) => string };

export function ImportReport({ report, isDryRun, fieldLabel }: ImportReportProps) {
  const verb = isDryRun ? 'would be' : 'were';
  const counts: [string, number][] = [
    [`${isDryRun ? 'To create' : 'Created'}`, report.created],
    [`${isDryRun ? 'To update' : 'Updated'}`, report.updated],
    ['Unchanged', report.unchanged],
    [isDryRun ? 'Would fail' : 'Failed', report.failed],
  ];
  return (
    <Stack gap="sm">
      <Group gap="sm" component="dl" style={{ margin: 0 }} aria-label={isDryRun ? 'Dry run counts' : 'Import counts'}>
        {counts.map(([label, value]) => (
          <Paper key={label} withBorder p="xs" miw={110}>
            <Text component="dt" size="xs">
              {label}
            </Text>
            <Text component="dd" fw={700} size="lg" m={0}>
              {value}
            </Text>
          </Paper>
        ))}
      </Group>
      {report.errorCount === 0 ? (
        <Text>No row has a problem.</Text>
      ) : (
        <>
          <Text>
            {report.failed} {report.failed === 1 ? 'row' : 'rows'} {verb} refused, with {report.errorCount}{' '}
            {report.errorCount === 1 ? 'problem' : 'problems'}
            {report.errors.length < report.errorCount ? ` (the first ${report.errors.length} are listed)` : ''}. The
            other rows are not affected.
          </Text>
          <TableRegion label="Row errors">
            <Table verticalSpacing="xs" striped>
              <Table.Caption>Problems by line of the file</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Line</Table.Th>
                  <Table.Th scope="col">Field</Table.Th>
                  <Table.Th scope="col">Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.errors.map((error, index) => (
                  // Errors have no id; several can share a line and field.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <Table.Tr key={index} data-testid="import-error-row">
                    <Table.Td>{error.line}</Table.Td>
                    <Table.Td>{error.field ? fieldLabel(error.field) : 'Whole row'}</Table.Td>
                    <Table.Td>{error.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableRegion>
        </>
      )}
    </Stack>
  );
}
