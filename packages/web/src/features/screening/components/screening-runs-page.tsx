import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { TableRegion } from '../../../components/table-region';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import { canImport } from '../../imports/can-import';
import { AnchorLink } from '../../people/anchor-link';
import { useSession } from '../../session/session-context';
import { useScreeningRuns } from '../api/list-screening-runs';
import { NewRunForm } from './new-run-form';
import { RunProgress, RunStateBadge } from './run-state';

const POLL_MS = 1500;

/** Screening runs over uploaded rosters: start one, and follow the ones under way. */
export function ScreeningRunsPage() {
  usePageTitle('Relief screening');
  const { user } = useSession();
  const runs = useScreeningRuns(POLL_MS);
  const items = runs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="xl">
      <Title order={1}>Relief screening</Title>
      {canImport(user.role) && (
        <Stack component="section" gap="md" aria-labelledby="screening-new-heading">
          <Title order={2} id="screening-new-heading">
            Screen a roster
          </Title>
          <Text size="sm">
            Every person in the roster is screened against the relief pathways of their jurisdiction. Large rosters are
            read in the background; you can leave the page.
          </Text>
          <NewRunForm />
        </Stack>
      )}
      <Stack component="section" gap="md" aria-labelledby="screening-runs-heading">
        <Title order={2} id="screening-runs-heading">
          Screening runs
        </Title>
        {runs.isPending && <PageLoader label="Loading the screening runs" />}
        {runs.isError && (
          <QueryError error={runs.error} what="the screening runs" onRetry={() => void runs.refetch()} />
        )}
        {runs.isSuccess &&
          (items.length === 0 ? (
            <Text>No roster has been screened yet.</Text>
          ) : (
            <TableRegion label="Screening runs">
              <Table striped verticalSpacing="sm" data-testid="screening-runs">
                <Table.Caption>Screening runs, newest first</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Run</Table.Th>
                    <Table.Th scope="col">As of</Table.Th>
                    <Table.Th scope="col">State</Table.Th>
                    <Table.Th scope="col">Progress</Table.Th>
                    <Table.Th scope="col">Started by</Table.Th>
                    <Table.Th scope="col">Created</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((run) => (
                    <Table.Tr key={run.id} data-testid="screening-run-row">
                      <Table.Th scope="row">
                        <AnchorLink to="/screening/$runId" params={{ runId: run.id }}>
                          {run.name}
                        </AnchorLink>
                        <Text size="xs" c="dimmed">
                          {run.fileName}
                        </Text>
                      </Table.Th>
                      <Table.Td>{run.asOf}</Table.Td>
                      <Table.Td>
                        <RunStateBadge state={run.state} />
                      </Table.Td>
                      <Table.Td miw={220}>
                        <RunProgress run={run} size="sm" />
                      </Table.Td>
                      <Table.Td>{run.createdBy?.name ?? '—'}</Table.Td>
                      <Table.Td>
                        <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableRegion>
          ))}
        {runs.hasNextPage && (
          <Button
            variant="outline"
            onClick={() => void runs.fetchNextPage()}
            loading={runs.isFetchingNextPage}
            style={{ alignSelf: 'flex-start' }}
          >
            Load more runs
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
