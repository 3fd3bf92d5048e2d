import { Table, Text } from '@mantine/core';
import type { PathwayResultBody } from '@redress/core';
import { TableRegion } from '../../../components/table-region';
import { RULE_OUTCOME_LABELS } from '../labels';

type Trace = NonNullable<PathwayResultBody['trace']>;

const OUTCOME_MARKS: Record<Trace[number]['outcome'], string> = {
  held: '✓',
  failed: '✗',
  unknown: '?',
  pending: '…',
  not_applicable: '–',
};

const OUTCOME_COLOURS: Record<Trace[number]['outcome'], string> = {
  held: '#0b4a1c',
  failed: '#a51d1d',
  unknown: '#5c3c00',
  pending: '#0b3a6b',
  not_applicable: '#495057',
};

/** Every rule the engine weighed for one pathway: what held, what failed, what the record cannot say. */
export function RuleTrace({ trace, pathwayTitle }: { trace: Trace; pathwayTitle: string }) {
  if (trace.length === 0) return <Text size="sm">No rule trace was recorded for this result.</Text>;
  return (
    <TableRegion label={`Rules weighed for ${pathwayTitle}`}>
      <Table verticalSpacing={4} fz="sm" withTableBorder data-testid="rule-trace">
        <Table.Caption>Why: the rules weighed for {pathwayTitle}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col">Rule</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Citations</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trace.map((step) => (
            <Table.Tr key={`${step.rule_id}:${step.role}:${step.reason}`} data-outcome={step.outcome}>
              <Table.Td style={{ whiteSpace: 'nowrap', color: OUTCOME_COLOURS[step.outcome], fontWeight: 600 }}>
                <span aria-hidden="true">{OUTCOME_MARKS[step.outcome]} </span>
                {RULE_OUTCOME_LABELS[step.outcome]}
              </Table.Td>
              <Table.Td>
                <code>{step.rule_id}</code>
                <Text size="xs" c="dimmed">
                  {step.role}
                </Text>
              </Table.Td>
              <Table.Td>
                {step.reason}
                {step.missing && step.missing.length > 0 && (
                  <Text size="xs" c="dimmed">
                    Missing: {step.missing.join(', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{step.date ?? '—'}</Table.Td>
              <Table.Td>{step.citations.join('; ') || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
