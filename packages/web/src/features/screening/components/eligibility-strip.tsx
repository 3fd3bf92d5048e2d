import { Box, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { addMonths, compareDates, type PathwayId, type ScreeningStatus } from '@redress/core';
import { useId, useState } from 'react';
import { dayNumber, timeScale, truncate } from '../../timeline/timeline-scale';
import { STATUS_LABELS, STATUS_TONES, TONE_STYLES } from '../labels';

export type StripRow = { pathway: PathwayId; title: string; status: ScreeningStatus; eligibleFrom: string };

const WIDTH = 1000;
const LEFT = 300;
const RIGHT = WIDTH - 90;
const AXIS_Y = 20;
const TOP = 40;
const ROW = 30;
const INK = '#1b2a3a';
const AS_OF_INK = '#a51d1d';

/** "in 2 years 3 months", "1 year 2 months ago", "on the as-of date": the distance people read. */
export const describeDistance = (date: string, asOf: string): string => {
  const order = compareDates(date, asOf);
  if (order === 0) return 'on the as-of date';
  const [early, late] = order < 0 ? [date, asOf] : [asOf, date];
  let months = 0;
  while (compareDates(addMonths(early, months + 1), late) <= 0) months++;
  const days = dayNumber(late) - dayNumber(addMonths(early, months));
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [
    years > 0 ? `${years} ${years === 1 ? 'year' : 'years'}` : '',
    rest > 0 ? `${rest} ${rest === 1 ? 'month' : 'months'}` : '',
    years === 0 && rest === 0 ? `${days} ${days === 1 ? 'day' : 'days'}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return order < 0 ? `${parts} before` : `in ${parts}`;
};

const describeStrip = (rows: readonly StripRow[], asOf: string): string =>
  rows
    .map(
      (row) =>
        `${row.title}: ${STATUS_LABELS[row.status].toLowerCase()}, from ${row.eligibleFrom} (${describeDistance(row.eligibleFrom, asOf)}).`,
    )
    .join(' ');

function StripTable({ rows, asOf }: { rows: readonly StripRow[]; asOf: string }) {
  return (
    <Table verticalSpacing={4} data-testid="eligibility-table">
      <Table.Caption>Eligible-from dates by pathway, relative to {asOf}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Pathway</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">Eligible from</Table.Th>
          <Table.Th scope="col">Relative to the as-of date</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.pathway}>
            <Table.Th scope="row">{row.title}</Table.Th>
            <Table.Td>{STATUS_LABELS[row.status]}</Table.Td>
            <Table.Td>{row.eligibleFrom}</Table.Td>
            <Table.Td>{describeDistance(row.eligibleFrom, asOf)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * When each pathway opens, as a strip of dates around the as-of date: a line runs from each
 * eligible-from date onwards, and the next twelve months are shaded. The same facts are in the table.
 */
export function EligibilityStrip({
  rows,
  asOf,
  personName,
}: {
  rows: readonly StripRow[];
  asOf: string;
  personName: string;
}) {
  const id = useId();
  const [isTableShown, setIsTableShown] = useState(false);
  if (rows.length === 0) {
    return <Text size="sm">No pathway has an eligible-from date on this as-of date.</Text>;
  }
  const sorted = [...rows].sort((a, b) => compareDates(a.eligibleFrom, b.eligibleFrom));
  const dates = sorted.map((row) => row.eligibleFrom);
  const yearAfter = addMonths(asOf, 12);
  const first = [asOf, ...dates].reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));
  const last = [yearAfter, ...dates].reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
  const scale = timeScale({ from: first, to: last }, LEFT, RIGHT, 10);
  const height = TOP + sorted.length * ROW + 26;
  const asOfX = scale.x(asOf);
  const yearX = scale.x(yearAfter);

  return (
    <Stack gap="xs">
      <Box style={{ overflowX: 'auto' }}>
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          style={{ minWidth: 640, display: 'block', fontFamily: 'inherit' }}
          data-testid="eligibility-strip"
        >
          <title id={`${id}-title`}>
            Eligible-from dates of {personName} by pathway, as of {asOf}
          </title>
          <desc id={`${id}-desc`}>{describeStrip(sorted, asOf)}</desc>
          <rect
            x={asOfX}
            y={AXIS_Y + 6}
            width={Math.max(1, yearX - asOfX)}
            height={height - AXIS_Y - 12}
            fill="#e7f5ff"
          />
          <text x={asOfX + 3} y={AXIS_Y + 17} fontSize={11} fill="#0b3a6b">
            next 12 months
          </text>
          {scale.ticks.map((tick) => (
            <g key={tick.year}>
              <line x1={tick.x} x2={tick.x} y1={AXIS_Y + 6} y2={height - 20} stroke="#ced4da" />
              <text x={tick.x} y={AXIS_Y} textAnchor="middle" fontSize={12} fill={INK}>
                {tick.year}
              </text>
            </g>
          ))}
          {sorted.map((row, index) => {
            const y = TOP + index * ROW + ROW / 2;
            const x = scale.x(row.eligibleFrom);
            const tone = TONE_STYLES[STATUS_TONES[row.status]];
            return (
              <g key={row.pathway} data-pathway={row.pathway}>
                <title>
                  {row.title}: {STATUS_LABELS[row.status]} from {row.eligibleFrom} (
                  {describeDistance(row.eligibleFrom, asOf)})
                </title>
                <text x={8} y={y + 4} fontSize={12} fill={INK}>
                  {truncate(row.title, 44)}
                </text>
                <line x1={x} x2={RIGHT} y1={y} y2={y} stroke={tone.bar} strokeWidth={4} strokeLinecap="round" />
                <circle cx={x} cy={y} r={6} fill="#fff" stroke={tone.bar} strokeWidth={3} />
                <text x={RIGHT + 6} y={y + 4} fontSize={11} fill={INK}>
                  {row.eligibleFrom}
                </text>
              </g>
            );
          })}
          <line
            x1={asOfX}
            x2={asOfX}
            y1={AXIS_Y + 6}
            y2={height - 20}
            stroke={AS_OF_INK}
            strokeDasharray="5 4"
            strokeWidth={1.5}
          />
          <text x={asOfX - 4} y={height - 6} textAnchor="end" fontSize={11} fill={AS_OF_INK}>
            As of {asOf}
          </text>
        </svg>
      </Box>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => setIsTableShown(!isTableShown)}
        style={{ alignSelf: 'flex-start' }}
      >
        {isTableShown ? 'Hide the dates table' : 'Show the dates as a table'}
      </Button>
      {isTableShown ? (
        <StripTable rows={sorted} asOf={asOf} />
      ) : (
        <VisuallyHidden>
          <StripTable rows={sorted} asOf={asOf} />
        </VisuallyHidden>
      )}
    </Stack>
  );
}
