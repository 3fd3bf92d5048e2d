import { Badge, Table } from '@mantine/core';
import { CLAIM_TYPE_LABELS, INTAKE_CHANNEL_LABELS, type IntakeSummary } from '@redress/core';
import { TableRegion } from '../../../components/table-region';
import { formatDate } from '../../../lib/format';
import { AnchorLink } from '../../people/anchor-link';
import { LANGUAGE_LABELS, stateLabel } from '../labels';

const STATE_COLOURS = { new: 'blue', in_review: 'yellow', decided: 'gray' } as const;

export function IntakeStateBadge({ intake }: { intake: Pick<IntakeSummary, 'state' | 'decision'> }) {
  return (
    <Badge
      variant="light"
      color={STATE_COLOURS[intake.state]}
      tt="none"
      radius="sm"
      data-testid="intake-state"
      data-state={intake.state}
      styles={{ label: { overflow: 'visible', color: 'var(--mantine-color-dark-9)' } }}
    >
      {stateLabel(intake)}
    </Badge>
  );
}

export function IntakeTable({ intakes, caption }: { intakes: readonly IntakeSummary[]; caption: string }) {
  return (
    <TableRegion label="Intakes">
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="intake-queue">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Reference</Table.Th>
            <Table.Th scope="col">Received</Table.Th>
            <Table.Th scope="col">Age (days)</Table.Th>
            <Table.Th scope="col">Applicant</Table.Th>
            <Table.Th scope="col">Prisoner number</Table.Th>
            <Table.Th scope="col">Facility</Table.Th>
            <Table.Th scope="col">Jurisdiction</Table.Th>
            <Table.Th scope="col">Claim type</Table.Th>
            <Table.Th scope="col">Language</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Assigned</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {intakes.map((intake) => (
            <Table.Tr key={intake.id} data-testid="intake-row" data-reference={intake.reference}>
              <Table.Th scope="row">
                <AnchorLink to="/intake/$intakeId" params={{ intakeId: intake.id }}>
                  {intake.reference}
                </AnchorLink>
                <div style={{ fontWeight: 400, fontSize: 'var(--mantine-font-size-xs)' }}>
                  {INTAKE_CHANNEL_LABELS[intake.channel]}
                </div>
              </Table.Th>
              <Table.Td>
                <time dateTime={intake.receivedOn}>{formatDate(`${intake.receivedOn}T12:00:00Z`)}</time>
              </Table.Td>
              <Table.Td>{intake.ageDays.toLocaleString()}</Table.Td>
              <Table.Td>{intake.applicantName ?? '—'}</Table.Td>
              <Table.Td>{intake.prisonerNumber ?? '—'}</Table.Td>
              <Table.Td>{intake.facility?.name ?? '—'}</Table.Td>
              <Table.Td>{intake.jurisdiction ?? '—'}</Table.Td>
              <Table.Td>{intake.claimType ? CLAIM_TYPE_LABELS[intake.claimType] : '—'}</Table.Td>
              <Table.Td>{LANGUAGE_LABELS[intake.language]}</Table.Td>
              <Table.Td>
                <IntakeStateBadge intake={intake} />
              </Table.Td>
              <Table.Td>{intake.assignedTo?.name ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
