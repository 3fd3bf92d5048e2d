import { Box, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { PATHWAY_IDS, type PathwayId, type ScreeningRunBody, type ScreeningStatus } from '@redress/core';
import { useId, useState } from 'react';
import { TableRegion } from '../../../components/table-region';
import { AnchorLink } from '../../people/anchor-link';
import { truncate } from '../../timeline/timeline-scale';
import { PATHWAY_LABELS, STATUS_BAR_FILLS, STATUS_LABELS, STATUS_ORDER } from '../labels';

type Summary = NonNullable<ScreeningRunBody['summary']>;
type Row = { pathway: PathwayId; counts: Partial<Record<ScreeningStatus, number>>; total: number };

const WIDTH = 1000;
const LEFT = 300;
const RIGHT = WIDTH - 70;
const ROW = 28;
const BAR = 18;
const INK = '#1b2a3a';

/** The pattern or colour a status's bar is filled with; patterns come from <StatusPatterns>. */
const fillOf = (status: ScreeningStatus, prefix: string): string =>
  STATUS_BAR_FILLS[status].stripes ? `url(#${prefix}-${status})` : STATUS_BAR_FILLS[status].color;

function StatusPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {STATUS_ORDER.map((status) => {
        const { color, stripes } = STATUS_BAR_FILLS[status];
        if (!stripes) return null;
        return (
          <pattern
            key={status}
            id={`${prefix}-${status}`}
            width={6}
            height={6}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width={6} height={6} fill={stripes} />
            <rect width={3.5} height={6} fill={color} />
          </pattern>
        );
      })}
    </defs>
  );
}

/** The pathways in the order of the contract (California, then federal), whatever order the server sent. */
const rowsOf = (summary: Summary): Row[] =>
  PATHWAY_IDS.flatMap((pathway) => {
    const byStatus = summary.byPathway[pathway];
    if (!byStatus) return [];
    const counts: Row['counts'] = {};
    let total = 0;
    for (const status of STATUS_ORDER) {
      const n = byStatus[status] ?? 0;
      if (n > 0) counts[status] = n;
      total += n;
    }
    return [{ pathway, counts, total }];
  });

const describe = (rows: readonly Row[]): string =>
  rows
    .map(
      (row) =>
        `${PATHWAY_LABELS[row.pathway]}: ${
          STATUS_ORDER.filter((status) => row.counts[status])
            .map((status) => `${row.counts[status]} ${STATUS_LABELS[status].toLowerCase()}`)
            .join(', ') || 'no one'
        }.`,
    )
    .join(' ');

type SummaryTableProps = { rows: readonly Row[]; statuses: ScreeningStatus[]; runId: string; isShown: boolean };

/** Shown, the numbers are links to the matching results; hidden (for screen readers only), plain text. */
function SummaryTable({ rows, statuses, runId, isShown }: SummaryTableProps) {
  const table = (
    <Table verticalSpacing={4} withTableBorder data-testid="summary-table">
      <Table.Caption>
        People by pathway and status{isShown ? ' (each number opens the matching results)' : ''}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Pathway</Table.Th>
          {statuses.map((status) => (
            <Table.Th scope="col" key={status}>
              {STATUS_LABELS[status]}
            </Table.Th>
          ))}
          <Table.Th scope="col">Total</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.pathway}>
            <Table.Th scope="row">{PATHWAY_LABELS[row.pathway]}</Table.Th>
            {statuses.map((status) => {
              const n = row.counts[status] ?? 0;
              return (
                <Table.Td key={status}>
                  {n > 0 && isShown ? (
                    <AnchorLink
                      to="/screening/$runId"
                      params={{ runId }}
                      search={{ pathway: row.pathway, status }}
                      aria-label={`${n} ${STATUS_LABELS[status].toLowerCase()} for ${PATHWAY_LABELS[row.pathway]}`}
                    >
                      {n.toLocaleString()}
                    </AnchorLink>
                  ) : (
                    n.toLocaleString()
                  )}
                </Table.Td>
              );
            })}
            <Table.Td>{row.total.toLocaleString()}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return isShown ? <TableRegion label="People by pathway and status">{table}</TableRegion> : table;
}

/**
 * The run's summary as a picture: one stacked bar per pathway, a segment per status, with the
 * "eligible in the next 12 months" figure beside it. The same numbers are in the table.
 */
