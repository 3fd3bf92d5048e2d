import { Button, Code, Table, Text, VisuallyHidden } from '@mantine/core';
import type { AuditEntryView } from '@redress/core';
import { DateTime } from '../../../components/date-time';

export const AUDIT_COLUMN_COUNT = 6;

type AuditEntryRowProps = { entry: AuditEntryView; isExpanded: boolean; onToggle: () => void };

export function AuditEntryRow({ entry, isExpanded, onToggle }: AuditEntryRowProps) {
  const detailsId = `audit-details-${entry.seq}`;
  return (
    <>
      <Table.Tr data-testid="audit-row">
        <Table.Td>
          <DateTime value={entry.at} />
        </Table.Td>
        <Table.Td>{entry.actorLabel}</Table.Td>
        <Table.Td>
          <code>{entry.action}</code>
        </Table.Td>
        <Table.Td>
          {entry.entityType}
          {entry.entityId && (
            <Text component="span" size="sm" display="block" style={{ wordBreak: 'break-all' }}>
              {entry.entityId}
            </Text>
          )}
        </Table.Td>
        <Table.Td>{entry.ip ?? 'Unknown'}</Table.Td>
        <Table.Td>
          <Button
            size="xs"
            variant="subtle"
            onClick={onToggle}
            aria-expanded={isExpanded}
            aria-controls={isExpanded ? detailsId : undefined}
          >
            {isExpanded ? 'Hide details' : 'Show details'}
            <VisuallyHidden> of entry {entry.seq}</VisuallyHidden>
          </Button>
        </Table.Td>
      </Table.Tr>
      {isExpanded && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={AUDIT_COLUMN_COUNT}>
            <Text size="sm">
              Entry {entry.seq}
              {entry.requestId && <> · request {entry.requestId}</>}
              {entry.userAgent && <> · {entry.userAgent}</>}
            </Text>
            <Code block mt="xs">
              {JSON.stringify(entry.details, null, 2)}
            </Code>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
