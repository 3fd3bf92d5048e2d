import { Badge, Group, Table } from '@mantine/core';
import { IDENTIFIER_LABELS, type PersonSummary } from '@redress/core';
import { TableRegion } from '../../../components/table-region';
import { AnchorLink } from '../anchor-link';
import { PERSON_STATUS_LABELS } from '../labels';

export function PeopleTable({ people, caption }: { people: readonly PersonSummary[]; caption: string }) {
  return (
    <TableRegion label="People">
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Date of birth</Table.Th>
            <Table.Th scope="col">Identifiers</Table.Th>
            <Table.Th scope="col">Current placement</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.id} data-testid="person-row">
              <Table.Th scope="row">
                <AnchorLink to="/people/$personId" params={{ personId: person.id }}>
                  {person.legalName}
                </AnchorLink>
              </Table.Th>
              <Table.Td>
                <Group gap={4}>
                  {PERSON_STATUS_LABELS[person.status]}
                  {person.hasMailHold && (
                    <Badge color="red" variant="light">
                      Mail hold
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{person.dateOfBirth ?? '—'}</Table.Td>
              <Table.Td>
                {person.identifiers.length === 0
                  ? '—'
                  : person.identifiers.map((identifier) => (
                      <div key={`${identifier.system}:${identifier.value}`}>
                        <abbr title={IDENTIFIER_LABELS[identifier.system]}>{identifier.system.toUpperCase()}</abbr>{' '}
                        {identifier.value}
                      </div>
                    ))}
              </Table.Td>
              <Table.Td>
                {person.currentPlacement
                  ? [person.currentPlacement.facilityName, person.currentPlacement.housing].filter(Boolean).join(', ')
                  : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
