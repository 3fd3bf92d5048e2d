import { Alert, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ScreeningRunBody } from '@redress/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { AppDialog } from '../../../components/app-dialog';
import { FormAlert } from '../../../components/form-alert';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { serverFieldErrors } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import { canExport, canImport } from '../../imports/can-import';
import { canTriage } from '../../intake/can-triage';
import { AnchorLink } from '../../people/anchor-link';
import { useSession } from '../../session/session-context';
import { useDeleteScreeningRun } from '../api/delete-screening-run';
import { isRunActive, useScreeningRun } from '../api/get-screening-run';
import { RESULTS_PAGE_SIZE, useScreeningResults } from '../api/list-screening-results';
import { useScreeningRuns } from '../api/list-screening-runs';
import { useOpenIntakeFromScreening } from '../api/open-intake-from-screening';
import { useOpenPersonFromScreening } from '../api/open-person-from-screening';
import { PATHWAY_LABELS } from '../labels';
import { type ResultFilters, type RunTab, resultFiltersOf, type ScreeningRunSearch } from '../screening-run-search';
import { ResultsFilterForm } from './results-filter-form';
import { ResultsTable } from './results-table';
import { RowErrorsTable } from './row-errors-table';
import { RunComparison } from './run-comparison';
import { RunProgress, RunStateBadge } from './run-state';
import { RunSummaryChart } from './run-summary-chart';

const routeApi = getRouteApi('/signed-in/screening/$runId');
const POLL_MS = 1000;

export function ScreeningRunPage() {
  const { runId } = routeApi.useParams();
  const run = useScreeningRun(runId, POLL_MS);
  usePageTitle(run.data ? `Screening: ${run.data.name}` : 'Screening run');

  if (run.isPending) return <PageLoader label="Loading the screening run" />;
  if (run.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>Screening run</Title>
        <QueryError error={run.error} what="this screening run" onRetry={() => void run.refetch()} />
        <AnchorLink to="/screening">All screening runs</AnchorLink>
      </Stack>
    );
  }
  return <RunRecord run={run.data} />;
}

