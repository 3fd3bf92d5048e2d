import { Table } from '@mantine/core';
import type { AuditEntryView } from '@redress/core';
import { useState } from 'react';
import { TableRegion } from '../../../components/table-region';
import { AuditEntryRow } from './audit-entry-row';

export function AuditTable({ entries }: { entries: readonly AuditEntryView[] }) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const toggle = (seq: number) => {
    const next = new Set(expanded);
    if (!next.delete(seq)) next.add(seq);
    setExpanded(next);
  };

  return (
    <TableRegion label="Audit log entries">
      <Table verticalSpacing="sm">
        <Table.Caption>Audit log entries, newest first</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Entity</Table.Th>
            <Table.Th scope="col">IP address</Table.Th>
            <Table.Th scope="col">Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <AuditEntryRow
              key={entry.seq}
              entry={entry}
              isExpanded={expanded.has(entry.seq)}
              onToggle={() => toggle(entry.seq)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
