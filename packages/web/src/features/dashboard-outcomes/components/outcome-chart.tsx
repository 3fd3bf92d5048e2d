import { Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { MATTER_OUTCOMES, MATTER_TYPE_LABELS, type OutcomeStatsView } from '@redress/core';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { OUTCOME_LABELS } from '../../matters/labels';
import { useOutcomeStats } from '../api/get-outcome-stats';

type Stats = OutcomeStatsView;

// Bars at least 3:1 against white; each bar is also labelled with its number.
const OUTCOME_COLOURS = {
  pending: '#1864ab',
  granted: '#2b7a3b',
  denied: '#a51d1d',
  withdrawn: '#5c5f66',
  moot: '#7048e8',
} as const;

const BAR_WIDTH = 420;
const LABEL_WIDTH = 110;
const ROW = 28;

function OutcomeBars({ stats }: { stats: Stats }) {
  const max = Math.max(1, ...MATTER_OUTCOMES.map((outcome) => stats.byOutcome[outcome]));
  const height = MATTER_OUTCOMES.length * ROW + 4;
  const summary = MATTER_OUTCOMES.map((outcome) => `${OUTCOME_LABELS[outcome]}: ${stats.byOutcome[outcome]}`).join(
    ', ',
  );
  return (
    <svg
      role="img"
      aria-labelledby="outcome-bars-title outcome-bars-desc"
      viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 50} ${height}`}
      width="100%"
      style={{ maxWidth: 640, display: 'block' }}
    >
      <title id="outcome-bars-title">Matters by outcome</title>
      <desc id="outcome-bars-desc">
        {stats.total} matters in all. {summary}.
      </desc>
      {MATTER_OUTCOMES.map((outcome, index) => {
        const value = stats.byOutcome[outcome];
        const width = (value / max) * BAR_WIDTH;
        const y = index * ROW + 4;
        return (
          <g key={outcome}>
            <text x={LABEL_WIDTH - 8} y={y + 15} textAnchor="end" fontSize={13} fill="#1b2a3a">
              {OUTCOME_LABELS[outcome]}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y}
              width={Math.max(value > 0 ? 2 : 0, width)}
              height={20}
              fill={OUTCOME_COLOURS[outcome]}
              rx={2}
            />
            <text x={LABEL_WIDTH + width + 6} y={y + 15} fontSize={13} fill="#1b2a3a" fontWeight={600}>
              {value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function ByTypeTable({ stats }: { stats: Stats }) {
  const rows = stats.byType.filter((row) => row.total > 0);
  if (rows.length === 0) return null;
  return (
    <Table verticalSpacing={4} withTableBorder>
      <Table.Caption>Matters by type and outcome</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Type</Table.Th>
          {MATTER_OUTCOMES.map((outcome) => (
            <Table.Th scope="col" key={outcome}>
              {OUTCOME_LABELS[outcome]}
            </Table.Th>
          ))}
          <Table.Th scope="col">Total</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.type}>
            <Table.Th scope="row">{MATTER_TYPE_LABELS[row.type]}</Table.Th>
            {MATTER_OUTCOMES.map((outcome) => (
              <Table.Td key={outcome}>{row.byOutcome[outcome]}</Table.Td>
            ))}
            <Table.Td>{row.total}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The home page's outcome counts: people freed, and the matters you can see by outcome. */
export function OutcomeSummary() {
  const stats = useOutcomeStats();
  return (
    <Stack component="section" gap="md" aria-labelledby="outcomes-heading">
      <Title order={2} id="outcomes-heading">
        Outcomes
      </Title>
      {stats.isPending && <PageLoader label="Loading the outcome counts" />}
      {stats.isError && (
        <QueryError error={stats.error} what="the outcome counts" onRetry={() => void stats.refetch()} />
      )}
      {stats.isSuccess && (
        <>
          <Group gap="md">
            <Paper withBorder p="md" miw={160}>
              <Text size="sm">People freed</Text>
              <Text fz={36} fw={700} lh={1.1} data-testid="people-freed">
                {stats.data.peopleFreed}
              </Text>
            </Paper>
            <Paper withBorder p="md" miw={160}>
              <Text size="sm">Matters</Text>
              <Text fz={36} fw={700} lh={1.1} data-testid="matters-total">
                {stats.data.total}
              </Text>
            </Paper>
          </Group>
          <OutcomeBars stats={stats.data} />
          <details>
            <summary>
              <Text span size="sm">
                Matters by type and outcome
              </Text>
              <VisuallyHidden> (table)</VisuallyHidden>
            </summary>
            <ByTypeTable stats={stats.data} />
          </details>
        </>
      )}
    </Stack>
  );
}