function RunFacts({ run }: { run: ScreeningRunBody }) {
  const facts: [string, string][] = [
    ['As of', run.asOf],
    [
      'Roster',
      `${run.fileName} (${(run.fileBytes / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} KB)`,
    ],
    ['Pathways', run.pathways ? run.pathways.map((id) => PATHWAY_LABELS[id]).join(', ') : 'All'],
    ['Rule book', run.ruleBookVersion],
    ['Started by', run.createdBy?.name ?? '—'],
    ['Created', formatDateTime(run.createdAt)],
  ];
  if (run.finishedAt) facts.push(['Finished', formatDateTime(run.finishedAt)]);
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0 }}>
      {facts.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt style={{ fontWeight: 600 }}>{term}</dt>
          <dd style={{ margin: 0 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ExportButtons({ run }: { run: ScreeningRunBody }) {
  const base = `/api/v1/screening/runs/${encodeURIComponent(run.id)}/export`;
  return (
    <Group gap="xs">
      <Button component="a" href={`${base}?format=csv`} download variant="default" size="sm">
        Export results as CSV
      </Button>
      <Button component="a" href={`${base}?format=jsonl`} download variant="default" size="sm">
        Export results as JSON Lines
      </Button>
    </Group>
  );
}

function RunRecord({ run }: { run: ScreeningRunBody }) {
  const search = routeApi.useSearch();
  const navigateRun = routeApi.useNavigate();
  const navigate = useNavigate();
  const { user } = useSession();
  const [isDeleting, setIsDeleting] = useState(false);
  const deletion = useDeleteScreeningRun();
  const isCompleted = run.state === 'completed';
  const tab: RunTab = search.tab ?? 'results';

  const setSearch = (changes: Partial<ScreeningRunSearch>) =>
    void navigateRun({ search: (previous) => ({ ...previous, ...changes }) });

  const confirmDelete = () =>
    deletion.mutate(run.id, {
      onSuccess: () => {
        notifications.show({ message: `Deleted the screening run “${run.name}”.` });
        void navigate({ to: '/screening' });
      },
    });

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <AnchorLink to="/screening" size="sm">
          All screening runs
        </AnchorLink>
        <Group justify="space-between" align="flex-start">
          <Group gap="sm" align="center">
            <Title order={1}>{run.name}</Title>
            <RunStateBadge state={run.state} />
          </Group>
          <Group gap="xs">
            {isCompleted && canExport(user.role) && <ExportButtons run={run} />}
            {canImport(user.role) && !isRunActive(run) && (
              <Button variant="outline" color="red" size="sm" onClick={() => setIsDeleting(true)}>
                Delete run
              </Button>
            )}
          </Group>
        </Group>
        <RunFacts run={run} />
      </Stack>

      {isRunActive(run) && (
        <Stack component="section" gap="sm" aria-labelledby="run-progress-heading">
          <Title order={2} id="run-progress-heading">
            Progress
          </Title>
          <RunProgress run={run} />
        </Stack>
      )}

      {run.state === 'failed' && (
        <Alert color="red" title="The run stopped" role="alert">
          <Text size="sm">{run.failureReason ?? 'The server could not finish the run.'}</Text>
          <Text size="sm">{`${run.peopleScreened.toLocaleString()} people were screened before it stopped.`}</Text>
        </Alert>
      )}
      {run.state === 'cancelled' && <Text>This run was cancelled.</Text>}

      {isCompleted && run.summary && (
        <Stack component="section" gap="sm" aria-labelledby="run-summary-heading">
          <Title order={2} id="run-summary-heading">
            Summary
          </Title>
          <RunSummaryChart run={run} summary={run.summary} />
        </Stack>
      )}

      {isCompleted && (
        <Tabs
          value={tab}
          onChange={(value) => setSearch({ tab: value === 'errors' || value === 'compare' ? value : undefined })}
          keepMounted={false}
        >
          <Tabs.List aria-label="Run details">
            <Tabs.Tab value="results">Results</Tabs.Tab>
            <Tabs.Tab value="errors">{`Row errors (${run.rowErrors.toLocaleString()})`}</Tabs.Tab>
            <Tabs.Tab value="compare">Compare with an earlier run</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="results" pt="md">
            <ResultsPanel
              run={run}
              search={search}
              onFilters={(filters) => setSearch({ ...clearFilters, ...filters })}
            />
          </Tabs.Panel>
          <Tabs.Panel value="errors" pt="md">
            <RowErrorsTable runId={run.id} />
          </Tabs.Panel>
          <Tabs.Panel value="compare" pt="md">
            <ComparePanel
              run={run}
              compareWith={search.compareWith}
              onCompareWith={(id) => setSearch({ compareWith: id })}
            />
          </Tabs.Panel>
        </Tabs>
      )}

      {isDeleting && (
        <AppDialog title="Delete this screening run?" onClose={() => setIsDeleting(false)}>
          <Stack gap="md">
            <FormAlert error={deletion.error} title="Could not delete the run" />
            <Text>
              The results of “{run.name}” will be deleted. People already opened from it stay in the case file.
            </Text>
            <Group>
              <Button color="red" onClick={confirmDelete} loading={deletion.isPending}>
                Delete run
              </Button>
              <Button variant="default" onClick={() => setIsDeleting(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </AppDialog>
      )}
    </Stack>
  );
}

const clearFilters: { [K in keyof Required<ResultFilters>]: undefined } = {
  pathway: undefined,
  status: undefined,
  eligibleBy: undefined,
  q: undefined,
  sort: undefined,
};

function ResultsPanel({
  run,
  search,
  onFilters,
}: {
  run: ScreeningRunBody;
  search: ScreeningRunSearch;
  onFilters: (filters: ResultFilters) => void;
}) {
  const filters = resultFiltersOf(search);
  const results = useScreeningResults(run.id, filters, true);
  const openPerson = useOpenPersonFromScreening();
  const openIntake = useOpenIntakeFromScreening();
  const navigate = useNavigate();
  const { user } = useSession();
  const rows = results.data?.pages.flatMap((page) => page.items) ?? [];
  const total = results.data?.pages[0]?.total ?? 0;

  const open = (subjectId: string) =>
    openPerson.mutate(
      { runId: run.id, subjectId },
      {
        onSuccess: ({ personId }) => void navigate({ to: '/people/$personId', params: { personId } }),
      },
    );

  const openAsIntake = (subjectId: string) =>
    openIntake.mutate(
      { runId: run.id, subjectId },
      { onSuccess: (intake) => void navigate({ to: '/intake/$intakeId', params: { intakeId: intake.id } }) },
    );

  return (
    <Stack gap="md">
      <ResultsFilterForm
        key={JSON.stringify(filters)}
        filters={filters}
        pathways={run.pathways}
        onApply={onFilters}
        errors={serverFieldErrors(results.error)}
      />
      <FormAlert error={openPerson.error} title="Could not open the person" />
      <FormAlert error={openIntake.error} title="Could not open the intake" />
      {results.isPending && <PageLoader label="Loading the results" />}
      {results.isError && (
        <QueryError error={results.error} what="the results" onRetry={() => void results.refetch()} />
      )}
      {results.isSuccess &&
        (rows.length > 0 ? (
          <ResultsTable
            rows={rows}
            caption="Results by person and pathway"
            canOpenPerson={canImport(user.role)}
            openingSubject={
              openPerson.isPending
                ? openPerson.variables.subjectId
                : openIntake.isPending
                  ? `intake:${openIntake.variables.subjectId}`
                  : null
            }
            onOpenPerson={open}
            canOpenIntake={canTriage(user.role)}
            onOpenIntake={openAsIntake}
          />
        ) : (
          <Text>No result matches these filters.</Text>
        ))}
      <Text role="status" size="sm" data-testid="results-count">
        {results.isSuccess
          ? `${total.toLocaleString()} ${total === 1 ? 'result' : 'results'} match; showing ${rows.length.toLocaleString()}.`
          : ''}
      </Text>
      {results.hasNextPage && (
        <Button
          variant="outline"
          onClick={() => void results.fetchNextPage()}
          loading={results.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          Show {RESULTS_PAGE_SIZE} more
        </Button>
      )}
    </Stack>
  );
}

function ComparePanel({
  run,
  compareWith,
  onCompareWith,
}: {
  run: ScreeningRunBody;
  compareWith: string | undefined;
  onCompareWith: (runId: string | undefined) => void;
}) {
  const runs = useScreeningRuns(POLL_MS * 5);
  const earlier = (runs.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (other) => other.id !== run.id && other.state === 'completed',
  );
  if (runs.isPending) return <PageLoader label="Loading the other runs" />;
  if (runs.isError) return <QueryError error={runs.error} what="the other runs" onRetry={() => void runs.refetch()} />;
  return <RunComparison run={run} earlierRuns={earlier} compareWith={compareWith} onCompareWith={onCompareWith} />;
}
