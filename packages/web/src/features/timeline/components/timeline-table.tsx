import { Table } from '@mantine/core';
import type { PersonTimelineView } from '@redress/core';
import { compareDates } from '@redress/core';

type Row = { key: string; date: string; track: string; what: string; by: string; note: string };

const rowsOf = (timeline: PersonTimelineView): Row[] => {
  const placements: Row[] = timeline.bands.map((band) => ({
    key: `band:${band.id}`,
    date: band.from,
    track: 'Custody',
    what: `${band.label}, ${band.from} to ${band.isOpen ? 'now' : band.to}`,
    by: '',
    note: '',
  }));
  const marks: Row[] = timeline.tracks.flatMap((track) =>
    track.marks.map((mark) => ({
      key: `mark:${track.convictionId}:${mark.id}`,
      date: mark.date,
      track: track.label,
      what: mark.label,
      by: mark.byline ?? '',
      note: [mark.note, mark.issue ? `Not counted: ${mark.issue}` : null].filter(Boolean).join(' '),
    })),
  );
  const visits: Row[] = timeline.visits.map((visit) => ({
    key: `visit:${visit.id}`,
    date: visit.date,
    track: 'Legal visits',
    what: visit.label,
    by: '',
    note: '',
  }));
  return [...placements, ...marks, ...visits].sort((a, b) => compareDates(a.date, b.date));
};

/** The timeline's facts in date order: the text alternative to the picture. */
export function TimelineTable({ timeline }: { timeline: PersonTimelineView }) {
  const rows = rowsOf(timeline);
  return (
    <Table verticalSpacing="xs" data-testid="timeline-table">
      <Table.Caption>Timeline of custody placements, sentence events and legal visits, in date order</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Date</Table.Th>
          <Table.Th scope="col">Track</Table.Th>
          <Table.Th scope="col">What happened</Table.Th>
          <Table.Th scope="col">By</Table.Th>
          <Table.Th scope="col">Note</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td>{row.date}</Table.Td>
            <Table.Td>{row.track}</Table.Td>
            <Table.Td>{row.what}</Table.Td>
            <Table.Td>{row.by}</Table.Td>
            <Table.Td>{row.note}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
