import { Badge } from '@mantine/core';
import type { ScreeningStatus } from '@redress/core';
import { STATUS_LABELS, STATUS_TONES, TONE_STYLES } from '../labels';

type StatusBadgeProps = { status: ScreeningStatus; eligibleFrom?: string | null };

/** A status in words and colour; "eligible from" carries its date, so the colour is never the only cue. */
export function StatusBadge({ status, eligibleFrom = null }: StatusBadgeProps) {
  const tone = TONE_STYLES[STATUS_TONES[status]];
  const label = status === 'eligible_from' && eligibleFrom ? `Eligible from ${eligibleFrom}` : STATUS_LABELS[status];
  return (
    <Badge
      tt="none"
      radius="sm"
      size="lg"
      fw={600}
      data-status={status}
      data-testid="screening-status"
      style={{
        background: tone.background,
        color: tone.color,
        border: `1px solid ${tone.border}`,
        minWidth: 'max-content',
        flexShrink: 0,
      }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {label}
    </Badge>
  );
}
