import { Table } from '@mantine/core';
import { MATTER_TYPE_LABELS, type MatterSummary } from '@redress/core';
import { TableRegion } from '../../../components/table-region';
import { AnchorLink } from '../../people/anchor-link';
import { OUTCOME_LABELS } from '../labels';

export function MattersTable({ matters, caption }: { matters: readonly MatterSummary[]; caption: string }) {
  return (
    <TableRegion label="Matters">
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Matter</Table.Th>
            <Table.Th scope="col">Person</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Stage</Table.Th>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col">Opened</Table.Th>
            <Table.Th scope="col">Decision-maker</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matters.map((matter) => (
            <Table.Tr key={matter.id} data-testid="matter-row">
              <Table.Th scope="row">
                <AnchorLink to="/matters/$matterId" params={{ matterId: matter.id }}>
                  {matter.title}
                </AnchorLink>
              </Table.Th>
              <Table.Td>
                <AnchorLink to="/people/$personId" params={{ personId: matter.personId }}>
                  {matter.personName}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{MATTER_TYPE_LABELS[matter.type]}</Table.Td>
              <Table.Td>{matter.stage}</Table.Td>
              <Table.Td>
                {OUTCOME_LABELS[matter.outcome]}
                {matter.releaseDate ? ` (released ${matter.releaseDate})` : ''}
              </Table.Td>
              <Table.Td>
                {matter.openedOn}
                {matter.closedOn ? ` – ${matter.closedOn}` : ''}
              </Table.Td>
              <Table.Td>{matter.decisionMaker ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
