import { Button, Group } from '@mantine/core';
import { useSession } from '../../session/session-context';
import { canExport } from '../can-import';

type ExportLinksProps = { list: 'people' | 'matters' | 'contacts' };

/** Downloads of a whole list (what the user may see), for the roles allowed to export. */
export function ExportLinks({ list }: ExportLinksProps) {
  const { user } = useSession();
  if (!canExport(user.role)) return null;
  return (
    <Group gap="xs">
      <Button component="a" href={`/api/v1/export/${list}.csv`} download variant="default" size="sm">
        Export {list} as CSV
      </Button>
      <Button component="a" href={`/api/v1/export/${list}.json`} download variant="default" size="sm">
        Export {list} as JSON
      </Button>
    </Group>
  );
}
