import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'info' | 'success' | 'danger' | 'warning' | 'accent';

/**
 * Badge colours picked for WCAG AA text contrast (4.5:1 or better): Mantine's light variants of
 * green, teal, yellow and violet fall short of it.
 */
const TONES: Record<Tone, { background: string; color: string; border: string }> = {
  neutral: { background: '#f1f3f5', color: '#343a40', border: '#ced4da' },
  info: { background: '#e7f5ff', color: '#1864ab', border: '#a5d8ff' },
  success: { background: '#ebfbee', color: '#1e6b30', border: '#b2f2bb' },
  danger: { background: '#fff5f5', color: '#a51d1d', border: '#ffc9c9' },
  warning: { background: '#fff9db', color: '#6b4200', border: '#ffe066' },
  accent: { background: '#f3f0ff', color: '#5235ab', border: '#d0bfff' },
};

type ToneBadgeProps = Omit<BadgeProps, 'color' | 'variant'> & {
  tone: Tone;
  children: ReactNode;
  'data-testid'?: string;
};

export function ToneBadge({ tone, children, style, ...rest }: ToneBadgeProps) {
  const colours = TONES[tone];
  return (
    <Badge
      radius="sm"
      {...rest}
      // A state in a narrow table column is shown whole, never cut to "READY…".
      styles={{ label: { overflow: 'visible' } }}
      style={{
        background: colours.background,
        color: colours.color,
        border: `1px solid ${colours.border}`,
        minWidth: 'max-content',
        flexShrink: 0,
        ...(typeof style === 'object' ? style : {}),
      }}
    >
      {children}
    </Badge>
  );
}
