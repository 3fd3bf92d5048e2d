import { Badge, Table } from '@mantine/core';
import type { PersonView } from '@redress/core';
import { TableRegion } from '../../../components/table-region';
import { PLACEMENT_SOURCE_LABELS } from '../../people/labels';

export function PlacementsTable({ placements }: { placements: PersonView['placements'] }) {
  return (
    <TableRegion label="Custody placements">
      <Table verticalSpacing="xs" striped>
        <Table.Caption>Custody placements, newest first</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Facility</Table.Th>
            <Table.Th scope="col">Housing</Table.Th>
            <Table.Th scope="col">From</Table.Th>
            <Table.Th scope="col">To</Table.Th>
            <Table.Th scope="col">Learned from</Table.Th>
            <Table.Th scope="col">Address confirmed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {placements.map((placement) => (
            <Table.Tr key={placement.id}>
              <Table.Th scope="row">
                {placement.facilityName}{' '}
                {placement.isCurrent && (
                  <Badge color="blue" variant="light" size="sm">
                    Current
                  </Badge>
                )}
              </Table.Th>
              <Table.Td>{placement.housing ?? '—'}</Table.Td>
              <Table.Td>{placement.fromDate}</Table.Td>
              <Table.Td>{placement.toDate ?? 'Still there'}</Table.Td>
              <Table.Td>{PLACEMENT_SOURCE_LABELS[placement.learnedFrom]}</Table.Td>
              <Table.Td>{placement.addressConfirmedAt ?? 'Not confirmed'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
