import { Group, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import type { ScreeningRunBody } from '@redress/core';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { TableRegion } from '../../../components/table-region';
import { COMPARISON_LIMIT, useScreeningComparison } from '../api/compare-screening-runs';
import { PATHWAY_LABELS, STATUS_LABELS } from '../labels';

type Side = { status: keyof typeof STATUS_LABELS; eligible_from: string | null } | null;

const KIND_LABELS = { new: 'New', changed: 'Changed', gone: 'Gone' } as const;

const describeSide = (side: Side): string =>
  side ? `${STATUS_LABELS[side.status]}${side.eligible_from ? ` (${side.eligible_from})` : ''}` : '—';

type RunComparisonProps = {
  run: ScreeningRunBody;
  earlierRuns: readonly ScreeningRunBody[];
  compareWith: string | undefined;
  onCompareWith: (runId: string | undefined) => void;
};

/** Who is new, who changed and who is gone since an earlier run of the same kind of roster. */
export function RunComparison({ run, earlierRuns, compareWith, onCompareWith }: RunComparisonProps) {
  const comparison = useScreeningComparison(run.id, compareWith);
  const options = [
    { value: '', label: 'Choose an earlier run' },
    ...earlierRuns.map((other) => ({ value: other.id, label: `${other.name} (as of ${other.asOf})` })),
  ];

  return (
    <Stack gap="md">
      {earlierRuns.length === 0 ? (
        <Text>There is no other completed run to compare with.</Text>
      ) : (
        <NativeSelect
          label="Compare with"
          description="What changed between that run and this one"
          data={options}
          value={compareWith ?? ''}
          onChange={(event) => onCompareWith(event.currentTarget.value || undefined)}
          maw={480}
        />
      )}
      {compareWith && comparison.isPending && <PageLoader label="Comparing the runs" />}
      {comparison.isError && (
        <QueryError error={comparison.error} what="the comparison" onRetry={() => void comparison.refetch()} />
      )}
      {comparison.isSuccess && (
        <>
          <Group gap="md" role="status" aria-label="Changes">
            {(['new', 'changed', 'gone'] as const).map((kind) => (
              <Paper key={kind} withBorder p="sm" miw={120}>
                <Text size="sm">{KIND_LABELS[kind]}</Text>
                <Text fz={28} fw={700} lh={1.1} data-testid={`compare-${kind}`}>
                  {comparison.data.counts[kind].toLocaleString()}
                </Text>
              </Paper>
            ))}
          </Group>
          {comparison.data.items.length === 0 ? (
            <Text>Nothing changed.</Text>
          ) : (
            <TableRegion label="Changes between the runs">
              <Table striped verticalSpacing="xs" data-testid="screening-changes">
                <Table.Caption>
                  Changes by person and pathway
                  {comparison.data.items.length >= COMPARISON_LIMIT ? ` (the first ${COMPARISON_LIMIT})` : ''}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Change</Table.Th>
                    <Table.Th scope="col">Person</Table.Th>
                    <Table.Th scope="col">Pathway</Table.Th>
                    <Table.Th scope="col">Before</Table.Th>
                    <Table.Th scope="col">Now</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {comparison.data.items.map((item) => (
                    <Table.Tr key={`${item.subjectId}:${item.pathway}`} data-kind={item.kind}>
                      <Table.Td>{KIND_LABELS[item.kind]}</Table.Td>
                      <Table.Th scope="row">
                        {item.name ?? item.subjectId}
                        {item.name && (
                          <Text size="xs" c="dimmed">
                            {item.subjectId}
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td>{PATHWAY_LABELS[item.pathway]}</Table.Td>
                      <Table.Td>{describeSide(item.before)}</Table.Td>
                      <Table.Td>{describeSide(item.after)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableRegion>
          )}
        </>
      )}
    </Stack>
  );
}
