import { Box, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { TableRegion } from '../../../components/table-region';
import { truncate } from '../../timeline/timeline-scale';

export type Bar = { label: string; value: number };

type BarChartProps = {
  /** Names the picture and the table. */
  title: string;
  bars: readonly Bar[];
  /** The column heads of the table alternative. */
  labelHeading: string;
  valueHeading: string;
  /** Columns (weeks along the bottom) or rows (a bar per category). */
  orientation?: 'columns' | 'rows';
  testId?: string;
};

const INK = '#1b2a3a';
const FILL = '#1c5fa8';
const GRID = '#ced4da';

function columnChart({ bars, max }: { bars: readonly Bar[]; max: number }) {
  const slot = 44;
  const top = 18;
  const plot = 160;
  const width = Math.max(320, bars.length * slot + 16);
  const height = top + plot + 40;
  // Label every week when they fit, else every other one.
  const step = bars.length > 16 ? 2 : 1;
  return {
    viewBox: `0 0 ${width} ${height}`,
    minWidth: Math.min(width, 640),
    body: (
      <>
        <line x1={8} x2={width - 8} y1={top + plot} y2={top + plot} stroke={GRID} />
        {bars.map((bar, index) => {
          const h = max > 0 ? (bar.value / max) * plot : 0;
          const x = 8 + index * slot + 6;
          return (
            <g key={bar.label}>
              <rect
                x={x}
                y={top + plot - h}
                width={slot - 12}
                height={Math.max(h, bar.value > 0 ? 1.5 : 0)}
                fill={FILL}
              >
                <title>{`${bar.label}: ${bar.value}`}</title>
              </rect>
              <text x={x + (slot - 12) / 2} y={top + plot - h - 4} textAnchor="middle" fontSize={11} fill={INK}>
                {bar.value}
              </text>
              {index % step === 0 && (
                <text x={x + (slot - 12) / 2} y={top + plot + 16} textAnchor="middle" fontSize={10} fill={INK}>
                  {truncate(bar.label, 8)}
                </text>
              )}
            </g>
          );
        })}
      </>
    ),
  };
}

function rowChart({ bars, max }: { bars: readonly Bar[]; max: number }) {
  const width = 720;
  const left = 220;
  const right = width - 60;
  const row = 28;
  const height = bars.length * row + 8;
  return {
    viewBox: `0 0 ${width} ${height}`,
    minWidth: 480,
    body: (
      <>
        {bars.map((bar, index) => {
          const y = index * row + 4;
          const w = max > 0 ? (bar.value / max) * (right - left) : 0;
          return (
            <g key={bar.label}>
              <text x={left - 8} y={y + 14} textAnchor="end" fontSize={12} fill={INK}>
                {truncate(bar.label, 34)}
              </text>
              <rect x={left} y={y} width={Math.max(w, bar.value > 0 ? 1.5 : 0)} height={18} fill={FILL}>
                <title>{`${bar.label}: ${bar.value}`}</title>
              </rect>
              <text x={left + w + 6} y={y + 14} fontSize={12} fill={INK} fontWeight={600}>
                {bar.value}
              </text>
            </g>
          );
        })}
      </>
    ),
  };
}

function BarTable({ title, bars, labelHeading, valueHeading }: Omit<BarChartProps, 'orientation' | 'testId'>) {
  return (
    <Table verticalSpacing={4} withTableBorder>
      <Table.Caption>{title}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{labelHeading}</Table.Th>
          <Table.Th scope="col">{valueHeading}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {bars.map((bar) => (
          <Table.Tr key={bar.label}>
            <Table.Th scope="row">{bar.label}</Table.Th>
            <Table.Td>{bar.value.toLocaleString()}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * A small SVG bar chart with the same numbers as a table: hidden for screen readers by default, shown
 * on request for anyone who prefers to read the figures.
 */
export function BarChart({ title, bars, labelHeading, valueHeading, orientation = 'rows', testId }: BarChartProps) {
  const id = useId();
  const [isTableShown, setIsTableShown] = useState(false);
  if (bars.length === 0) return <Text size="sm">Nothing to show yet.</Text>;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const chart = orientation === 'columns' ? columnChart({ bars, max }) : rowChart({ bars, max });
  const table = <BarTable title={title} bars={bars} labelHeading={labelHeading} valueHeading={valueHeading} />;
  return (
    <Stack gap="xs">
      <Box style={{ overflowX: 'auto' }}>
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={chart.viewBox}
          width="100%"
          style={{ minWidth: chart.minWidth, maxWidth: 960, display: 'block', fontFamily: 'inherit' }}
          data-testid={testId}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{bars.map((bar) => `${bar.label}: ${bar.value}.`).join(' ')}</desc>
          {chart.body}
        </svg>
      </Box>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => setIsTableShown(!isTableShown)}
        style={{ alignSelf: 'flex-start' }}
      >
        {isTableShown ? 'Hide the table' : 'Show as a table'}
      </Button>
      {isTableShown ? <TableRegion label={title}>{table}</TableRegion> : <VisuallyHidden>{table}</VisuallyHidden>}
    </Stack>
  );
}
