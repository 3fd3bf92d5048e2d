import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { INTAKE_DECISION_LABELS, type IntakeMetricsView, isCalendarDate } from '@redress/core';
import { type FormEvent, useState } from 'react';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { serverFieldErrors } from '../../../lib/form-errors';
import { usePageTitle } from '../../../lib/use-page-title';
import { AnchorLink } from '../../people/anchor-link';
import { type IntakeMetricsRange, useIntakeMetrics } from '../api/get-intake-metrics';
import { AGE_BUCKET_LABELS } from '../labels';
import { BarChart } from './bar-chart';

const days = (n: number | null) =>
  n === null ? '—' : `${n.toLocaleString(undefined, { maximumFractionDigits: 1 })} days`;

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm">{label}</Text>
      <Text fz={28} fw={700} lh={1.2} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function RangeForm({
  range,
  onApply,
  errors,
}: {
  range: IntakeMetricsRange;
  onApply: (range: IntakeMetricsRange) => void;
  errors: Record<string, string>;
}) {
  const [from, setFrom] = useState(range.from ?? '');
  const [to, setTo] = useState(range.to ?? '');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (from && !isCalendarDate(from)) found.from = 'Use a real date';
    if (to && !isCalendarDate(to)) found.to = 'Use a real date';
    if (from && to && to < from) found.to = 'After the first day';
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    onApply({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Period">
      <Group gap="sm" align="flex-end">
        <TextInput
          type="date"
          label="From"
          description="Empty: 12 weeks ago"
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          error={clientErrors.from ?? errors.from}
        />
        <TextInput
          type="date"
          label="To"
          description="Empty: today"
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          error={clientErrors.to ?? errors.to}
        />
        <Button type="submit">Show</Button>
      </Group>
    </form>
  );
}

function Metrics({ metrics }: { metrics: IntakeMetricsView }) {
  const perWeek = metrics.receivedPerWeek.map((week) => ({ label: week.weekStart.slice(5), value: week.letters }));
  const allChannels = metrics.receivedPerWeek.reduce((sum, week) => sum + week.total, 0);
  const letters = metrics.receivedPerWeek.reduce((sum, week) => sum + week.letters, 0);
  const backlog = metrics.backlog.map((row) => ({ label: AGE_BUCKET_LABELS[row.bucket], value: row.count }));
  const backlogTotal = metrics.backlog.reduce((sum, row) => sum + row.count, 0);
  const reasons = metrics.decisionsByReason.map((row) => ({
    label: `${INTAKE_DECISION_LABELS[row.decision]}: ${row.reason ?? 'no reason given'}`,
    value: row.count,
  }));
  const { firstResponse } = metrics;

  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Figure label="Letters received" value={letters.toLocaleString()} testId="metric-letters" />
        <Figure label="Open intakes (backlog)" value={backlogTotal.toLocaleString()} testId="metric-backlog" />
        <Figure label="First response, median" value={days(firstResponse.medianDays)} testId="metric-median" />
        <Figure label="First response, 90th percentile" value={days(firstResponse.p90Days)} testId="metric-p90" />
      </SimpleGrid>
      <Stack component="section" gap="sm" aria-labelledby="metrics-weekly-heading">
        <Title order={2} id="metrics-weekly-heading" size="h3">
          Letters received per week
        </Title>
        <Text size="sm">
          Mailed letters by the week (starting Monday) they arrived; {allChannels.toLocaleString()} intakes came in by
          every channel together.
        </Text>
        <BarChart
          title={`Letters received per week, ${metrics.from} to ${metrics.to}`}
          bars={perWeek}
          labelHeading="Week starting (month-day)"
          valueHeading="Letters"
          orientation="columns"
          testId="metrics-weekly-chart"
        />
      </Stack>
      <Stack component="section" gap="sm" aria-labelledby="metrics-backlog-heading">
        <Title order={2} id="metrics-backlog-heading" size="h3">
          Backlog by age
        </Title>
        <Text size="sm">Intakes new or in review today, by days since they were received.</Text>
        <BarChart title="Open intakes by age" bars={backlog} labelHeading="Age" valueHeading="Intakes" />
      </Stack>
      <Stack component="section" gap="sm" aria-labelledby="metrics-response-heading">
        <Title order={2} id="metrics-response-heading" size="h3">
          Time to first response
        </Title>
        <Text size="sm">
          Of the intakes received in the period, {firstResponse.count.toLocaleString()} have had a first answer (median{' '}
          {days(firstResponse.medianDays)}, 90th percentile {days(firstResponse.p90Days)});{' '}
          {firstResponse.unanswered.toLocaleString()} have not.
        </Text>
      </Stack>
      <Stack component="section" gap="sm" aria-labelledby="metrics-decisions-heading">
        <Title order={2} id="metrics-decisions-heading" size="h3">
          Decisions by reason
        </Title>
        <BarChart
          title="Decisions in the period by reason"
          bars={reasons}
          labelHeading="Decision and reason"
          valueHeading="Intakes"
        />
      </Stack>
    </Stack>
  );
}

/** How intake is going: letters per week, the backlog by age, time to first answer, decisions by reason. */
export function IntakeMetricsPage() {
  usePageTitle('Intake metrics');
  const [range, setRange] = useState<IntakeMetricsRange>({});
  const metrics = useIntakeMetrics(range);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <AnchorLink to="/intake" size="sm">
          The triage queue
        </AnchorLink>
        <Title order={1}>Intake metrics</Title>
      </Stack>
      <RangeForm range={range} onApply={setRange} errors={serverFieldErrors(metrics.error)} />
      {metrics.isPending && <PageLoader label="Loading the intake metrics" />}
      {metrics.isError && (
        <QueryError error={metrics.error} what="the intake metrics" onRetry={() => void metrics.refetch()} />
      )}
      {metrics.data && (
        <>
          <Text size="sm" role="status">
            From {metrics.data.from} to {metrics.data.to}.
          </Text>
          <Metrics metrics={metrics.data} />
        </>
      )}
    </Stack>
  );
}