export function RunSummaryChart({ run, summary }: { run: ScreeningRunBody; summary: Summary }) {
  const id = useId();
  // React's ids carry characters that url(#…) references do not take.
  const patternId = `chart${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [isTableShown, setIsTableShown] = useState(false);
  const rows = rowsOf(summary);
  const statuses = STATUS_ORDER.filter((status) => rows.some((row) => row.counts[status]));
  const max = Math.max(1, ...rows.map((row) => row.total));
  const height = rows.length * ROW + 8;

  return (
    <Stack gap="sm">
      <Group gap="md" align="stretch">
        <Paper withBorder p="md" miw={200}>
          <Text size="sm">Eligible in the 12 months after {run.asOf}</Text>
          <Text fz={32} fw={700} lh={1.1} data-testid="eligible-within-12-months">
            {summary.eligibleWithin12Months.toLocaleString()}
          </Text>
        </Paper>
        <Paper withBorder p="md" miw={160}>
          <Text size="sm">People screened</Text>
          <Text fz={32} fw={700} lh={1.1} data-testid="people-screened">
            {run.peopleScreened.toLocaleString()}
          </Text>
        </Paper>
        <Paper withBorder p="md" miw={160}>
          <Text size="sm">Rows with errors</Text>
          <Text fz={32} fw={700} lh={1.1} data-testid="row-error-count">
            {run.rowErrors.toLocaleString()}
          </Text>
        </Paper>
      </Group>
      {rows.length === 0 ? (
        <Text>No one was screened.</Text>
      ) : (
        <>
          <Box style={{ overflowX: 'auto' }}>
            <svg
              role="img"
              aria-labelledby={`${id}-title ${id}-desc`}
              viewBox={`0 0 ${WIDTH} ${height}`}
              width="100%"
              style={{ minWidth: 640, display: 'block', fontFamily: 'inherit' }}
              data-testid="summary-chart"
            >
              <title id={`${id}-title`}>People by pathway and status in {run.name}</title>
              <desc id={`${id}-desc`}>{describe(rows)}</desc>
              <StatusPatterns prefix={`${patternId}-bar`} />
              {rows.map((row, index) => {
                const y = index * ROW + 4;
                let x = LEFT;
                return (
                  <g key={row.pathway} data-pathway={row.pathway}>
                    <text x={LEFT - 8} y={y + 14} textAnchor="end" fontSize={12} fill={INK}>
                      {truncate(PATHWAY_LABELS[row.pathway], 46)}
                    </text>
                    {STATUS_ORDER.map((status) => {
                      const n = row.counts[status] ?? 0;
                      if (n === 0) return null;
                      const width = (n / max) * (RIGHT - LEFT);
                      const segment = (
                        <rect
                          key={status}
                          x={x}
                          y={y}
                          width={Math.max(1.5, width)}
                          height={BAR}
                          fill={fillOf(status, `${patternId}-bar`)}
                          stroke="#fff"
                          strokeWidth={1}
                        >
                          <title>
                            {PATHWAY_LABELS[row.pathway]}: {n} {STATUS_LABELS[status].toLowerCase()}
                          </title>
                        </rect>
                      );
                      x += width;
                      return segment;
                    })}
                    <text x={x + 6} y={y + 14} fontSize={12} fill={INK} fontWeight={600}>
                      {row.total.toLocaleString()}
                    </text>
                  </g>
                );
              })}
            </svg>
          </Box>
          <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Legend">
            {statuses.map((status) => (
              <Group key={status} gap={6} component="li">
                <svg width="14" height="14" aria-hidden="true">
                  <StatusPatterns prefix={`${patternId}-key-${status}`} />
                  <rect width="14" height="14" rx="2" fill={fillOf(status, `${patternId}-key-${status}`)} />
                </svg>
                <Text size="sm">{STATUS_LABELS[status]}</Text>
              </Group>
            ))}
          </Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setIsTableShown(!isTableShown)}
            style={{ alignSelf: 'flex-start' }}
          >
            {isTableShown ? 'Hide the summary table' : 'Show the summary as a table'}
          </Button>
          {isTableShown ? (
            <SummaryTable rows={rows} statuses={statuses} runId={run.id} isShown />
          ) : (
            <VisuallyHidden>
              <SummaryTable rows={rows} statuses={statuses} runId={run.id} isShown={false} />
            </VisuallyHidden>
          )}
        </>
      )}
    </Stack>
  );
}
