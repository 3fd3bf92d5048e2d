import { Button, List, Table, Text } from '@mantine/core';
import type { ScreeningResultRow } from '@redress/core';
import { TableRegion } from '../../../components/table-region';
import { PATHWAY_LABELS } from '../labels';
import { StatusBadge } from './status-badge';

type ResultRow = ReturnType<typeof ScreeningResultRow.parse>;

type ResultsTableProps = {
  rows: readonly ResultRow[];
  caption: string;
  canOpenPerson: boolean;
  openingSubject: string | null;
  onOpenPerson: (subjectId: string) => void;
  /** Whether the user may triage intakes (intake.triage): then a person can be opened as an intake. */
  canOpenIntake?: boolean;
  onOpenIntake?: (subjectId: string) => void;
};

/** The first reason; all of them and the citations a click away, so a row stays a few lines high. */
function Reasons({ reasons, citations }: { reasons: readonly string[]; citations: readonly string[] }) {
  const [first] = reasons;
  if (!first) return <Text size="sm">—</Text>;
  if (reasons.length === 1 && citations.length === 0) return <Text size="sm">{first}</Text>;
  return (
    <details>
      <summary style={{ cursor: 'pointer' }}>
        <Text span size="sm">
          {first}
          {reasons.length > 1 ? ` (and ${reasons.length - 1} more)` : ''}
        </Text>
      </summary>
      <List size="sm" spacing={2} mt={4}>
        {reasons.slice(1).map((reason) => (
          <List.Item key={reason}>{reason}</List.Item>
        ))}
      </List>
      {citations.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {citations.join('; ')}
        </Text>
      )}
    </details>
  );
}

/** One row per person and pathway, in the order the server sorted them. */
export function ResultsTable({
  rows,
  caption,
  canOpenPerson,
  openingSubject,
  onOpenPerson,
  canOpenIntake = false,
  onOpenIntake,
}: ResultsTableProps) {
  return (
    <TableRegion label="Screening results">
      <Table striped verticalSpacing="xs" data-testid="screening-results">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Person</Table.Th>
            <Table.Th scope="col">Pathway</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Eligible from</Table.Th>
            <Table.Th scope="col">Reasons and citations</Table.Th>
            {canOpenPerson && <Table.Th scope="col">Case file</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={`${row.subjectId}:${row.result.pathway}`}
              data-testid="screening-result-row"
              data-status={row.result.status}
            >
              <Table.Th scope="row">
                {row.name ?? row.subjectId}
                <Text size="xs" c="dimmed">
                  {row.name ? `${row.subjectId}, ` : ''}line {row.line}
                </Text>
              </Table.Th>
              <Table.Td>{PATHWAY_LABELS[row.result.pathway]}</Table.Td>
              <Table.Td miw={150}>
                <StatusBadge status={row.result.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.result.eligible_from ?? '—'}</Table.Td>
              <Table.Td miw={280}>
                <Reasons reasons={row.result.reasons} citations={row.result.citations} />
              </Table.Td>
              {canOpenPerson && (
                <Table.Td>
                  <Button
                    variant="default"
                    size="compact-sm"
                    loading={openingSubject === row.subjectId}
                    onClick={() => onOpenPerson(row.subjectId)}
                    aria-label={`Open ${row.name ?? row.subjectId} as a person`}
                  >
                    Open as person
                  </Button>
                  {canOpenIntake && onOpenIntake && (
                    <Button
                      variant="default"
                      size="compact-sm"
                      ml={6}
                      loading={openingSubject === `intake:${row.subjectId}`}
                      onClick={() => onOpenIntake(row.subjectId)}
                      aria-label={`Open ${row.name ?? row.subjectId} as an intake`}
                    >
                      Open as intake
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
