import { Badge, Progress, Stack, Text } from '@mantine/core';
import type { ScreeningRunBody } from '@redress/core';
import { isRunActive } from '../api/get-screening-run';
import { RUN_STATE_LABELS, TONE_STYLES } from '../labels';

const STATE_TONES = {
  queued: TONE_STYLES.grey,
  running: TONE_STYLES.blue,
  completed: TONE_STYLES.green,
  failed: { background: '#ffe3e3', color: '#a51d1d', border: '#c92a2a' },
  cancelled: TONE_STYLES.grey,
} as const;

export function RunStateBadge({ state }: { state: ScreeningRunBody['state'] }) {
  const tone = STATE_TONES[state];
  return (
    <Badge
      tt="none"
      radius="sm"
      fw={600}
      data-testid="run-state"
      data-state={state}
      style={{
        background: tone.background,
        color: tone.color,
        border: `1px solid ${tone.border}`,
        minWidth: 'max-content',
        flexShrink: 0,
      }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {RUN_STATE_LABELS[state]}
    </Badge>
  );
}

/** Share of the roster read, in whole percent (a finished run reads 100). */
export const percentRead = (run: ScreeningRunBody): number => {
  if (run.state === 'completed') return 100;
  if (run.fileBytes <= 0) return 0;
  return Math.min(100, Math.floor((run.bytesRead / run.fileBytes) * 100));
};

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export const describeProgress = (run: ScreeningRunBody): string =>
  `${count(run.peopleScreened, 'person', 'people')} screened, ${percentRead(run)}% of the roster read${
    run.rowErrors > 0 ? `, ${count(run.rowErrors, 'row error', 'row errors')}` : ''
  }.`;

/** A run's progress as a bar and in words; the words are a live region so a screen reader hears them. */
export function RunProgress({ run, size = 'xl' }: { run: ScreeningRunBody; size?: 'sm' | 'xl' }) {
  const percent = percentRead(run);
  const isActive = isRunActive(run);
  return (
    <Stack gap={4}>
      <Progress
        value={percent}
        size={size}
        aria-label={`Progress of ${run.name}`}
        animated={isActive}
        striped={isActive}
        data-testid="run-progress"
      />
      <Text size="sm" role={size === 'xl' ? 'status' : undefined}>
        {run.state === 'queued' ? 'Waiting to start. ' : ''}
        {describeProgress(run)}
      </Text>
    </Stack>
  );
}
