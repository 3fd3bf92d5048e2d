import { Anchor, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { CHANNEL_LABELS, type CorrespondenceBody, isMailedChannel } from '@redress/core';
import { TableRegion } from '../../../components/table-region';
import { correspondencePdfUrl } from '../api/list-correspondence';
import { correspondenceDay, DIRECTION_LABELS, STATE_LABELS, STATE_TONES } from '../labels';
import { ToneBadge } from './tone-badge';

type CorrespondenceTableProps = {
  items: readonly CorrespondenceBody[];
  canWrite: boolean;
  onMarkSent: (letter: CorrespondenceBody) => void;
  onMarkReturned: (letter: CorrespondenceBody) => void;
  onAddScan: (letter: CorrespondenceBody) => void;
  busyId: string | null;
};

/** A person's letters, calls and video visits, newest first. */
export function CorrespondenceTable({
  items,
  canWrite,
  onMarkSent,
  onMarkReturned,
  onAddScan,
  busyId,
}: CorrespondenceTableProps) {
  return (
    <TableRegion label="Correspondence">
      <Table striped verticalSpacing="xs" data-testid="correspondence-table">
        <Table.Caption>Letters in and out, newest first</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Direction</Table.Th>
            <Table.Th scope="col">Channel</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Summary</Table.Th>
            <Table.Th scope="col">Staff</Table.Th>
            <Table.Th scope="col">Scan or PDF</Table.Th>
            {canWrite && <Table.Th scope="col">Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const canSend = item.direction === 'out' && (item.state === 'ready' || item.state === 'draft');
            const canReturn = item.direction === 'out' && item.state === 'sent' && isMailedChannel(item.channel);
            return (
              <Table.Tr key={item.id} data-testid="correspondence-row" data-state={item.state}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{correspondenceDay(item)}</Table.Td>
                <Table.Td>{DIRECTION_LABELS[item.direction]}</Table.Td>
                <Table.Td>{CHANNEL_LABELS[item.channel]}</Table.Td>
                <Table.Td>
                  <ToneBadge tone={STATE_TONES[item.state]} data-testid="correspondence-state">
                    {STATE_LABELS[item.state]}
                  </ToneBadge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {item.summary}
                  </Text>
                  {item.returnedReason && (
                    <Text size="xs" c="red.9">
                      Returned: {item.returnedReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{item.staff?.name ?? '—'}</Table.Td>
                <Table.Td>
                  {item.documentId ? (
                    <Anchor href={correspondencePdfUrl(item.id)} target="_blank" rel="noopener" size="sm">
                      Open<VisuallyHidden> {item.summary}</VisuallyHidden>
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {canSend && (
                        <Button
                          size="compact-xs"
                          variant="default"
                          loading={busyId === item.id}
                          onClick={() => onMarkSent(item)}
                        >
                          Mark sent<VisuallyHidden> {item.summary}</VisuallyHidden>
                        </Button>
                      )}
                      {canReturn && (
                        <Button size="compact-xs" variant="outline" color="red" onClick={() => onMarkReturned(item)}>
                          Mark returned<VisuallyHidden> {item.summary}</VisuallyHidden>
                        </Button>
                      )}
                      {!item.documentId && (
                        <Button size="compact-xs" variant="subtle" onClick={() => onAddScan(item)}>
                          Add scan<VisuallyHidden> to {item.summary}</VisuallyHidden>
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
