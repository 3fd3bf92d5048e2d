import type { VisitStatus } from '@redress/core';
import type { Tone } from '../correspondence/components/tone-badge';

export const VISIT_STATUS_TONES: Record<VisitStatus, Tone> = {
  requested: 'neutral',
  approved: 'info',
  denied: 'danger',
  scheduled: 'accent',
  held: 'success',
  cancelled: 'neutral',
};

/** An <input type="datetime-local"> value (local time) as an ISO instant, or null when incomplete. */
export const localToIso = (value: string): string | null => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** An ISO instant as an <input type="datetime-local"> value in local time. */
export const isoToLocal = (iso: string | null): string => {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};
